// What time the follow-up scheduler trusts (see scheduler.ts for the timer itself).
//
// A clock far ahead (set years ahead by mistake, a VM or a dead clock battery before the
// network time fixes it) would fire every follow-up at once, as missed, and mark each one due
// for good. At the instant the app starts (or wakes) that looks exactly like a laptop that was
// closed for a week; the two differ in what happens next: a wrong clock is put right, a right
// one keeps its time. So:
// - The scheduler keeps a trusted time: the wall clock whenever it is plausible, carried forward
//   by the monotonic clock in between, and written down (in follow-ups.json, through the store)
//   every 12 hours while the clock is steady, when the clock falls in doubt or is believed, and
//   on stop, so the next run starts from the previous run's clock (a run that crashed leaves it
//   at most 12 hours old, well inside the day of tolerance).
// - The wall clock is plausible while it reads no more than a day (CLOCK_TOLERANCE_MS) past the
//   trusted time. Further ahead, firing by it could fire a follow-up more than a day before its
//   due time by the previous run's clock: the clock is in doubt, and time is kept by the trusted
//   time instead. A follow-up due by the wall clock but not yet by the trusted time is held:
//   logged, not fired, not written. What is due by the trusted time still fires, on time.
// - The doubt ends when the clock is plausible again (put right: nothing held was due), or when
//   it has kept to its new time (no jump, and never read earlier than when the doubt began) for
//   CLOCK_SETTLE_MS (5 minutes: the network time fixes a wrong clock within that), or for
//   CLOCK_LONG_SETTLE_MS (a day) when it reads more than LONG_ABSENCE_MS (31 days) ahead, which
//   is longer than an advisor's laptop is usually closed. Then the clock is believed: the
//   trusted time moves to it, and the held follow-ups fire once, as missed if they came due
//   before the app started. The time the doubt began is written down, so a restart does not
//   start the wait again.
// - The trusted time never moves back with the clock: a clock set back (or reset to 2000 by a
//   dead battery) fires nothing early anyway, and the right time, when it returns, is plausible.
// So a week closed costs the missed reminders 5 minutes, a clock years ahead that is put right
// within a day fires nothing, and a first run (nothing written down yet) trusts the clock.
import type { Clock } from '../clock';
import type { ClockMemory } from './settingsFile';
import type { FollowUpStore } from './store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A wall clock further than this past the trusted time is in doubt. */
export const CLOCK_TOLERANCE_MS = DAY;
/** How long a clock in doubt must keep to its time before it is believed. */
export const CLOCK_SETTLE_MS = 5 * 60_000;
/** Further ahead than this, a clock in doubt must keep to its time for CLOCK_LONG_SETTLE_MS. */
export const LONG_ABSENCE_MS = 31 * DAY;
export const CLOCK_LONG_SETTLE_MS = DAY;
/** How far the trusted time moves before it is written down again. */
const REMEMBER_EVERY_MS = 12 * HOUR;

/** While the wall clock is in doubt (see the top of this file), epoch ms. */
export interface ClockDoubt {
  /** The trusted time when the doubt was last judged. */
  trustedAt: number;
  /** When the clock will be believed if it keeps to its time. */
  believeAt: number;
}

export interface Judgement {
  /** Follow-ups due by this time fire: the wall clock, or the trusted time while in doubt. */
  fireBy: number;
  /** The clock was believed in this pass after a doubt: what fires was held. */
  believed: boolean;
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

export class ClockTrust {
  /** The trusted time: this wall-clock reading, taken at this monotonic reading. */
  #trustedWall: number | undefined;
  #trustedMono = 0;
  /** The trusted time last written down. */
  #remembered: number | undefined;
  /** Since when (wall clock) the clock has been in doubt. */
  #aheadSince: number | undefined;
  /** Set while the wall clock is in doubt and follow-ups due by it are held. */
  doubt: ClockDoubt | undefined;
  #doubtLogged = false;

  /** Starts from what the previous run wrote down. */
  constructor(
    private readonly store: FollowUpStore,
    private readonly clock: Clock,
    private readonly jumpToleranceMs: number,
  ) {
    const memory = this.#recall();
    this.#trustedWall = this.#remembered = memory.trustedAt;
    this.#trustedMono = this.clock.monotonic();
    this.#aheadSince = memory.aheadSince;
  }

  /** The scheduler stops: the next run judges its clock against this one's. */
  stop(): void {
    if (this.#trustedWall === undefined) return;
    const now = this.clock.now();
    const trusted = this.now();
    this.#remember(!this.doubt && now <= trusted + CLOCK_TOLERANCE_MS ? Math.max(now, trusted) : trusted);
  }

  /** The wall clock jumped: a clock in doubt that jumps has not kept to its time, its wait starts again. */
  jumped(): void {
    if (this.#aheadSince !== undefined) this.#aheadSince = undefined;
  }

  /** A heartbeat found the clock steady: the trusted time follows it while it is plausible. */
  steady(wall: number, mono: number): void {
    if (!this.doubt && this.#trustedWall !== undefined && wall <= this.now() + CLOCK_TOLERANCE_MS)
      this.#believe(Math.max(wall, this.now()), mono);
  }

  /** The trusted time now: the last trusted reading carried forward by the monotonic clock. */
  now(): number {
    return (this.#trustedWall ?? this.clock.now()) + (this.clock.monotonic() - this.#trustedMono);
  }

  /** Whether the wall clock can be believed now, and so by what time follow-ups fire. */
  judge(now: number): Judgement {
    const mono = this.clock.monotonic();
    const trusted = this.#trustedWall === undefined ? undefined : this.now();
    if (trusted === undefined || now <= trusted + CLOCK_TOLERANCE_MS) {
      const wasInDoubt = this.#aheadSince !== undefined;
      if (wasInDoubt && this.#doubtLogged)
        console.warn(`The clock (${iso(now)}) is plausible again; follow-ups fire by it.`);
      this.#believe(Math.max(now, trusted ?? now), mono, wasInDoubt);
      return { fireBy: now, believed: false };
    }
    // A clock read earlier than when the doubt began has not kept to its time: the wait restarts.
    if (this.#aheadSince === undefined || now + this.jumpToleranceMs < this.#aheadSince) {
      this.#aheadSince = now;
      this.#remember(trusted);
    }
    const settle = now - trusted > LONG_ABSENCE_MS ? CLOCK_LONG_SETTLE_MS : CLOCK_SETTLE_MS;
    const believeAt = this.#aheadSince + settle;
    if (now >= believeAt) {
      console.warn(
        `The clock kept to ${iso(now)} since ${iso(this.#aheadSince)}: it is believed, and the follow-ups held since fire now.`,
      );
      this.#believe(now, mono, true);
      return { fireBy: now, believed: true };
    }
    this.doubt = { trustedAt: trusted, believeAt };
    if (!this.#doubtLogged) {
      this.#doubtLogged = true;
      const held = this.store.dueBy(now).length - this.store.dueBy(trusted).length;
      console.warn(
        `The clock reads ${iso(now)}, more than a day past the last trusted time (${iso(trusted)}). ` +
          `Treated as a clock error: ${held} follow-up(s) due by it are held, not fired, until the clock is set right ` +
          `or keeps to its time until ${iso(believeAt)}.`,
      );
    }
    return { fireBy: trusted, believed: false };
  }

  /** The clock is plausible (or believed): the trusted time moves to `wall`. */
  #believe(wall: number, mono: number, force = false): void {
    this.#trustedWall = wall;
    this.#trustedMono = mono;
    this.doubt = undefined;
    this.#doubtLogged = false;
    this.#aheadSince = undefined;
    if (force || this.#remembered === undefined || Math.abs(wall - this.#remembered) >= REMEMBER_EVERY_MS)
      this.#remember(wall);
  }

  #recall(): ClockMemory {
    try {
      return this.store.clockMemory();
    } catch (error) {
      console.error('The follow-up scheduler could not read what it knew of the clock', error);
      return {};
    }
  }

  /** Writes the trusted time (and the doubt, if any) down for the next run; never fatal. */
  #remember(trustedAt: number): void {
    try {
      this.store.rememberClock(
        this.#aheadSince === undefined ? { trustedAt } : { trustedAt, aheadSince: this.#aheadSince },
      );
      this.#remembered = trustedAt;
    } catch (error) {
      console.error('The follow-up scheduler could not write down the time', error);
    }
  }
}
