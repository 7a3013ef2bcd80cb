// The meeting as it was held (issues 17 and 21): a meeting planned weeks ago and presented
// "today" gets its follow-up 2 to 3 business days after today, and its summary, email and
// calendar event say the day it took place. Every date comes from the app's one injected clock.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atPreferredTime, goodDayFrom, nextBusinessDay } from '../../core/followUp/slotRule';
import { proposeFollowUp } from '../../core/followUp/proposal';
import { winBackDueAt } from '../../core/followUp/winBackRule';
import { intakeAsHeld, meetingDay } from '../../core/meeting/held';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { intake, sampleIntakeInput } from '../support/samples';

// Real files, PDFs and pdftotext: seconds on a busy machine, never a time window.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
const ZONE = 'America/Los_Angeles';
const RULE = {
  plannedStartsAt: '2026-12-03T14:00',
  timeZone: ZONE,
  preferredTime: '10:00',
  holidays: ['2026-12-25', '2027-01-01'],
};
const at = (iso: string) => Date.parse(iso);

describe('the follow-up wrap-up proposes (pure)', () => {
  it('is the slot rule on the planned day while nothing has been presented and that slot is ahead', () => {
    // Planned Thursday 3 December; now the Monday before.
    expect(proposeFollowUp({ ...RULE, now: at('2026-11-30T18:00:00Z') }).dueAt).toBe('2026-12-08T10:00:00-08:00');
  });

  it('follows the day the meeting ended, not the plan', () => {
    // Planned 3 December, presented Monday 11 January 2027: Wednesday the 13th.
    const slot = proposeFollowUp({ ...RULE, endedAtLocal: '2027-01-11T10:40', now: at('2027-01-11T18:45:00Z') });
    expect(slot).toEqual({ dueAt: '2027-01-13T10:00:00-08:00', timeZone: ZONE, businessDaysAfter: 2 });
  });

  it('is never in the past: a planned day long gone, or a wrap-up days late, counts from today', () => {
    // Nothing presented, the planned day weeks ago: from today (Monday 11 January).
    expect(proposeFollowUp({ ...RULE, now: at('2027-01-11T17:00:00Z') }).dueAt).toBe('2027-01-13T10:00:00-08:00');
    // Ended Monday, wrapped up Friday: the slot of Monday (Wednesday) is gone; from Friday, Tuesday.
    expect(proposeFollowUp({ ...RULE, endedAtLocal: '2027-01-11T10:40', now: at('2027-01-15T21:00:00Z') }).dueAt).toBe(
      '2027-01-19T10:00:00-08:00',
    );
  });

  it('is never at or before the meeting’s end, whatever the clock says', () => {
    // A clock behind the meeting's end (a tablet's time kept): still after the end.
    const slot = proposeFollowUp({ ...RULE, endedAtLocal: '2027-01-11T23:50', now: at('2027-01-01T00:00:00Z') });
    expect(at(slot.dueAt)).toBeGreaterThan(at('2027-01-12T07:50:00Z'));
    expect(slot.dueAt).toBe('2027-01-13T10:00:00-08:00');
  });

  it('dates the meeting by the day it ended, and plans the deck as held', () => {
    const planned = intake();
    expect(meetingDay(planned)).toBe('2026-12-03');
    expect(meetingDay(planned, { endedAt: '2027-01-11T10:40' })).toBe('2027-01-11');
    expect(intakeAsHeld(planned, '2027-01-11T10:40').meeting.startsAt).toBe('2027-01-11T10:40');
    expect(intakeAsHeld(planned, undefined)).toBe(planned);
  });
});

describe('days a moved follow-up lands on (pure)', () => {
  it('the next business day skips weekends and holidays', () => {
    expect(nextBusinessDay('2026-12-11')).toBe('2026-12-14');
    expect(nextBusinessDay('2026-12-24', ['2026-12-25'])).toBe('2026-12-28');
    expect(nextBusinessDay('2026-12-08')).toBe('2026-12-09');
  });

  it('a good day is a business day, not a Monday morning nor a Friday afternoon', () => {
    expect(goodDayFrom('2027-03-07', '10:00')).toBe('2027-03-09');
    expect(goodDayFrom('2027-03-07', '14:00')).toBe('2027-03-08');
    expect(goodDayFrom('2027-03-05', '14:00')).toBe('2027-03-08');
    expect(goodDayFrom('2027-03-05', '10:00')).toBe('2027-03-05');
    expect(goodDayFrom('2027-03-09', '10:00', ['2027-03-09'])).toBe('2027-03-10');
    expect(atPreferredTime('2027-03-09', '10:00', ZONE)).toBe('2027-03-09T10:00:00-08:00');
  });

  it('a 90-day win-back call that would fall on a Sunday moves to the next good day at the preferred time', () => {
    // Done Monday 7 December 2026: 90 days on is Sunday 7 March 2027; Monday morning is no
    // good slot either, so Tuesday. In the afternoon, Monday will do.
    const dueAt = winBackDueAt({
      doneAt: at('2026-12-07T19:00:00Z'),
      days: 90,
      timeZone: ZONE,
      preferredTime: '10:00',
    });
    expect(dueAt).toBe('2027-03-09T10:00:00-08:00');
    expect(winBackDueAt({ doneAt: at('2026-12-07T19:00:00Z'), days: 90, timeZone: ZONE, preferredTime: '14:00' })).toBe(
      '2027-03-08T14:00:00-08:00',
    );
    expect(new Date(dueAt ?? '').getUTCDay()).toBe(2);
    expect(
      winBackDueAt({ doneAt: at('2026-12-08T19:00:00Z'), days: 0, timeZone: ZONE, preferredTime: '10:00' }),
    ).toBeUndefined();
  });
});

describe('a meeting planned weeks ago, presented today, through the app layer', () => {
  const ID = 'p-00000000000000bb';
  let dir: string;
  let app: AdvisorDeckApp;
  /** The app's one clock: moved by the test, never the system's. */
  let now = at('2027-01-11T17:55:00Z');

  beforeEach(async () => {
    now = at('2027-01-11T17:55:00Z');
    dir = mkdtempSync(join(tmpdir(), 'advisor-deck-meeting-held-'));
    copyFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), join(dir, 'advisor.json'));
    app = await openApp({
      dataDir: dir,
      templatesDir: TEMPLATES_DIR,
      holder: 'a unit test',
      now: () => now,
      platform: {
        name: 'Advisor Deck',
        version: '0',
        openExternal: async () => false,
        openPath: async () => false,
        notify: () => false,
        applySettings: () => undefined,
      },
    });
    // Planned for Thursday 3 December 2026 (the sample), held Monday 11 January 2027.
    const saved = await app.handlers['prospects:save']({
      id: ID,
      intake: sampleIntakeInput() as unknown as Record<string, unknown>,
    });
    expect(saved.saved).toBe(true);
  });

  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proposes 2 to 3 business days after today, and the files say the day it took place', async () => {
    const h = app.handlers;
    // Nothing presented yet: the planned day's slot (8 December) is long gone, so from today.
    expect((await h['meeting:get']({ id: ID })).proposedFollowUp?.dueAt).toBe('2027-01-13T10:00:00-08:00');
    now = at('2027-01-11T18:00:00Z');
    await h['meeting:start']({ id: ID });
    await h['meeting:record']({ id: ID, event: { kind: 'slide', slideId: 'title' } });
    now = at('2027-01-11T18:40:00Z');
    await h['meeting:end']({ id: ID });
    const { proposedFollowUp } = await h['meeting:get']({ id: ID });
    expect(proposedFollowUp).toEqual({ dueAt: '2027-01-13T10:00:00-08:00', timeZone: ZONE, local: '2027-01-13T10:00' });

    // Wrapped up without touching the time: the proposal is the follow-up.
    now = at('2027-01-11T19:00:00Z');
    const done = await h['meeting:wrapUp']({ id: ID, questions: [] });
    if (!done.done) throw new Error(JSON.stringify(done.problems));
    expect(done.followUp?.dueAt).toBe('2027-01-13T10:00:00-08:00');
    expect(JSON.parse(readFileSync(join(done.folder, 'meeting.json'), 'utf8'))).toMatchObject({
      endedAt: '2027-01-11T10:40',
    });

    const pdf = execFileSync('pdftotext', [join(done.folder, 'summary.pdf'), '-'])
      .toString()
      .replace(/\s+/g, ' ');
    expect(pdf).toContain('Monday, January 11, 2027');
    expect(pdf).not.toContain('December 3');
    const eml = readFileSync(join(done.folder, 'follow-up.eml'), 'utf8').replace(/=\r?\n/g, '');
    expect(eml).toContain('meet with me on Monday, January 11, 2027');
    expect(eml).not.toContain('December 3');
    const ics = readFileSync(join(done.folder, 'follow-up.ics'), 'utf8');
    expect(ics).toContain('DTSTART:20270113T180000Z');
    expect(ics).toContain('DTSTAMP:20270111T184000Z');
    const plan = JSON.parse(readFileSync(join(done.folder, 'plan.json'), 'utf8')) as {
      followUp: { dueAt: string };
      deck: { slides: { takeaway: string }[] };
    };
    expect(plan.followUp.dueAt).toBe('2027-01-13T10:00:00-08:00');
    expect(plan.deck.slides.map((s) => s.takeaway).join(' ')).toContain('We met on Monday, January 11, 2027');
  });

  it('wrapped up days after it ended, proposes from the wrap-up day, never a slot gone by', async () => {
    const h = app.handlers;
    now = at('2027-01-11T18:00:00Z');
    await h['meeting:start']({ id: ID });
    now = at('2027-01-11T18:40:00Z');
    await h['meeting:end']({ id: ID });
    // Friday the 15th: Wednesday the 13th has gone by; from Friday, Tuesday the 19th.
    now = at('2027-01-15T21:00:00Z');
    expect((await h['meeting:get']({ id: ID })).proposedFollowUp?.dueAt).toBe('2027-01-19T10:00:00-08:00');
    const done = await h['meeting:wrapUp']({ id: ID, questions: [] });
    if (!done.done) throw new Error(JSON.stringify(done.problems));
    expect(done.followUp?.dueAt).toBe('2027-01-19T10:00:00-08:00');
    // The summary still says the day it took place.
    expect(
      execFileSync('pdftotext', [join(done.folder, 'summary.pdf'), '-'])
        .toString()
        .replace(/\s+/g, ' '),
    ).toContain('Monday, January 11, 2027');
  });

  it('snoozes a follow-up not yet due from its due time, never earlier; its win-back call lands on a good weekday', async () => {
    const h = app.handlers;
    await h['meeting:start']({ id: ID });
    await h['meeting:end']({ id: ID });
    const done = await h['meeting:wrapUp']({ id: ID, questions: [] });
    if (!done.done || !done.followUp) throw new Error('not wrapped up');
    // Due Wednesday the 13th at 10:00; snoozed on Monday the 11th.
    const hour = await h['followups:snooze']({ id: done.followUp.id, until: { kind: 'hour' } });
    expect(hour.snoozedUntil).toBe('2027-01-13T11:00:00-08:00');
    const tomorrow = await h['followups:snooze']({ id: done.followUp.id, until: { kind: 'tomorrow' } });
    expect(tomorrow.snoozedUntil).toBe('2027-01-14T10:00:00-08:00');

    // Done on Monday the 11th with no next step: 90 days on is Sunday 11 April, so the win-back
    // call is Tuesday the 13th (Monday morning is no good slot) at 10:00 in Los Angeles.
    await h['followups:complete']({ id: done.followUp.id });
    const winBack = (await h['followups:list'](undefined)).upcoming.find((f) => f.id.endsWith('-win-back'));
    expect(winBack?.dueAt).toBe('2027-04-13T10:00:00-07:00');
  });
});
