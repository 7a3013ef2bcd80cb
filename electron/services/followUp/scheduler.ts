// The follow-up scheduler: shows each reminder when it comes due, exactly once, under plain
// Node (no electron import: the shell injects the notifier and calls onResume).
//
// - One timer, to the next follow-up due (from the store's in-memory index); no polling for
//   due times. It is re-armed whenever the store changes, on resume from sleep, and when the
//   wall clock jumps.
// - setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days): a longer wait is cut into
//   chunks, and each wake-up recomputes from the wall clock.
// - Exactly once: a firing is written to disk (status "due") before the notifier is called. A
//   restart never repeats it (a due record does not fire again); a crash between the write and
//   the notification never loses it (the record lists as due).
// - On start, every follow-up that came due while the app was closed fires once, `missed`.
// - If the firing cannot be written (disk full, folder gone), the reminder is still shown, once
//   in this run, and the write is retried every minute: a broken disk may cost a repeat after
//   a restart, never a lost reminder.
//
// Clock jumps: timers run on a monotonic clock, due times are wall-clock instants. If the wall
// clock moves (the advisor fixes the time, NTP corrects it after a sleep, a VM resumes), an
// armed timer would fire early or late. Electron reports resume but no clock change, so a slow
// heartbeat (once a minute by default) compares how far the wall clock and the monotonic clock
// moved since the last beat; when they disagree by more than a few seconds it calls
// onClockChange. The heartbeat never reads the records: it is a clock-jump detector, not a poll
// for due follow-ups. A jump is noticed within one heartbeat.
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
import { markFired, type FollowUp } from '../../../core/followUp/record';
import type { FollowUpStore } from './store';
import type { ClockMemory } from './settingsFile';

/** The longest delay setTimeout honours; a longer one fires at once (Node and browsers). */
export const MAX_DELAY = 2 ** 31 - 1;
/** How soon a firing that could not be written is tried again. */
export const RETRY_MS = 60_000;
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

export interface Clock {
  /** Wall-clock time, epoch ms. */
  now(): number;
  /** Monotonic ms (performance.now): unaffected by wall-clock changes. */
  monotonic(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. Reads the globals at call time, so test fake timers apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Firing {
  /** The record as persisted: status "due", firedAt set. */
  followUp: FollowUp;
  /** It came due while the app was not running (found on start, or held then while the clock was in doubt). */
  missed: boolean;
  /** The due time it fired for, epoch ms (dueAt, or snoozedUntil after a snooze). */
  dueAt: number;
  /** How late it fired, ms (after a sleep or a restart). */
  lateMs: number;
}

export type Notifier = (firing: Firing) => void;

/** While the wall clock is in doubt (see the top of this file), epoch ms. */
export interface ClockDoubt {
  /** The trusted time when the doubt was last judged. */
  trustedAt: number;
  /** When the clock will be believed if it keeps to its time. */
  believeAt: number;
}

export interface SchedulerOptions {
  store: FollowUpStore;
  notify: Notifier;
  clock?: Clock;
  /** Heartbeat of the clock-jump detector, ms; 0 turns it off. Default one minute. */
  jumpCheckMs?: number;
  /** Drift between wall and monotonic clock counted as a jump, ms. Default 5 s. */
  jumpToleranceMs?: number;
}

export class FollowUpScheduler {
  readonly #store: FollowUpStore;
  readonly #notify: Notifier;
  readonly #clock: Clock;
  readonly #jumpCheckMs: number;
  readonly #jumpToleranceMs: number;
  #startedAt: number | undefined;
  #timer: unknown;
  #armedFor: number | undefined;
  #heartbeat: unknown;
  #lastWall = 0;
  #lastMono = 0;
  #running = false;
  #again = false;
  /** True during start()'s first pass: what fires then came due while the app was closed. */
  #catchingUp = false;
  /** Shown but not yet written (the write failed): not shown again while retrying. */
  readonly #unsaved = new Set<string>();
  #retryAt: number | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The trusted time: this wall-clock reading, taken at this monotonic reading. */
  #trustedWall: number | undefined;
  #trustedMono = 0;
  /** The trusted time last written down. */
  #remembered: number | undefined;
  /** Since when (wall clock) the clock has been in doubt. */
  #aheadSince: number | undefined;
  #doubt: ClockDoubt | undefined;
  #doubtLogged = false;

  constructor(options: SchedulerOptions) {
    this.#store = options.store;
    this.#notify = options.notify;
    this.#clock = options.clock ?? systemClock;
    this.#jumpCheckMs = options.jumpCheckMs ?? 60_000;
    this.#jumpToleranceMs = options.jumpToleranceMs ?? 5_000;
  }

  /** Catches up (each follow-up missed while closed fires once) and arms the timer. */
  start(): Firing[] {
    if (this.#startedAt !== undefined) return [];
    this.#startedAt = this.#clock.now();
    const memory = this.#recall();
    this.#trustedWall = this.#remembered = memory.trustedAt;
    this.#trustedMono = this.#clock.monotonic();
    this.#aheadSince = memory.aheadSince;
    this.#doubt = undefined;
    this.#doubtLogged = false;
    this.#unsubscribe = this.#store.subscribe(() => this.#run());
    this.#resetJumpDetector();
    this.#catchingUp = true;
    try {
      return this.#run();
    } finally {
      this.#catchingUp = false;
    }
  }

  stop(): void {
    // The next run judges its clock against this one's.
    if (this.#startedAt !== undefined && this.#trustedWall !== undefined) {
      const now = this.#clock.now();
      const trusted = this.#trustedNow();
      this.#remember(!this.#doubt && now <= trusted + CLOCK_TOLERANCE_MS ? Math.max(now, trusted) : trusted);
    }
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    if (this.#heartbeat !== undefined) this.#clock.clearTimeout(this.#heartbeat);
    this.#timer = this.#heartbeat = this.#armedFor = this.#startedAt = undefined;
  }

  get running(): boolean {
    return this.#startedAt !== undefined;
  }

  /** The due time the timer is armed for (epoch ms), if any. */
  get armedFor(): number | undefined {
    return this.#armedFor;
  }

  /** The machine woke up: fire what came due while it slept, then re-arm. */
  onResume(): void {
    this.#resetJumpDetector();
    this.#run();
  }

  /** The wall clock changed: due times are wall-clock instants, so recompute the wait. */
  onClockChange(): void {
    // A clock in doubt that jumps has not kept to its time: its wait starts again.
    if (this.#aheadSince !== undefined) this.#aheadSince = undefined;
    this.#run();
  }

  /** Set while the wall clock is in doubt and follow-ups due by it are held. */
  get clockDoubt(): ClockDoubt | undefined {
    return this.#doubt;
  }

  /** Fires everything due by now (each once), then arms the one timer for the next. */
  #run(): Firing[] {
    if (this.#startedAt === undefined) return [];
    const firings: Firing[] = [];
    // A notifier or listener that changes the store calls back in here: finish this pass,
    // then go round again, rather than nesting.
    if (this.#running) {
      this.#again = true;
      return firings;
    }
    this.#running = true;
    try {
      do {
        this.#again = false;
        this.#retryAt = undefined;
        const now = this.#clock.now();
        const judged = this.#judgeClock(now);
        // In doubt, time is kept by the trusted clock: what it says is not due yet is held.
        for (const id of this.#store.dueBy(judged.fireBy)) {
          const firing = this.#fire(id, now, judged);
          if (firing) firings.push(firing);
        }
      } while (this.#again);
    } finally {
      this.#running = false;
    }
    this.rearm();
    return firings;
  }

  #fire(id: string, now: number, judged: Judgement): Firing | undefined {
    const before = this.#store.get(id);
    if (!before) return undefined;
    const dueAt =
      before.status === 'snoozed' && before.snoozedUntil ? Date.parse(before.snoozedUntil) : Date.parse(before.dueAt);
    const missed = (this.#catchingUp || judged.believed) && dueAt < (this.#startedAt ?? now);
    let fired: FollowUp | undefined;
    try {
      // Persisted first: if the app dies after this line, the record is due and never fires again.
      fired = this.#store.markFired(id);
    } catch (error) {
      console.error(`Follow-up ${id} came due but could not be saved; retrying in a minute`, error);
      this.#retryAt = now + RETRY_MS;
      if (this.#unsaved.has(id)) return undefined;
      this.#unsaved.add(id);
      return this.#show({
        followUp: markFired(before, now),
        missed,
        dueAt,
        lateMs: Math.max(0, judged.fireBy - dueAt),
      });
    }
    if (!fired) return undefined;
    // Shown already while its write kept failing: saved now, not shown twice.
    if (this.#unsaved.delete(id)) return undefined;
    return this.#show({ followUp: fired, missed, dueAt, lateMs: Math.max(0, judged.fireBy - dueAt) });
  }

  #show(firing: Firing): Firing {
    try {
      this.#notify(firing);
    } catch (error) {
      // The record stays due and lists as such: a failed notification loses nothing.
      console.error(`The reminder for follow-up ${firing.followUp.id} could not be shown`, error);
    }
    return firing;
  }

  /** (Re)arms the one timer for the next due follow-up. Cheap: the store keeps it sorted. */
  rearm(): void {
    if (this.#startedAt === undefined) return;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = this.#store.nextDue();
    this.#armedFor = next?.at;
    if (!next) return;
    // A firing that could not be saved waits for its retry instead of spinning.
    const at = this.#retryAt !== undefined ? Math.max(next.at, this.#retryAt) : next.at;
    this.#armedFor = at;
    const now = this.#clock.now();
    let wait = at - now;
    if (this.#doubt) {
      // Held ones wait for the trusted clock to reach them, or for the clock to be believed.
      wait = Math.min(
        Math.max(next.at - this.#trustedNow(), (this.#retryAt ?? now) - now),
        this.#doubt.believeAt - now,
      );
      this.#armedFor = now + Math.max(0, wait);
    }
    // Past MAX_DELAY, wake at the chunk's end and recompute: the timer then re-arms itself.
    const delay = Math.min(Math.max(0, wait), MAX_DELAY);
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#run();
    }, delay);
  }

  #resetJumpDetector(): void {
    if (this.#jumpCheckMs <= 0) return;
    if (this.#heartbeat !== undefined) this.#clock.clearTimeout(this.#heartbeat);
    this.#lastWall = this.#clock.now();
    this.#lastMono = this.#clock.monotonic();
    this.#heartbeat = this.#clock.setTimeout(() => this.#beat(), this.#jumpCheckMs);
  }

  #beat(): void {
    this.#heartbeat = undefined;
    if (this.#startedAt === undefined) return;
    const wall = this.#clock.now();
    const mono = this.#clock.monotonic();
    const drift = wall - this.#lastWall - (mono - this.#lastMono);
    this.#resetJumpDetector();
    if (Math.abs(drift) > this.#jumpToleranceMs) this.onClockChange();
    // A steady, plausible clock: the trusted time follows it (written down every 12 hours).
    else if (!this.#doubt && this.#trustedWall !== undefined && wall <= this.#trustedNow() + CLOCK_TOLERANCE_MS)
      this.#trust(Math.max(wall, this.#trustedNow()), mono);
  }

  /** The trusted time now: the last trusted reading carried forward by the monotonic clock. */
  #trustedNow(): number {
    return (this.#trustedWall ?? this.#clock.now()) + (this.#clock.monotonic() - this.#trustedMono);
  }

  /** Whether the wall clock can be believed now, and so by what time follow-ups fire. */
  #judgeClock(now: number): Judgement {
    const mono = this.#clock.monotonic();
    const trusted = this.#trustedWall === undefined ? undefined : this.#trustedNow();
    if (trusted === undefined || now <= trusted + CLOCK_TOLERANCE_MS) {
      const wasInDoubt = this.#aheadSince !== undefined;
      if (wasInDoubt && this.#doubtLogged)
        console.warn(`The clock (${iso(now)}) is plausible again; follow-ups fire by it.`);
      this.#trust(Math.max(now, trusted ?? now), mono, wasInDoubt);
      return { fireBy: now, believed: false };
    }
    // A clock read earlier than when the doubt began has not kept to its time: the wait restarts.
    if (this.#aheadSince === undefined || now + this.#jumpToleranceMs < this.#aheadSince) {
      this.#aheadSince = now;
      this.#remember(trusted);
    }
    const settle = now - trusted > LONG_ABSENCE_MS ? CLOCK_LONG_SETTLE_MS : CLOCK_SETTLE_MS;
    const believeAt = this.#aheadSince + settle;
    if (now >= believeAt) {
      console.warn(
        `The clock kept to ${iso(now)} since ${iso(this.#aheadSince)}: it is believed, and the follow-ups held since fire now.`,
      );
      this.#trust(now, mono, true);
      return { fireBy: now, believed: true };
    }
    this.#doubt = { trustedAt: trusted, believeAt };
    if (!this.#doubtLogged) {
      this.#doubtLogged = true;
      const held = this.#store.dueBy(now).length - this.#store.dueBy(trusted).length;
      console.warn(
        `The clock reads ${iso(now)}, more than a day past the last trusted time (${iso(trusted)}). ` +
          `Treated as a clock error: ${held} follow-up(s) due by it are held, not fired, until the clock is set right ` +
          `or keeps to its time until ${iso(believeAt)}.`,
      );
    }
    return { fireBy: trusted, believed: false };
  }

  /** The clock is plausible (or believed): the trusted time moves to `wall`. */
  #trust(wall: number, mono: number, force = false): void {
    this.#trustedWall = wall;
    this.#trustedMono = mono;
    this.#doubt = undefined;
    this.#doubtLogged = false;
    this.#aheadSince = undefined;
    if (force || this.#remembered === undefined || Math.abs(wall - this.#remembered) >= REMEMBER_EVERY_MS)
      this.#remember(wall);
  }

  #recall(): ClockMemory {
    try {
      return this.#store.clockMemory();
    } catch (error) {
      console.error('The follow-up scheduler could not read what it knew of the clock', error);
      return {};
    }
  }

  /** Writes the trusted time (and the doubt, if any) down for the next run; never fatal. */
  #remember(trustedAt: number): void {
    try {
      this.#store.rememberClock(
        this.#aheadSince === undefined ? { trustedAt } : { trustedAt, aheadSince: this.#aheadSince },
      );
      this.#remembered = trustedAt;
    } catch (error) {
      console.error('The follow-up scheduler could not write down the time', error);
    }
  }
}

interface Judgement {
  /** Follow-ups due by this time fire: the wall clock, or the trusted time while in doubt. */
  fireBy: number;
  /** The clock was believed in this pass after a doubt: what fires was held. */
  believed: boolean;
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();
