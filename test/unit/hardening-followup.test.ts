// follow-up.ics and follow-up.eml from the security review: calendar lines folded at 75 octets
// (RFC 5545 §3.1) whatever the script, and names in mail headers and the calendar's SUMMARY
// without bidi controls or zero-width characters (the body keeps them as typed).
import fc from 'fast-check';
import ICAL from 'ical.js';
import { simpleParser, type AddressObject } from 'mailparser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFollowUpDraft } from '../../core/followUp/email';
import type { Intake } from '../../core/intake/intake';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import { withoutInvisibles } from '../../core/text/text';
import type { Advisor } from '../../core/advisor/advisor';
import { buildFollowUpIcs, foldLine, MAX_LINE_OCTETS } from '../../electron/services/followUp/calendar';
import { loadFollowUpCopy } from '../../electron/services/followUp/copy';
import { buildFollowUpEml, composeFollowUpEml } from '../../electron/services/followUp/mail';
import { loadRecipe } from '../../electron/services/recipes';
import { advisor as sampleAdvisor, intake as sampleIntake } from '../support/samples';

// Properties and real files: seconds on a busy machine, never a time window.
vi.setConfig({ testTimeout: 60_000 });

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

async function files(intake: Intake, advisor: Advisor) {
  const plan = planDeck(intake, advisor, recipe);
  const draft = buildFollowUpDraft({ intake, advisor, plan, copy: loadFollowUpCopy() });
  const ics = buildFollowUpIcs({ intake, advisor, plan, subject: draft.subject });
  const mail = await simpleParser(await buildFollowUpEml({ intake, advisor, plan, summaryPdf: pdf }));
  return { draft, ics, mail };
}

function event(ics: string): ICAL.Event {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
}

/** Every physical line within 75 octets, continuation lines starting with one space. */
function expectFolded(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(octets(line), line).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    // Never a fold inside a surrogate pair: each physical line is whole UTF-16, hence whole UTF-8.
    expect(line, line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(line.startsWith('\t')).toBe(false);
  }
  expect(lines.some((l) => l.startsWith(' '))).toBe(true);
}

const first = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];

describe('follow-up.ics lines are folded at 75 octets', () => {
  it.each([
    ['Japanese', 'ja-JP', '花子'.repeat(50), '山田'.repeat(50), '東京都千代田区丸の内一丁目'.repeat(5)],
    ['emoji', 'en-US', '👨‍👩‍👧‍👦'.repeat(20), '🇫🇷👩🏽‍💻'.repeat(30), '📞 +1 415 555 0134 ☎️'.repeat(10)],
    ['Arabic', 'ar-EG', 'محمد'.repeat(25), 'العلي'.repeat(20), '٠١٢٣٤٥٦٧٨٩ هاتف المنزل'.repeat(10)],
    ['mixed with escapes', 'fr-CA', 'Élodie;,\\'.repeat(10), 'Côté-Lefèvre, «ÉÀ»'.repeat(5), '日本;語,\\n'.repeat(20)],
  ])(
    '%s names and texts: every line within 75 octets, and ical.js reads back the original',
    async (_, locale, firstName, lastName, phone) => {
      const intake = sampleIntake((i) => {
        i.locale = locale;
        i.prospect.firstName = firstName;
        i.prospect.lastName = lastName;
        i.prospect.phone = phone;
      });
      const { draft, ics } = await files(intake, sampleAdvisor());
      expectFolded(ics);
      const e = event(ics);
      // Unfolding (RFC 5545: remove every CRLF followed by one space) gives the texts back whole.
      expect(e.summary).toBe(draft.event.title);
      expect(e.description).toBe(draft.event.description);
      expect(e.description).toContain(phone);
      const alarm = e.component.getFirstSubcomponent('valarm') as ICAL.Component;
      expect(alarm.getFirstPropertyValue('description')).toBe(draft.event.alarm);
    },
  );

  it('folds any line at code point boundaries, and unfolding gives it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000, size: 'max' }), (text) => {
        // A content line: its value already escaped, so no CR or LF of its own.
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        const parts = folded.split('\r\n');
        parts.forEach((part, i) => {
          expect(octets(part)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
          if (i > 0) expect(part.startsWith(' ')).toBe(true);
          // A surrogate pair is never split (a lone surrogate in the input stays where it was).
          expect(/[\uD800-\uDBFF]$/.test(part) && /^[\uDC00-\uDFFF]/.test(parts[i + 1]?.slice(1) ?? '')).toBe(false);
        });
        // Full lines are used: a part ends early only when the next code point would not fit.
        parts.slice(0, -1).forEach((part, i) => {
          const next = String.fromCodePoint((parts[i + 1] as string).codePointAt(1) as number);
          expect(octets(part) + octets(next)).toBeGreaterThan(MAX_LINE_OCTETS);
        });
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('names without bidi controls or zero-width characters in headers and SUMMARY', () => {
  const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

  it('strips them from From, To, Subject and the event’s SUMMARY and alarm; the body keeps them', async () => {
    const intake = sampleIntake((i) => {
      i.prospect.firstName = '\u202EMa\u200Bria\u200F';
      i.prospect.lastName = '\u2066Lo\u2060pez\u2069\uFEFF\u061C';
    });
    const advisor = sampleAdvisor((a) => (a.name = 'Jordan\u200E Av\u202Aery\u202C'));
    const { draft, ics, mail } = await files(intake, advisor);

    expect(first(mail.from)).toEqual({ address: 'jordan.avery@harborpine.example', name: 'Jordan Avery' });
    expect(first(mail.to)).toEqual({ address: 'maria.lopez@example.com', name: 'Maria Lopez' });
    expect(mail.subject).toMatch(/^Maria and Daniel, /);
    expect(mail.subject).not.toMatch(INVISIBLE);
    const e = event(ics);
    expect(e.summary).toBe('Follow up with Maria Lopez & Daniel Lopez');
    expect((e.component.getFirstSubcomponent('valarm') as ICAL.Component).getFirstPropertyValue('description')).toBe(
      'Follow up with Maria Lopez & Daniel Lopez now',
    );

    // As typed in the body: the greeting and the signature.
    expect(mail.text).toContain('Dear \u202EMa\u200Bria\u200F and Daniel,');
    expect(mail.text).toContain('Jordan\u200E Av\u202Aery\u202C');
    expect(draft.body).toContain('\u202EMa\u200Bria\u200F');
  });

  it('strips them at the header even from a draft made elsewhere (a stored follow-up)', async () => {
    const intake = sampleIntake();
    const advisor = sampleAdvisor();
    const draft = buildFollowUpDraft({
      intake,
      advisor,
      plan: planDeck(intake, advisor, recipe),
      copy: loadFollowUpCopy(),
    });
    const tampered = {
      ...draft,
      from: { ...draft.from, name: 'Jordan\u202E Avery' },
      to: { name: 'Ma\u200Dria \u2067Lopez', address: 'maria.lopez@example.com' },
      subject: `\uFEFF${draft.subject}\u200B`,
    };
    const mail = await simpleParser(
      await composeFollowUpEml(tampered, {
        key: '0123456789abcdef0123456789abcdef',
        date: new Date('2026-12-08T18:00:00Z'),
        summaryPdf: pdf,
      }),
    );
    expect(first(mail.from)?.name).toBe('Jordan Avery');
    expect(first(mail.to)?.name).toBe('Maria Lopez');
    expect(mail.subject).toBe(draft.subject);
  });

  it('keeps the joiners that spell a name: an emoji sequence, Persian and Devanagari', () => {
    expect(withoutInvisibles('👩🏽\u200D💻 👨\u200D👩\u200D👧')).toBe('👩🏽\u200D💻 👨\u200D👩\u200D👧');
    expect(withoutInvisibles('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(withoutInvisibles('क्\u200Dष')).toBe('क्\u200Dष');
    // Between Latin letters or at the ends they hide nothing legitimate: gone.
    expect(withoutInvisibles('\u200DMa\u200Dr\u200Cia\u200C')).toBe('Maria');
  });

  it('reads the Arabic name in the event without the marks that would reorder it', async () => {
    const intake = sampleIntake((i) => {
      i.locale = 'ar-EG';
      i.prospect.firstName = '\u202Bمحمد\u202C';
      i.prospect.lastName = '\u061Cالعلي\u200F';
      delete i.prospect.partner;
    });
    const { ics, mail } = await files(intake, sampleAdvisor());
    expect(event(ics).summary).toBe('Follow up with محمد العلي');
    expect(first(mail.to)?.name).toBe('محمد العلي');
  });
});
