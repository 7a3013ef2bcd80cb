// The tablet pairing (electron/services/share/pairing.ts) on its own: the QR token and the
// typed code each pair the first device only; a later one waits for the advisor's answer.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, TabletPairing, type PairOutcome } from '../../electron/services/share/pairing';

const ipad =
  'Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1';
const from = (cookie?: string): IncomingMessage =>
  ({ headers: { 'user-agent': ipad, ...(cookie ? { cookie } : {}) } }) as IncomingMessage;
const cookieOf = (outcome: PairOutcome) =>
  'cookie' in outcome && outcome.cookie ? (outcome.cookie.split(';')[0] ?? '') : '';

describe('tablet pairing', () => {
  it('pairs the first device by the token; the token again waits for the advisor, who allows or refuses', () => {
    const pairing = new TabletPairing('k'.repeat(32));
    expect(pairing.byToken('wrong', undefined, from())).toEqual({ kind: 'forbidden' });
    const first = pairing.byToken(pairing.token, undefined, from());
    expect(first.kind).toBe('paired');
    expect(cookieOf(first)).toMatch(new RegExp(`^${DEVICE_COOKIE}=`));
    const paired = pairing.device(from(cookieOf(first)));
    expect(paired?.state).toBe('paired');
    expect(pairing.byToken(pairing.token, paired, from())).toEqual({ kind: 'paired' });

    const second = pairing.byToken(pairing.token, undefined, from());
    expect(second).toMatchObject({ kind: 'waiting', device: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(pairing.pending).toEqual([{ device: (second as { device: string }).device, label: expect.any(String) }]);
    const waiting = pairing.device(from(cookieOf(second)));
    if (!waiting) throw new Error('the waiting device is not known by its cookie');
    expect(pairing.asked(waiting)).toEqual({ kind: 'waiting', device: waiting.id });
    expect(pairing.answer(waiting.id, false)).toBe(true);
    expect(pairing.answer(waiting.id, true)).toBe(false);
    expect(pairing.asked(waiting)).toEqual({ kind: 'refused' });
    expect(pairing.pending).toEqual([]);
  });

  it('pairs the first device by the typed code, counts wrong codes, and lets at most 4 devices wait', () => {
    const pairing = new TabletPairing();
    const wrong = pairing.shortCode.code === '000000' ? '111111' : '000000';
    expect(pairing.byCode(wrong, undefined, from())).toEqual({ kind: 'wrong-code', attemptsLeft: 4 });
    const first = pairing.byCode(
      ` ${pairing.shortCode.code.slice(0, 3)} ${pairing.shortCode.code.slice(3)}`,
      undefined,
      from(),
    );
    expect(first.kind).toBe('paired');
    expect(cookieOf(first)).not.toBe('');
    // Spent on its first right answer.
    expect(pairing.byCode(pairing.shortCode.code, undefined, from())).toEqual({ kind: 'spent-code' });
    // The token, used later by other devices: each waits, up to four at once.
    for (let i = 0; i < 4; i++) expect(pairing.byToken(pairing.token, undefined, from()).kind).toBe('waiting');
    expect(pairing.byToken(pairing.token, undefined, from())).toEqual({ kind: 'forbidden' });
  });
});
