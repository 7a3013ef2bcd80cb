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
// A clock far ahead (set years ahead by mistake, a VM, a dead clock battery) must not fire
// every follow-up at once: what time to trust is clockTrust.ts's.
import { markFired, type FollowUp } from '../../../core/followUp/record';
import { systemClock, type Clock } from '../clock';
import { ClockTrust, type ClockDoubt, type Judgement } from './clockTrust';
import type { FollowUpStore } from './store';

/** The longest delay setTimeout honours; a longer one fires at once (Node and browsers). */
export const MAX_DELAY = 2 ** 31 - 1;
/** How soon a firing that could not be written is tried again. */
export const RETRY_MS = 60_000;
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
  /** What time to trust, while the wall clock may be wrong. */
  #trust: ClockTrust | undefined;

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
    this.#trust = new ClockTrust(this.#store, this.#clock, this.#jumpToleranceMs);
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
    if (this.#startedAt !== undefined) this.#trust?.stop();
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
    this.#trust?.jumped();
    this.#run();
  }

  /** Set while the wall clock is in doubt and follow-ups due by it are held. */
  get clockDoubt(): ClockDoubt | undefined {
    return this.#trust?.doubt;
  }

  /** Fires everything due by now (each once), then arms the one timer for the next. */
  #run(): Firing[] {
    const trust = this.#trust;
    if (this.#startedAt === undefined || !trust) return [];
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
        const judged = trust.judge(now);
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
    const trust = this.#trust;
    const doubt = trust?.doubt;
    if (trust && doubt) {
      // Held ones wait for the trusted clock to reach them, or for the clock to be believed.
      wait = Math.min(Math.max(next.at - trust.now(), (this.#retryAt ?? now) - now), doubt.believeAt - now);
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
    else this.#trust?.steady(wall, mono);
  }
}
