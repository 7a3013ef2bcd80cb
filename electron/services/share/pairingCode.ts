// A short code to type on the tablet when its camera cannot scan the QR code: six digits, shown
// beside the code on the laptop. Short to type means easy to guess, so it is one-time (spent on its
// first right answer), short-lived, tied to this share (a new share has a new code), and allows a
// few wrong answers in all (not per device address, which an attacker can vary) before it is spent.
import { randomInt } from 'node:crypto';

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
