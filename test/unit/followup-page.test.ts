// The Follow-ups screen's channels through the app layer: `followups:list` carries no email's
// words and pages each section (with the counts, and the follow-up a reminder opens wherever it
// is); `followups:count` agrees with the lists; `followups:email` answers the mailto: link on a
// host that cannot open the mail app.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../core/api';
import {
  countFollowUps,
  groupFollowUps,
  pageFollowUps,
  type FollowUp,
  type NewFollowUp,
} from '../../core/followUp/record';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';

// Properties and real files: seconds on a busy machine, never a time window.
vi.setConfig({ testTimeout: 60_000 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Wednesday at 09:00 in New York: today still has hours to come.
const NOW = Date.parse('2026-12-02T14:00:00Z');
const ZONE = 'America/New_York';

let dir: string;
let app: AdvisorDeckApp;
let opened: string[];

function follow(i: number, dueAt: number): NewFollowUp {
  return {
    id: `fu-${i}`,
    prospectId: `p-${i}`,
    prospectName: `Prospect ${i}`,
    dueAt: new Date(dueAt).toISOString(),
    timeZone: ZONE,
    channel: i % 2 ? 'email' : 'call',
    subject: `Prospect ${i}, following up`,
    body: `Dear Prospect ${i},\n\nThank you for meeting with me.\n`.repeat(30),
    ...(i % 2 ? { prospectEmail: `p${i}@example.com` } : { prospectPhone: '+1 415 555 0134' }),
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-followup-page-'));
  copyFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), join(dir, 'advisor.json'));
  opened = [];
  app = await openApp({
    dataDir: dir,
    templatesDir: TEMPLATES_DIR,
    holder: 'a unit test',
    now: () => NOW,
    platform: {
      name: 'Advisor Deck',
      version: '0',
      // A browser tab: no mail app to open.
      openExternal: async (url) => {
        opened.push(url);
        return false;
      },
      openPath: async () => false,
      notify: () => false,
      applySettings: () => undefined,
    },
  });
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 3 overdue (one of them fired), 4 due later today, 120 upcoming. */
function schedule(): FollowUp[] {
  const store = app.followUps;
  if (!store) throw new Error('no follow-up store');
  const made: FollowUp[] = [];
  let i = 0;
  for (let n = 0; n < 3; n++) made.push(store.schedule(follow(i++, NOW - (n + 1) * HOUR)));
  for (let n = 0; n < 4; n++) made.push(store.schedule(follow(i++, NOW + (n + 1) * HOUR)));
  for (let n = 0; n < 120; n++) made.push(store.schedule(follow(i++, NOW + 2 * DAY + n * HOUR)));
  store.markFired('fu-0');
  return made;
}

describe('the Follow-ups channels', () => {
  it('list every open follow-up without its email, in the order and sections of the store', async () => {
    schedule();
    const page = await app.handlers['followups:list'](undefined);
    const lists = app.followUps?.list() ?? groupFollowUps([], NOW, ZONE);
    for (const key of ['overdue', 'today', 'upcoming'] as const) {
      expect(page[key].map((f) => f.id)).toEqual(lists[key].map((f) => f.id));
      expect(page.counts[key]).toBe(lists[key].length);
      for (const f of page[key]) {
        expect(f).not.toHaveProperty('body');
        expect(f).not.toHaveProperty('subject');
      }
    }
    expect(page.counts).toEqual({ overdue: 3, today: 4, upcoming: 120 });
    expect(page.upcoming[0]).toMatchObject({
      id: 'fu-7',
      prospectId: 'p-7',
      prospectName: 'Prospect 7',
      status: 'scheduled',
      channel: 'email',
      prospectEmail: 'p7@example.com',
      timeZone: ZONE,
    });
  });

  it('page each section, with its count, and the follow-up asked for wherever it is', async () => {
    schedule();
    const limits = { overdue: 50, today: 2, upcoming: 50 };
    const first = await app.handlers['followups:list']({ limits });
    expect(first.overdue.map((f) => f.id)).toEqual(['fu-2', 'fu-1', 'fu-0']);
    expect(first.today.map((f) => f.id)).toEqual(['fu-3', 'fu-4']);
    expect(first.upcoming.map((f) => f.id)).toEqual(Array.from({ length: 50 }, (_, n) => `fu-${7 + n}`));
    expect(first.counts).toEqual({ overdue: 3, today: 4, upcoming: 120 });

    // A reminder's follow-up far down the list comes after the first page; one on it is not repeated.
    const far = await app.handlers['followups:list']({ limits, include: 'fu-100' });
    expect(far.upcoming.map((f) => f.id)).toEqual([...first.upcoming.map((f) => f.id), 'fu-100']);
    expect(far.today).toEqual(first.today);
    const near = await app.handlers['followups:list']({ limits, include: 'fu-8' });
    expect(near.upcoming).toEqual(first.upcoming);
    const gone = await app.handlers['followups:list']({ limits, include: 'fu-9999' });
    expect(gone).toEqual(first);

    // `Show more`: the next page.
    const more = await app.handlers['followups:list']({ limits: { ...limits, upcoming: 100 } });
    expect(more.upcoming.map((f) => f.id)).toEqual(Array.from({ length: 100 }, (_, n) => `fu-${7 + n}`));
  });

  it('count what is due as the lists do', async () => {
    const made = schedule();
    expect(await app.handlers['followups:count'](undefined)).toEqual({ overdue: 3, today: 4 });
    expect(countFollowUps(made, NOW, ZONE)).toEqual({ overdue: 3, today: 4, upcoming: 120 });
    // A snoozed one counts where it is due again; done ones not at all.
    app.followUps?.snooze('fu-1', { kind: 'at', at: new Date(NOW + 3 * DAY).toISOString() });
    app.followUps?.complete('fu-2');
    const lists = app.followUps?.list(ZONE) ?? groupFollowUps([], NOW, ZONE);
    expect(app.followUps?.counts(ZONE)).toEqual({
      overdue: lists.overdue.length,
      today: lists.today.length,
      upcoming: lists.upcoming.length,
    });
    expect(pageFollowUps(lists).counts).toEqual(app.followUps?.counts(ZONE));
  });

  it('answer the email as a mailto: link when the host cannot open the mail app', async () => {
    schedule();
    const result = await app.handlers['followups:email']({ id: 'fu-1' });
    expect(result.opened).toBe(false);
    expect(opened).toEqual([result.mailto]);
    expect(result.mailto).toMatch(
      /^mailto:p1@example\.com\?subject=Prospect%201%2C%20following%20up&body=Dear%20Prospect%201/,
    );
  });

  it('refuse a page asked with a bad limit or id', async () => {
    const handlers = app.handlers;
    for (const input of [{ limits: { upcoming: 0 } }, { limits: { later: 5 } }, { include: '../x' }, { limit: 5 }]) {
      expect(await dispatch(handlers, 'followups:list', input)).toMatchObject({ ok: false });
    }
    expect(await dispatch(handlers, 'followups:list', undefined)).toMatchObject({ ok: true });
  });
});
