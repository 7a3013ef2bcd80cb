// A wall clock far ahead: the rule at the top of electron/services/followUp/scheduler.ts. A
// firing more than a day before its due time by the trusted clock (the previous run's) is held
// as a clock error until the clock is set right, or until it has kept to its time long enough
// to be believed (a laptop that was really closed for a week).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { NewFollowUp } from '../../core/followUp/record';
import { FollowUpScheduler, type Firing } from '../../electron/services/followUp/scheduler';
import { CLOCK_LONG_SETTLE_MS, CLOCK_SETTLE_MS } from '../../electron/services/followUp/clockTrust';
import { FollowUpStore } from '../../electron/services/followUp/store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const T0 = Date.parse('2026-12-03T22:00:00Z');

let dir: string;
let store: FollowUpStore | undefined;
let scheduler: FollowUpScheduler | undefined;
let fired: Firing[];
let warn: MockInstance;

function follow(id: string, dueAt: number): NewFollowUp {
  return {
    id,
    prospectId: `p-${id}`,
    prospectName: `Prospect ${id}`,
    dueAt: new Date(dueAt).toISOString(),
    timeZone: 'UTC',
    channel: 'email',
    subject: `Following up ${id}`,
    body: 'Dear prospect,\n',
  };
}

/** The app starts: a store read from disk and a scheduler with the real (faked) clock. */
function start(): Firing[] {
  scheduler?.stop();
  store?.close();
  store = FollowUpStore.open({ cwd: dir });
  scheduler = new FollowUpScheduler({ store, notify: (f) => fired.push(f) });
  return scheduler.start();
}

function quit(): void {
  scheduler?.stop();
  store?.close();
  scheduler = store = undefined;
}

const ids = (firings: readonly Firing[]) => firings.map((f) => f.followUp.id);
const statuses = () => {
  const s = FollowUpStore.open({ cwd: dir });
  return Object.fromEntries(s.all().map((f) => [f.id, f.status]));
};

/** A run on T0 that schedules follow-ups due in an hour, in two days and in ten days, then quits. */
function firstRun(): void {
  start();
  store?.schedule(follow('in-1h', T0 + HOUR));
  store?.schedule(follow('in-2d', T0 + 2 * DAY));
  store?.schedule(follow('in-10d', T0 + 10 * DAY));
  quit();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  vi.setSystemTime(T0);
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-clock-'));
  fired = [];
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  quit();
  warn.mockRestore();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('a clock far ahead at start', () => {
  it('fires nothing and writes nothing while the clock is years ahead, and fires on time once it is set right', () => {
    firstRun();
    // The machine starts with its clock five years ahead.
    vi.setSystemTime(T0 + 5 * YEAR);
    expect(start()).toEqual([]);
    expect(fired).toEqual([]);
    expect(statuses()).toEqual({ 'in-1h': 'scheduled', 'in-2d': 'scheduled', 'in-10d': 'scheduled' });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('3 follow-up(s) due by it are held, not fired');
    expect(scheduler?.clockDoubt).toBeDefined();

    // Ten minutes later it is still wrong: still nothing (far ahead, it must keep its time a day).
    vi.advanceTimersByTime(10 * MINUTE);
    expect(fired).toEqual([]);

    // The network time sets it right: the heartbeat sees the jump, nothing held was due.
    vi.setSystemTime(T0 + 11 * MINUTE);
    vi.advanceTimersByTime(MINUTE);
    expect(fired).toEqual([]);
    expect(scheduler?.clockDoubt).toBeUndefined();

    // Each follow-up then fires at its own time, not as missed.
    vi.advanceTimersByTime(T0 + HOUR - Date.now());
    expect(ids(fired)).toEqual(['in-1h']);
    expect(fired[0]).toMatchObject({ missed: false, lateMs: 0 });
    vi.advanceTimersByTime(2 * DAY);
    expect(ids(fired)).toEqual(['in-1h', 'in-2d']);
  });

  it('still fires what is due by the previous run’s clock, on time, while the clock is in doubt', () => {
    start();
    store?.schedule(follow('soon', T0 + 2 * MINUTE));
    store?.schedule(follow('later', T0 + 3 * DAY));
    quit();
    vi.setSystemTime(T0 + 5 * YEAR);
    expect(start()).toEqual([]);
    // Two minutes by the trusted clock (the monotonic clock counts them), whatever the wall says.
    vi.advanceTimersByTime(2 * MINUTE - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['soon']);
    expect(fired[0]?.lateMs).toBe(0);
    expect(statuses()).toEqual({ soon: 'due', later: 'scheduled' });
  });

  it('a clock years ahead that nobody sets right is believed after a day, restarts included', () => {
    firstRun();
    vi.setSystemTime(T0 + 5 * YEAR);
    start();
    vi.advanceTimersByTime(CLOCK_LONG_SETTLE_MS / 2);
    // Meanwhile the trusted clock reached the first one's time: it fired then, on time.
    expect(ids(fired)).toEqual(['in-1h']);
    expect(fired[0]).toMatchObject({ missed: false, lateMs: 0 });
    // A restart does not start the wait again: when the doubt began is written down.
    expect(start()).toEqual([]);
    vi.advanceTimersByTime(CLOCK_LONG_SETTLE_MS / 2 - 1);
    expect(ids(fired)).toEqual(['in-1h']);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['in-1h', 'in-2d', 'in-10d']);
    expect(fired.slice(1).every((f) => f.missed)).toBe(true);
  });
});

describe('a genuine absence', () => {
  it('a laptop closed for a week fires each missed follow-up once, as missed, a few minutes after start', () => {
    firstRun();
    vi.setSystemTime(T0 + 7 * DAY);
    expect(start()).toEqual([]);
    vi.advanceTimersByTime(CLOCK_SETTLE_MS - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['in-1h', 'in-2d']);
    expect(fired.every((f) => f.missed)).toBe(true);
    expect(statuses()).toEqual({ 'in-1h': 'due', 'in-2d': 'due', 'in-10d': 'scheduled' });
    // Never again: a restart repeats nothing, and the clock is trusted from now on.
    expect(start()).toEqual([]);
    expect(scheduler?.clockDoubt).toBeUndefined();
    vi.advanceTimersByTime(3 * DAY);
    expect(ids(fired)).toEqual(['in-1h', 'in-2d', 'in-10d']);
    expect(fired[2]?.missed).toBe(false);
  });

  it('a restart during the wait does not start it again', () => {
    firstRun();
    vi.setSystemTime(T0 + 7 * DAY);
    start();
    vi.advanceTimersByTime(CLOCK_SETTLE_MS - MINUTE);
    quit();
    vi.advanceTimersByTime(30_000);
    expect(start()).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(ids(fired)).toEqual(['in-1h', 'in-2d']);
  });

  it('a restart within a day fires what it missed at once, as before', () => {
    firstRun();
    vi.setSystemTime(T0 + 20 * HOUR);
    expect(ids(start())).toEqual(['in-1h']);
    expect(fired[0]?.missed).toBe(true);
  });

  it('a machine asleep for a week with the app running: the same wait, then each fires once', () => {
    start();
    store?.schedule(follow('a', T0 + 2 * DAY));
    // Asleep: the wall clock moves on, the monotonic clock (and the timers) do not.
    vi.setSystemTime(T0 + 7 * DAY);
    scheduler?.onResume();
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(CLOCK_SETTLE_MS);
    expect(ids(fired)).toEqual(['a']);
    expect(fired[0]?.missed).toBe(false);
  });
});

describe('a clock set back', () => {
  it('a clock reset to 2000 by a dead battery, then put right, fires nothing early and nothing late', () => {
    firstRun();
    vi.setSystemTime(Date.parse('2000-01-01T00:00:00Z'));
    expect(start()).toEqual([]);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(fired).toEqual([]);
    // Put right 20 minutes after T0: plausible at once, so the one due at T0 + 1 h fires on time.
    vi.setSystemTime(T0 + 20 * MINUTE);
    vi.advanceTimersByTime(MINUTE);
    expect(fired).toEqual([]);
    expect(scheduler?.clockDoubt).toBeUndefined();
    vi.advanceTimersByTime(T0 + HOUR - Date.now());
    expect(ids(fired)).toEqual(['in-1h']);
  });
});
