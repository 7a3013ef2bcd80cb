// Damaged files in the follow-up store: set aside (renamed, kept byte for byte), reported once
// in `problems`, counted by `unreadable()`, never fatal and never silently dropped.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewFollowUp } from '../../core/followUp/record';
import { FollowUpScheduler, type Firing } from '../../electron/services/followUp/scheduler';
import { FollowUpStore } from '../../electron/services/followUp/store';
import { FOLLOW_UPS_DIR as RECORDS_DIR } from '../../core/dataFolder';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-03T22:00:00Z');
const STAMP = '2026-12-03T22-00-00-000Z';

let dir: string;
let now: number;
const open = () => FollowUpStore.open({ cwd: dir, now: () => now });
const settingsFile = () => join(dir, 'follow-ups.json');
const files = () => readdirSync(dir).sort();
const recordFiles = () => readdirSync(join(dir, RECORDS_DIR)).sort();
const recordFile = (id: string) => join(dir, RECORDS_DIR, recordFiles().find((f) => f.startsWith(`${id}.`)) as string);

function follow(id: string, dueAt: number): NewFollowUp {
  return {
    id,
    prospectId: `p-${id}`,
    prospectName: 'Maria Lopez',
    dueAt: new Date(dueAt).toISOString(),
    timeZone: 'America/Los_Angeles',
    channel: 'email',
    subject: 'Maria, following up',
    body: 'Dear Maria,\n',
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-damaged-'));
  now = T0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a damaged follow-ups.json (the settings)', () => {
  for (const [what, bytes] of [
    ['truncated JSON', '{"keepInTray": false, "openAtLo'],
    ['an empty file', ''],
    ['JSON that is not an object', '[]'],
    ['null', 'null'],
  ] as const) {
    it(`${what}: the store opens with the default settings, the file is set aside and reported, and reminders still fire`, () => {
      const first = open();
      first.schedule(follow('a', T0 + HOUR));
      first.setSettings({ preferredTime: '09:30' });
      writeFileSync(settingsFile(), bytes);

      const store = open();
      expect(store.settings()).toEqual({
        keepInTray: true,
        openAtLogin: false,
        preferredTime: '10:00',
        winBackDays: 90,
      });
      // Renamed, never deleted: the advisor (or support) can still read what was there.
      const kept = join(dir, `follow-ups.damaged-${STAMP}.json`);
      expect(files()).toEqual(['follow-ups', `follow-ups.damaged-${STAMP}.json`, 'follow-ups.json']);
      expect(readFileSync(kept, 'utf8')).toBe(bytes);
      expect(store.problems).toEqual([
        {
          file: kept,
          message: expect.stringContaining(
            `the file is kept as follow-ups.damaged-${STAMP}.json and the default settings are used`,
          ),
        },
      ]);

      // The follow-ups are all there and fire: a damaged settings file turns no reminder off.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
      try {
        vi.setSystemTime(T0);
        const fired: Firing[] = [];
        const scheduler = new FollowUpScheduler({ store, notify: (f) => fired.push(f), jumpCheckMs: 0 });
        scheduler.start();
        vi.advanceTimersByTime(HOUR);
        expect(fired.map((f) => f.followUp.id)).toEqual(['a']);
        scheduler.stop();
      } finally {
        vi.useRealTimers();
      }
      // A new settings file takes its place; the next open finds nothing wrong with it.
      store.setSettings({ openAtLogin: true });
      const again = open();
      expect(again.settings().openAtLogin).toBe(true);
      expect(again.problems).toEqual([]);
    });
  }

  it('two damaged files in the same millisecond are both kept', () => {
    writeFileSync(settingsFile(), '{');
    open();
    writeFileSync(settingsFile(), '{{');
    const store = open();
    expect(files()).toEqual([
      'follow-ups',
      `follow-ups.damaged-${STAMP}-2.json`,
      `follow-ups.damaged-${STAMP}.json`,
      'follow-ups.json',
    ]);
    expect(readFileSync(join(dir, `follow-ups.damaged-${STAMP}-2.json`), 'utf8')).toBe('{{');
    expect(store.problems).toHaveLength(1);
  });

  it('a settings file saved with a byte-order mark (Notepad) is not damaged', () => {
    writeFileSync(settingsFile(), '\uFEFF{"preferredTime":"08:15"}');
    const store = open();
    expect(store.settings().preferredTime).toBe('08:15');
    expect(store.problems).toEqual([]);
    expect(files()).toEqual(['follow-ups', 'follow-ups.json']);
  });
});

describe('a follow-up file that cannot be read', () => {
  it('found when first read after open: set aside, reported once, counted, and still counted on the next open', () => {
    const store = open();
    store.schedule(follow('good', T0 + HOUR));
    store.schedule(follow('bad', T0 + 2 * HOUR));
    const badName = recordFiles().find((f) => f.startsWith('bad.')) as string;

    const reopened = open();
    // Damaged after the open listed it: found only when its content is first read.
    writeFileSync(join(dir, RECORDS_DIR, badName), '{"v":1,"id":"bad", trunc');
    expect(reopened.problems).toEqual([]);

    const lists = reopened.list('UTC');
    // The lists keep their shape; the unreadable one is counted beside them, not dropped.
    expect(Object.keys(lists).sort()).toEqual(['overdue', 'today', 'upcoming']);
    expect([...lists.overdue, ...lists.today, ...lists.upcoming].map((f) => f.id)).toEqual(['good']);
    const keptName = `${badName.slice(0, -'.json'.length)}.damaged-${STAMP}.json`;
    const kept = join(dir, RECORDS_DIR, keptName);
    expect(reopened.unreadable()).toEqual([
      { id: 'bad', file: kept, message: expect.stringContaining('is not valid JSON') },
    ]);
    expect(readFileSync(kept, 'utf8')).toBe('{"v":1,"id":"bad", trunc');
    expect(existsSync(join(dir, RECORDS_DIR, badName))).toBe(false);
    // Reading it again, listing again, verifying: one problem, one unreadable follow-up.
    expect(reopened.get('bad')).toBeUndefined();
    reopened.list('UTC');
    reopened.verify();
    reopened.all();
    expect(reopened.problems).toEqual([
      { file: kept, message: expect.stringContaining(`the file is kept as ${keptName}`) },
    ]);
    expect(reopened.unreadable()).toHaveLength(1);
    expect(reopened.nextDue()?.id).toBe('good');

    // Every later open reports it (for the log) and counts it, for as long as the file is kept.
    const third = open();
    expect(third.problems).toEqual([{ file: kept, message: `could not be read and was set aside on ${STAMP}` }]);
    expect(third.unreadable()).toEqual([
      { id: 'bad', file: kept, message: `could not be read and was set aside on ${STAMP}` },
    ]);
    expect(third.size).toBe(1);
  });

  it('a record that fails its checks or disagrees with its name is set aside the same way', () => {
    const store = open();
    store.schedule(follow('newer', T0 + HOUR));
    store.schedule(follow('lying', T0 + HOUR));
    const newer = JSON.parse(readFileSync(recordFile('newer'), 'utf8')) as Record<string, unknown>;
    writeFileSync(recordFile('newer'), JSON.stringify({ ...newer, v: 2 }));
    const lying = JSON.parse(readFileSync(recordFile('lying'), 'utf8')) as Record<string, unknown>;
    writeFileSync(recordFile('lying'), JSON.stringify({ ...lying, status: 'done' }));

    const reopened = open();
    expect(reopened.unreadable().map((u) => [u.id, u.message.split(';')[0]])).toEqual([
      ['lying', 'its content does not match its file name'],
      ['newer', 'written by a newer version of the app (record version 2)'],
    ]);
    expect(recordFiles().every((f) => f.includes('.damaged-'))).toBe(true);
  });

  it('a due follow-up that cannot be read does not fire, and is set aside and counted', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    try {
      vi.setSystemTime(T0);
      now = T0;
      const first = open();
      first.schedule(follow('a', T0 + HOUR));
      writeFileSync(recordFile('a'), 'garbage');
      const store = open();
      const fired: Firing[] = [];
      const scheduler = new FollowUpScheduler({ store, notify: (f) => fired.push(f), jumpCheckMs: 0 });
      scheduler.start();
      vi.advanceTimersByTime(HOUR);
      scheduler.stop();
      expect(fired).toEqual([]);
      expect(store.unreadable().map((u) => u.id)).toEqual(['a']);
      expect(recordFiles()).toEqual([expect.stringMatching(/^a\.1\.scheduled\.\d+\.damaged-.*\.json$/)]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('one that cannot be read for a reason other than its content is reported and counted, but left in place', () => {
    const store = open();
    store.schedule(follow('a', T0 + HOUR));
    // A folder where the record's file should be: reading it fails (EISDIR), its content is not
    // known to be damaged, so it is not renamed (the next open tries it again).
    const name = recordFiles()[0] as string;
    rmSync(join(dir, RECORDS_DIR, name));
    mkdirSync(join(dir, RECORDS_DIR, name));
    const reopened = open();
    expect(reopened.list('UTC')).toEqual({ overdue: [], today: [], upcoming: [] });
    expect(reopened.unreadable()).toEqual([
      { id: 'a', file: join(dir, RECORDS_DIR, name), message: expect.stringContaining('cannot be read') },
    ]);
    expect(reopened.problems).toHaveLength(1);
    expect(recordFiles()).toEqual([name]);
    expect(open().unreadable()).toHaveLength(1);
  });
});
