// The follow-up store with real files in a temp folder: operations, persistence across opens,
// what is on disk, settings through conf, and damaged files.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkFollowUp,
  FollowUpTransitionError,
  groupFollowUps,
  markFired,
  nextFireAt,
  snoozeUntil,
  createFollowUp,
  type FollowUp,
  type NewFollowUp,
} from '../../core/followUp/record';
import { planDeck } from '../../core/plan/planDeck';
import { followUpIdFor } from '../../electron/services/followUp/ids';
import { dueAtFor, scheduleFromMeeting } from '../../electron/services/followUp/schedule';
import { FollowUpStore } from '../../electron/services/followUp/store';
import { STORE_VERSION } from '../../electron/services/followUp/settingsFile';
import { FOLLOW_UPS_DIR as RECORDS_DIR } from '../../core/dataFolder';
import { loadRecipe } from '../../electron/services/recipes';
import { advisor, intake } from '../support/samples';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-03T22:00:00Z');

let dir: string;
let now: number;
const open = () => FollowUpStore.open({ cwd: dir, now: () => now });

function follow(id: string, dueAt: string, extra: Partial<NewFollowUp> = {}): NewFollowUp {
  return {
    id,
    prospectId: `p-${id}`,
    prospectName: 'Maria Lopez',
    dueAt,
    timeZone: 'America/Los_Angeles',
    channel: 'email',
    subject: 'Maria, following up',
    body: 'Dear Maria,\n',
    ...extra,
  };
}

const recordFiles = () => readdirSync(join(dir, RECORDS_DIR)).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-store-'));
  now = T0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FollowUpStore', () => {
  it('schedules a follow-up, one zod-checked file per record, and reads it back after reopening', () => {
    const store = open();
    const f = store.schedule(follow('fu-1', '2026-12-08T10:00:00-08:00'));
    expect(f).toMatchObject({
      v: 1,
      id: 'fu-1',
      status: 'scheduled',
      createdAt: '2026-12-03T14:00:00-08:00',
      dueAt: '2026-12-08T10:00:00-08:00',
    });
    expect(recordFiles()).toEqual([`fu-1.1.scheduled.${Date.parse('2026-12-08T18:00:00Z')}.json`]);
    const file = JSON.parse(readFileSync(join(dir, RECORDS_DIR, recordFiles()[0] as string), 'utf8')) as unknown;
    expect(checkFollowUp(file)).toEqual({ ok: true, value: f });

    const again = open();
    expect(again.get('fu-1')).toEqual(f);
    expect(again.nextDue()).toEqual({ id: 'fu-1', at: Date.parse('2026-12-08T18:00:00Z') });
    expect(again.problems).toEqual([]);
  });

  it('restates any due time with the offset of the follow-up’s zone', () => {
    const f = open().schedule(follow('fu-1', '2026-12-08T18:00:00Z'));
    expect(f.dueAt).toBe('2026-12-08T10:00:00-08:00');
    expect(() => open().schedule(follow('fu-2', '2026-12-08T10:00'))).toThrow(FollowUpTransitionError);
  });

  it('reschedules, snoozes, completes and cancels, each change on disk as one file', () => {
    const store = open();
    store.schedule(follow('a', '2026-12-08T10:00:00-08:00'));
    store.schedule(follow('b', '2026-12-09T10:00:00-08:00'));
    store.schedule(follow('c', '2026-12-10T10:00:00-08:00'));

    expect(store.reschedule('a', '2026-12-08T15:30:00-08:00').dueAt).toBe('2026-12-08T15:30:00-08:00');
    now = T0 + HOUR;
    // Not due until the 9th: an hour later than that, never earlier (issue 21).
    expect(store.snooze('b', { kind: 'hour' })).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2026-12-09T11:00:00-08:00',
    });
    expect(store.snooze('b', { kind: 'at', at: '2026-12-04T09:00:00-08:00' }).snoozedUntil).toBe(
      '2026-12-04T09:00:00-08:00',
    );
    expect(store.complete('c')).toMatchObject({ status: 'done', doneAt: '2026-12-03T15:00:00-08:00' });
    expect(store.cancel('a')).toMatchObject({ status: 'cancelled', cancelledAt: '2026-12-03T15:00:00-08:00' });
    expect(() => store.complete('a')).toThrow('cannot complete a follow-up that is cancelled');
    expect(() => store.snooze('b', { kind: 'at', at: '2026-12-01T09:00:00-08:00' })).toThrow('later time');
    expect(() => store.complete('nope')).toThrow('no follow-up nope');

    expect(recordFiles().map((f) => f.split('.').slice(0, 3).join('.'))).toEqual([
      'a.3.cancelled',
      'b.3.snoozed',
      'c.2.done',
    ]);
    const reopened = open();
    expect(reopened.get('a')?.status).toBe('cancelled');
    expect(reopened.get('b')?.snoozedUntil).toBe('2026-12-04T09:00:00-08:00');
    expect(reopened.nextDue()?.id).toBe('b');
  });

  it('lists open follow-ups as overdue, today and upcoming in the advisor’s zone', () => {
    const store = open();
    store.schedule(follow('past', '2026-12-03T13:00:00-08:00'));
    store.schedule(follow('tonight', '2026-12-03T20:00:00-08:00'));
    store.schedule(follow('tomorrow', '2026-12-04T09:00:00-08:00'));
    store.schedule(follow('done', '2026-12-04T09:00:00-08:00'));
    store.complete('done');
    store.markFired('past');
    const lists = store.list('America/Los_Angeles');
    expect(lists.overdue.map((f) => f.id)).toEqual(['past']);
    expect(lists.today.map((f) => f.id)).toEqual(['tonight']);
    expect(lists.upcoming.map((f) => f.id)).toEqual(['tomorrow']);
    // In Moscow it is already 4 December, 01:00: both of the next two are due today there.
    expect(store.list('Europe/Moscow').today.map((f) => f.id)).toEqual(['tonight', 'tomorrow']);
  });

  it('refuses a second follow-up with the same id, unless replacing one that has not fired', () => {
    const store = open();
    const first = store.schedule(follow('a', '2026-12-08T10:00:00-08:00'));
    expect(() => store.schedule(follow('a', '2026-12-09T10:00:00-08:00'))).toThrow('already exists');
    now += HOUR;
    const moved = store.schedule(follow('a', '2026-12-09T10:00:00-08:00'), { replace: true });
    expect(moved).toMatchObject({ dueAt: '2026-12-09T10:00:00-08:00', createdAt: first.createdAt });
    store.markFired('a');
    expect(() => store.schedule(follow('a', '2026-12-10T10:00:00-08:00'), { replace: true })).toThrow(
      'already exists (due)',
    );
  });

  it('never lets an id name a path outside its folder', () => {
    const store = open();
    for (const id of ['../escape', 'a/b', 'A', '', '.hidden', 'x'.repeat(65)]) {
      expect(() => store.schedule(follow(id, '2026-12-08T10:00:00-08:00'))).toThrow(FollowUpTransitionError);
    }
    expect(existsSync(join(dir, 'escape.json'))).toBe(false);
  });

  it('reports a damaged or foreign file and skips it, never failing to open', () => {
    const store = open();
    store.schedule(follow('good', '2026-12-08T10:00:00-08:00'));
    store.schedule(follow('bad', '2026-12-09T10:00:00-08:00'));
    store.schedule(follow('lying', '2026-12-10T10:00:00-08:00'));
    const folder = join(dir, RECORDS_DIR);
    const bad = recordFiles().find((f) => f.startsWith('bad.'));
    const lying = recordFiles().find((f) => f.startsWith('lying.'));
    writeFileSync(join(folder, bad as string), '{"v":1,"id":"bad", trunc');
    const wrong = JSON.parse(readFileSync(join(folder, lying as string), 'utf8')) as FollowUp;
    writeFileSync(join(folder, lying as string), JSON.stringify({ ...wrong, status: 'done' }));
    writeFileSync(join(folder, 'notes.txt'), 'hello');

    const reopened = open();
    expect(reopened.size).toBe(3);
    expect(reopened.verify().map((p) => p.message)).toEqual([
      expect.stringContaining('not valid JSON'),
      expect.stringContaining('its content does not match its file name'),
    ]);
    expect(reopened.problems.map((p) => p.message)).toContain('is not a follow-up record file; ignored');
    expect(reopened.all().map((f) => f.id)).toEqual(['good']);
    expect(reopened.nextDue()?.id).toBe('good');
    // A new record with a skipped id takes its place; the damaged file stays set aside.
    reopened.schedule(follow('bad', '2026-12-11T10:00:00-08:00'));
    const third = open();
    expect(third.get('bad')?.dueAt).toBe('2026-12-11T10:00:00-08:00');
    expect(third.unreadable().map((u) => u.id)).toEqual(['bad', 'lying']);
  });

  it('refuses a record written by a newer version rather than misreading it', () => {
    const f = createFollowUp(follow('a', '2026-12-08T10:00:00-08:00'), T0);
    expect(checkFollowUp({ ...f, v: 2 })).toEqual({
      ok: false,
      message: 'written by a newer version of the app (record version 2)',
    });
    expect(checkFollowUp({ ...f, extra: 1 }).ok).toBe(false);
    expect(checkFollowUp({ ...f, subject: 'x\r\nBcc: evil@example.com' }).ok).toBe(false);
  });

  it('after a crash between writing a new revision and deleting the old one, the newer wins', () => {
    const store = open();
    store.schedule(follow('a', '2026-12-08T10:00:00-08:00'));
    const old = recordFiles()[0] as string;
    const oldBytes = readFileSync(join(dir, RECORDS_DIR, old));
    store.complete('a');
    writeFileSync(join(dir, RECORDS_DIR, old), oldBytes); // as if the delete never happened
    writeFileSync(join(dir, RECORDS_DIR, `.${old}.999999999.abcdef.tmp`), '{"half'); // a dead writer's temp file
    expect(recordFiles()).toHaveLength(3);
    const reopened = open();
    expect(reopened.get('a')?.status).toBe('done');
    expect(reopened.nextDue()).toBeUndefined();
    expect(recordFiles()).toHaveLength(1);
  });

  it('keeps its settings in an electron-store (conf) document, checked with zod, with a version', () => {
    const store = open();
    expect(store.settings()).toEqual({ keepInTray: true, openAtLogin: false, preferredTime: '10:00', winBackDays: 90 });
    store.setSettings({ openAtLogin: true, preferredTime: '09:30' });
    expect(() => store.setSettings({ preferredTime: '9h30' } as never)).toThrow();
    const doc = JSON.parse(readFileSync(join(dir, 'follow-ups.json'), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({
      openAtLogin: true,
      preferredTime: '09:30',
      layout: 'file-per-record',
      __internal__: { migrations: { version: STORE_VERSION } },
    });

    // A hand-edited bad value: reported, the default used, the file kept.
    writeFileSync(join(dir, 'follow-ups.json'), JSON.stringify({ ...doc, keepInTray: 'yes' }));
    const reopened = open();
    expect(reopened.settings()).toEqual({
      keepInTray: true,
      openAtLogin: true,
      preferredTime: '09:30',
      winBackDays: 90,
    });
    expect(reopened.problems.map((p) => p.message)).toEqual([expect.stringContaining('keepInTray')]);
  });

  it('migrates a settings file from before the store had a version, keeping its settings', () => {
    writeFileSync(join(dir, 'follow-ups.json'), JSON.stringify({ keepInTray: false }));
    const store = open();
    expect(store.settings().keepInTray).toBe(false);
    const doc = JSON.parse(readFileSync(join(dir, 'follow-ups.json'), 'utf8')) as unknown;
    expect(doc).toEqual({
      keepInTray: false,
      layout: 'file-per-record',
      __internal__: { migrations: { version: STORE_VERSION } },
    });
  });

  it('tells its listeners about every change', () => {
    const store = open();
    const changes: unknown[] = [];
    const off = store.subscribe((c) => changes.push(c));
    store.schedule(follow('a', '2026-12-08T10:00:00-08:00'));
    store.complete('a');
    store.setSettings({ keepInTray: false });
    off();
    store.schedule(follow('b', '2026-12-08T10:00:00-08:00'));
    expect(changes).toEqual([
      { kind: 'record', id: 'a', status: 'scheduled' },
      { kind: 'record', id: 'a', status: 'done' },
      { kind: 'settings' },
    ]);
  });
});

describe('scheduling from the meeting (the slot rule of issue 2)', () => {
  it('uses the plan’s slot, one follow-up per meeting, email when the prospect gave one', async () => {
    const i = intake();
    const plan = planDeck(i, advisor(), await loadRecipe('first-meeting'));
    const store = open();
    const f = scheduleFromMeeting(store, { intake: i, advisor: advisor(), plan });
    expect(f).toMatchObject({
      id: followUpIdFor(i),
      dueAt: plan.followUp.dueAt,
      timeZone: 'America/Los_Angeles',
      channel: 'email',
      prospectName: 'Maria Lopez',
      prospectEmail: 'maria.lopez@example.com',
    });
    expect(f.subject).toMatch(/^Maria and Daniel, /);
    expect(f.body).toContain('Dear Maria and Daniel,');
    // Built again (the same meeting): the same follow-up, moved, not a second one.
    const moved = scheduleFromMeeting(store, { intake: i, advisor: advisor(), plan, override: { time: '15:30' } });
    expect(moved.id).toBe(f.id);
    expect(moved.dueAt).toBe('2026-12-08T15:30:00-08:00');
    expect(store.size).toBe(1);

    const noEmail = intake((x) => {
      delete x.prospect.email;
    });
    expect(
      scheduleFromMeeting(store, {
        intake: noEmail,
        advisor: advisor(),
        plan: planDeck(noEmail, advisor(), await loadRecipe('first-meeting')),
      }).channel,
    ).toBe('call');
  });

  it('lets the advisor override the slot with an instant', () => {
    const plan = {
      followUp: { dueAt: '2026-12-08T10:00:00-08:00', timeZone: 'America/Los_Angeles', businessDaysAfter: 3 },
    };
    expect(dueAtFor(plan)).toBe('2026-12-08T10:00:00-08:00');
    expect(dueAtFor(plan, { dueAt: '2026-12-09T17:00:00Z' })).toBe('2026-12-09T09:00:00-08:00');
    expect(() => dueAtFor(plan, { time: '25:00' })).toThrow();
  });
});

describe('record rules (pure)', () => {
  const base = createFollowUp(follow('a', '2026-12-08T10:00:00-08:00'), T0);

  it('fires once per due time: a due record has no next firing', () => {
    expect(nextFireAt(base)).toBe(Date.parse('2026-12-08T18:00:00Z'));
    const due = markFired(base, Date.parse('2026-12-08T18:00:00Z'));
    expect(nextFireAt(due)).toBeUndefined();
    expect(() => markFired(due, T0)).toThrow('cannot fire');
  });

  it('snoozes from the later of its due time and now, never earlier than it was due', () => {
    // Due Tuesday 8 December at 10:00 in Los Angeles; now is Thursday 3 December.
    expect(new Date(snoozeUntil({ kind: 'tomorrow', preferredTime: '09:00' }, base, T0)).toISOString()).toBe(
      '2026-12-09T17:00:00.000Z',
    );
    expect(snoozeUntil({ kind: 'hour' }, base, T0)).toBe(Date.parse('2026-12-08T19:00:00Z'));
    // Once it came due, from now.
    const due = markFired(base, Date.parse('2026-12-08T18:00:00Z'));
    const later = Date.parse('2026-12-08T23:00:00Z');
    expect(snoozeUntil({ kind: 'hour' }, due, later)).toBe(later + HOUR);
    expect(snoozeUntil({ kind: 'tomorrow', preferredTime: '10:00' }, due, later)).toBe(
      Date.parse('2026-12-09T18:00:00Z'),
    );
  });

  it('snoozes "until tomorrow" to the next business day: a Friday one to Monday, past the advisor’s holidays', () => {
    const friday = createFollowUp(follow('f', '2026-12-11T10:00:00-08:00'), T0);
    const fridayNoon = Date.parse('2026-12-11T20:00:00Z');
    const due = markFired(friday, fridayNoon);
    expect(new Date(snoozeUntil({ kind: 'tomorrow', preferredTime: '10:00' }, due, fridayNoon)).toISOString()).toBe(
      '2026-12-14T18:00:00.000Z',
    );
    expect(
      new Date(
        snoozeUntil({ kind: 'tomorrow', preferredTime: '10:00', holidays: ['2026-12-14'] }, due, fridayNoon),
      ).toISOString(),
    ).toBe('2026-12-15T18:00:00.000Z');
    // Not yet due (Friday the 11th), snoozed on Thursday the 3rd: Monday the 14th, not Tuesday.
    expect(new Date(snoozeUntil({ kind: 'tomorrow', preferredTime: '10:00' }, friday, T0)).toISOString()).toBe(
      '2026-12-14T18:00:00.000Z',
    );
  });

  it('groups by due time, leaving out what is closed', () => {
    const lists = groupFollowUps([base, { ...base, id: 'b', status: 'done' }], T0, 'America/Los_Angeles');
    expect(lists.upcoming.map((f) => f.id)).toEqual(['a']);
    expect(lists.overdue).toEqual([]);
  });
});
