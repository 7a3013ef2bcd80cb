// A short code to type on the tablet when its camera cannot scan the QR code: six digits, shown
// beside the code on the laptop. Short to type means easy to guess, so it is one-time (spent on its
// first right answer), short-lived, tied to this share (a new share has a new code), and allows a
// few wrong answers in all (not per device address, which an attacker can vary) before it is spent.
import { randomInt } from 'node:crypto';
import { sha256 } from '../csp';

export const CODE_DIGITS = 6;
/** Wrong answers before the code stops working: a guess succeeds at most 5 times in a million. */
export const MAX_CODE_ATTEMPTS = 5;
/** Long enough to walk to the tablet and type it; the advisor starts sharing again for a new one. */
export const CODE_LIFETIME_MS = 10 * 60_000;

export type CodeAnswer = 'right' | 'wrong' | 'spent';

export class PairingCode {
  readonly code: string;
  readonly #expiresAt: number;
  #wrong = 0;
  #used = false;

  constructor(private readonly now: () => number = Date.now) {
    this.code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    this.#expiresAt = now() + CODE_LIFETIME_MS;
  }

  /** Still worth showing on the laptop. */
  get usable(): boolean {
    return !this.#used && this.#wrong < MAX_CODE_ATTEMPTS && this.now() < this.#expiresAt;
  }

  get attemptsLeft(): number {
    return Math.max(0, MAX_CODE_ATTEMPTS - this.#wrong);
  }

  /** Checks a typed code (spaces ignored); a right one is spent at once. */
  answer(typed: string): CodeAnswer {
    if (!this.usable) return 'spent';
    const digits = typed.replace(/\s+/g, '');
    // Compared digit by digit over the whole length: the time taken says nothing about the code.
    let same = digits.length === CODE_DIGITS ? 0 : 1;
    for (let i = 0; i < CODE_DIGITS; i++) same |= (digits.charCodeAt(i) || 0) ^ this.code.charCodeAt(i);
    if (same === 0) {
      this.#used = true;
      return 'right';
    }
    this.#wrong += 1;
    return this.usable ? 'wrong' : 'spent';
  }
}

const CODE_STYLE =
  'body{font:20px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#F4F2EE;color:#1F2328}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.4rem;margin:0 0 .5rem}label{display:block;font-weight:600;margin:1rem 0 .5rem}input{font:700 32px/1.2 ui-monospace,monospace;letter-spacing:.3em;width:9em;text-align:center;padding:.4rem;border:2px solid #5b6570;border-radius:10px}button{display:block;margin:1rem auto 0;min-height:56px;padding:0 24px;border:0;border-radius:12px;font:600 18px/1 system-ui,sans-serif;background:#14202b;color:#fff}p[role=alert]{color:#a40e26;font-weight:600}';
/** The code page posts its form to this server and nowhere else; no script at all. */
export const CODE_PAGE_CSP = `default-src 'none'; style-src ${sha256(CODE_STYLE)}; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

/** The page a tablet without a pairing gets: type the code the laptop shows. */
export function codePage(problem?: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><link rel="icon" href="data:,"><title>Pair this tablet</title><style>${CODE_STYLE}</style></head><body><main><h1>Pair this tablet</h1><p>Scan the code shown on the advisor’s laptop, or type the pairing code shown beside it.</p><form method="post" action="/pair"><label for="code">Pairing code</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="12" required autofocus>${problem ? `<p role="alert">${escape(problem)}</p>` : ''}<button type="submit">Pair</button></form></main></body></html>`;
}
