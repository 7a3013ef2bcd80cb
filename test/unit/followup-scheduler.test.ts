// The scheduler under vitest fake timers, with a real store in a temp folder: nothing about
// the store or the timers is mocked except time itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followUpSlot } from '../../core/followUp/slotRule';
import type { NewFollowUp } from '../../core/followUp/record';
import { FollowUpScheduler, MAX_DELAY, RETRY_MS, type Firing } from '../../electron/services/followUp/scheduler';
import { CLOCK_SETTLE_MS } from '../../electron/services/followUp/clockTrust';
import { systemClock } from '../../electron/services/clock';
import { FollowUpStore } from '../../electron/services/followUp/store';

// Hundreds of real file writes per test: seconds on a busy machine (the clock itself is faked).
vi.setConfig({ testTimeout: 60_000 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let dir: string;
let store: FollowUpStore;
let scheduler: FollowUpScheduler;
let fired: Firing[];

function follow(id: string, dueAt: string | number, extra: Partial<NewFollowUp> = {}): NewFollowUp {
  return {
    id,
    prospectId: `p-${id}`,
    prospectName: `Prospect ${id}`,
    dueAt: typeof dueAt === 'number' ? new Date(dueAt).toISOString() : dueAt,
    timeZone: 'America/Los_Angeles',
    channel: 'email',
    subject: `Following up ${id}`,
    body: 'Dear prospect,\n',
    ...extra,
  };
}

function startScheduler(options: { jumpCheckMs?: number } = {}): Firing[] {
  store = FollowUpStore.open({ cwd: dir });
  scheduler = new FollowUpScheduler({ store, clock: systemClock, notify: (f) => fired.push(f), ...options });
  return scheduler.start();
}

/** The app quits and starts again: a new store read from disk, a new scheduler. */
function restart(options: { jumpCheckMs?: number } = {}): Firing[] {
  scheduler.stop();
  store.close();
  return startScheduler(options);
}

const ids = (firings: readonly Firing[]) => firings.map((f) => f.followUp.id);
const onDisk = (id: string) => FollowUpStore.open({ cwd: dir }).get(id);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  vi.setSystemTime(new Date('2026-12-03T22:00:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-scheduler-'));
  fired = [];
});

afterEach(() => {
  scheduler?.stop();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('FollowUpScheduler', () => {
  it('fires at the due time, not a millisecond before, once', () => {
    startScheduler();
    store.schedule(follow('a', Date.now() + 2 * HOUR));
    vi.advanceTimersByTime(2 * HOUR - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['a']);
    expect(fired[0]).toMatchObject({ missed: false, lateMs: 0, dueAt: Date.parse('2026-12-04T00:00:00Z') });
    vi.advanceTimersByTime(30 * DAY);
    expect(ids(fired)).toEqual(['a']);
  });

  it('writes the firing to disk before it calls the notifier', () => {
    startScheduler();
    store.schedule(follow('a', Date.now() + HOUR));
    const seen: (string | undefined)[] = [];
    scheduler.stop();
    scheduler = new FollowUpScheduler({
      store,
      notify: (f) => seen.push(onDisk(f.followUp.id)?.status),
      jumpCheckMs: 0,
    });
    scheduler.start();
    vi.advanceTimersByTime(HOUR);
    expect(seen).toEqual(['due']);
  });

  it('keeps one timer, to the next follow-up, however many are stored (no polling)', () => {
    startScheduler({ jumpCheckMs: 0 });
    for (let i = 0; i < 200; i++) store.schedule(follow(`f${i}`, Date.now() + (i + 1) * HOUR));
    expect(vi.getTimerCount()).toBe(1);
    expect(scheduler.armedFor).toBe(Date.now() + HOUR);
  });

  it('re-arms when the store changes: an earlier one, a reschedule, a cancel', () => {
    startScheduler();
    store.schedule(follow('later', Date.now() + 5 * HOUR));
    expect(scheduler.armedFor).toBe(Date.now() + 5 * HOUR);
    store.schedule(follow('sooner', Date.now() + HOUR));
    expect(scheduler.armedFor).toBe(Date.now() + HOUR);
    store.reschedule('later', new Date(Date.now() + 30 * 60_000).toISOString());
    expect(scheduler.armedFor).toBe(Date.now() + 30 * 60_000);
    vi.advanceTimersByTime(30 * 60_000);
    expect(ids(fired)).toEqual(['later']);
    store.cancel('sooner');
    expect(scheduler.armedFor).toBeUndefined();
    vi.advanceTimersByTime(10 * DAY);
    expect(ids(fired)).toEqual(['later']);
  });

  it('fires a follow-up due in the past as soon as it is scheduled', () => {
    startScheduler();
    store.schedule(follow('late', Date.now() - 5 * 60_000));
    expect(ids(fired)).toEqual(['late']);
    expect(fired[0]?.missed).toBe(false);
  });

  it('waits longer than setTimeout can (40 days) and fires on the right day', () => {
    startScheduler();
    const due = Date.now() + 40 * DAY;
    store.schedule(follow('far', due));
    // A plain setTimeout of 40 days fires after 1 ms; the scheduler waits in chunks.
    expect(MAX_DELAY).toBe(2 ** 31 - 1);
    vi.advanceTimersByTime(MAX_DELAY);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(due - Date.now() - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['far']);
    expect(new Date(fired[0]?.dueAt ?? 0).toISOString()).toBe('2027-01-12T22:00:00.000Z');
  });

  it('on resume from sleep, fires what came due while asleep, once', () => {
    startScheduler();
    store.schedule(follow('a', Date.now() + HOUR));
    store.schedule(follow('b', Date.now() + 10 * HOUR));
    // Asleep for three hours: the wall clock moved on, the (monotonic) timers did not.
    vi.setSystemTime(Date.now() + 3 * HOUR);
    scheduler.onResume();
    expect(ids(fired)).toEqual(['a']);
    expect(fired[0]).toMatchObject({ missed: false, lateMs: 2 * HOUR });
    expect(scheduler.armedFor).toBe(Date.parse('2026-12-04T08:00:00Z'));
    vi.advanceTimersByTime(7 * HOUR);
    expect(ids(fired)).toEqual(['a', 'b']);
  });

  it('notices a forward clock jump within a heartbeat, without being told', () => {
    startScheduler({ jumpCheckMs: 60_000 });
    store.schedule(follow('a', Date.now() + 2 * HOUR));
    vi.setSystemTime(Date.now() + 3 * HOUR);
    vi.advanceTimersByTime(59_999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['a']);
  });

  it('does not fire early when the clock is set back', () => {
    startScheduler({ jumpCheckMs: 60_000 });
    const due = Date.now() + 2 * HOUR;
    store.schedule(follow('a', due));
    vi.setSystemTime(Date.now() - HOUR);
    // The armed timer would fire 2 h from now on the monotonic clock, when the wall clock says
    // 1 h before the due time. The heartbeat sees the jump and re-arms for 3 h from now.
    vi.advanceTimersByTime(2 * HOUR);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(due - Date.now() - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['a']);
    expect(fired[0]?.lateMs).toBe(0);
  });

  it('onClockChange re-arms from the wall clock at once', () => {
    startScheduler({ jumpCheckMs: 0 });
    store.schedule(follow('a', Date.now() + 2 * HOUR));
    vi.setSystemTime(Date.now() + 2 * HOUR);
    expect(fired).toEqual([]);
    scheduler.onClockChange();
    expect(ids(fired)).toEqual(['a']);
  });

  it('after a restart, fires each follow-up missed while closed once, as missed', () => {
    startScheduler();
    store.schedule(follow('two-days', Date.now() + HOUR));
    store.schedule(follow('one-hour', Date.now() + 2 * DAY - HOUR));
    store.schedule(follow('snoozed', Date.now() + 10 * HOUR));
    store.snooze('snoozed', { kind: 'at', at: new Date(Date.now() + DAY).toISOString() });
    store.schedule(follow('future', Date.now() + 2 * DAY + HOUR));
    scheduler.stop();
    store.close();

    // The app is closed for two days. A clock two days past the last run's could also be a
    // clock error (followup-clock.test.ts): once it has kept its time for CLOCK_SETTLE_MS, each
    // missed follow-up fires once, as missed.
    vi.setSystemTime(Date.now() + 2 * DAY);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(startScheduler()).toEqual([]);
    vi.advanceTimersByTime(CLOCK_SETTLE_MS);
    warn.mockRestore();
    expect(ids(fired)).toEqual(['two-days', 'snoozed', 'one-hour']);
    expect(fired.every((f) => f.missed)).toBe(true);
    expect(fired.find((f) => f.followUp.id === 'two-days')?.lateMs).toBe(2 * DAY - HOUR + CLOCK_SETTLE_MS);

    // Another restart repeats nothing; they list as overdue until the advisor acts.
    expect(restart()).toEqual([]);
    expect(store.list('UTC').overdue.map((f) => f.id)).toEqual(['two-days', 'snoozed', 'one-hour']);
    expect(fired).toHaveLength(3);

    vi.advanceTimersByTime(HOUR);
    expect(ids(fired.slice(3))).toEqual(['future']);
    expect(fired[3]?.missed).toBe(false);
  });

  it('a notifier that throws loses nothing: the follow-up is due, and a restart does not repeat it', () => {
    store = FollowUpStore.open({ cwd: dir });
    scheduler = new FollowUpScheduler({
      store,
      notify: () => {
        throw new Error('notification service down');
      },
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    scheduler.start();
    store.schedule(follow('a', Date.now() + HOUR));
    vi.advanceTimersByTime(HOUR);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    expect(onDisk('a')?.status).toBe('due');
    expect(restart()).toEqual([]);
    expect(store.list('UTC').overdue.map((f) => f.id)).toEqual(['a']);
  });

  it('a firing that cannot be saved is shown once anyway, retried every minute, and saved later', () => {
    startScheduler({ jumpCheckMs: 0 });
    store.schedule(follow('a', Date.now() + HOUR));
    store.schedule(follow('b', Date.now() + 3 * HOUR));
    // The records' folder becomes unwritable (here: a file where the folder was).
    const records = join(dir, 'follow-ups');
    rmSync(records, { recursive: true });
    writeFileSync(records, 'not a folder');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.advanceTimersByTime(HOUR);
    expect(ids(fired)).toEqual(['a']);
    expect(scheduler.armedFor).toBe(Date.now() + RETRY_MS);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(5 * RETRY_MS);
    expect(error).toHaveBeenCalledTimes(6);
    expect(ids(fired)).toEqual(['a']);
    // The disk is back: the next retry saves it, without a second reminder.
    rmSync(records);
    mkdirSync(records);
    vi.advanceTimersByTime(RETRY_MS);
    error.mockRestore();
    expect(ids(fired)).toEqual(['a']);
    expect(onDisk('a')?.status).toBe('due');
    vi.advanceTimersByTime(2 * HOUR);
    expect(ids(fired)).toEqual(['a', 'b']);
  });

  it('snooze fires again once at the new time; complete and cancel never fire', () => {
    startScheduler();
    store.schedule(follow('s', Date.now() + HOUR));
    store.schedule(follow('c', Date.now() + 2 * HOUR));
    store.schedule(follow('x', Date.now() + 3 * HOUR));
    vi.advanceTimersByTime(HOUR);
    expect(ids(fired)).toEqual(['s']);

    store.snooze('s', { kind: 'hour' });
    store.complete('c');
    store.cancel('x');
    vi.advanceTimersByTime(HOUR - 1);
    expect(ids(fired)).toEqual(['s']);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['s', 's']);
    expect(fired[1]?.dueAt).toBe(Date.now());

    // Tomorrow at the preferred time, in the follow-up's zone (Los Angeles, 10:00 = 18:00Z).
    store.setSettings({ preferredTime: '10:00' });
    const snoozed = store.snooze('s', { kind: 'tomorrow' });
    expect(snoozed.snoozedUntil).toBe('2026-12-04T10:00:00-08:00');
    vi.advanceTimersByTime(Date.parse('2026-12-04T18:00:00Z') - Date.now() - 1);
    expect(fired).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(ids(fired)).toEqual(['s', 's', 's']);

    store.complete('s');
    vi.advanceTimersByTime(60 * DAY);
    expect(fired).toHaveLength(3);
    expect(store.list('UTC')).toEqual({ overdue: [], today: [], upcoming: [] });
  });

  describe('weeks with a daylight-saving change', () => {
    it('New York, fall back (Sunday 1 November 2026): the slot fires at 10:00 EST', () => {
      // Meeting Friday 30 October; slot Tuesday 3 November, after the change.
      vi.setSystemTime(new Date('2026-10-30T18:00:00Z'));
      const slot = followUpSlot({
        meetingDate: '2026-10-30',
        timeZone: 'America/New_York',
        preferredTime: '10:00',
        holidays: [],
      });
      expect(slot.dueAt).toBe('2026-11-03T10:00:00-05:00');
      startScheduler();
      store.schedule(follow('ny', slot.dueAt, { timeZone: slot.timeZone }));
      vi.advanceTimersByTime(Date.parse('2026-11-03T15:00:00Z') - Date.now() - 1);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(ids(fired)).toEqual(['ny']);
      expect(new Date(Date.now()).toISOString()).toBe('2026-11-03T15:00:00.000Z');
    });

    it('Paris, spring forward (Sunday 28 March 2027): slot at 10:00 CEST, "tomorrow" (Monday) is 47 hours away', () => {
      vi.setSystemTime(new Date('2027-03-25T09:00:00Z'));
      const slot = followUpSlot({
        meetingDate: '2027-03-25',
        timeZone: 'Europe/Paris',
        preferredTime: '10:00',
        holidays: [],
      });
      expect(slot.dueAt).toBe('2027-03-30T10:00:00+02:00');
      startScheduler();
      store.schedule(follow('paris', slot.dueAt, { timeZone: 'Europe/Paris' }));
      store.schedule(follow('weekend', '2027-03-27T10:00:00+01:00', { timeZone: 'Europe/Paris' }));

      vi.advanceTimersByTime(Date.parse('2027-03-27T09:00:00Z') - Date.now());
      expect(ids(fired)).toEqual(['weekend']);
      // Saturday 10:00 CET → the next business day, Monday 10:00 CEST: 47 hours.
      const snoozed = store.snooze('weekend', { kind: 'tomorrow', preferredTime: '10:00' });
      expect(snoozed.snoozedUntil).toBe('2027-03-29T10:00:00+02:00');
      vi.advanceTimersByTime(47 * HOUR - 1);
      expect(fired).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(ids(fired)).toEqual(['weekend', 'weekend']);

      vi.advanceTimersByTime(Date.parse('2027-03-30T08:00:00Z') - Date.now());
      expect(ids(fired)).toEqual(['weekend', 'weekend', 'paris']);
    });

    it('a preferred time skipped by the change (02:30 on Friday 26 March 2027 in Jerusalem) moves forward an hour', () => {
      // Israel moves its clocks on a Friday: "tomorrow", the next business day, can fall in the gap.
      vi.setSystemTime(new Date('2027-03-25T13:00:00Z'));
      startScheduler();
      store.schedule(follow('gap', Date.now() + HOUR, { timeZone: 'Asia/Jerusalem' }));
      vi.advanceTimersByTime(HOUR);
      const snoozed = store.snooze('gap', { kind: 'tomorrow', preferredTime: '02:30' });
      expect(snoozed.snoozedUntil).toBe('2027-03-26T03:30:00+03:00');
      vi.advanceTimersByTime(Date.parse('2027-03-26T00:30:00Z') - Date.now());
      expect(ids(fired)).toEqual(['gap', 'gap']);
    });
  });
});
