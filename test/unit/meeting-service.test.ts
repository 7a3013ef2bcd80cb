// A prospect's meeting through the app layer, in process, on real files: deck changes, present
// (slides and questions kept at every step), wrap-up (six files, one follow-up, Met).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { sampleIntakeInput } from '../support/samples';

// Real files and PDFs: seconds on a busy machine, never a time window.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
let dir: string;
let app: AdvisorDeckApp;
const ID = 'p-00000000000000aa';
// The app's one clock, fixed: Thursday 3 December 2026, 15:00 in Los Angeles, an hour after the
// sample meeting's planned start. Nothing here depends on today's date.
const NOW = Date.parse('2026-12-03T23:00:00Z');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-meeting-'));
  copyFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), join(dir, 'advisor.json'));
  app = await openApp({
    dataDir: dir,
    templatesDir: TEMPLATES_DIR,
    holder: 'a unit test',
    now: () => NOW,
    platform: {
      name: 'Advisor Deck',
      version: '0',
      openExternal: async () => false,
      openPath: async () => false,
      notify: () => false,
      applySettings: () => undefined,
    },
  });
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

describe('a meeting through the app layer', () => {
  it('keeps deck changes, every step of the meeting, and wraps up into six files and one follow-up', async () => {
    const h = app.handlers;
    const saved = await h['deck:save']({ id: ID, changes: { hidden: ['fees'], order: ['title', 'your-questions'] } });
    expect(saved.saved).toBe(true);
    const setup = await h['deck:get']({ id: ID });
    expect(setup.ready && setup.value.changes.hidden).toEqual(['fees']);

    await h['meeting:start']({ id: ID });
    await h['meeting:record']({ id: ID, event: { kind: 'slide', slideId: 'title' } });
    await h['meeting:record']({ id: ID, event: { kind: 'slide', slideId: 'your-questions' } });
    await h['meeting:record']({
      id: ID,
      event: { kind: 'question', text: 'Can we retire at 60? <script>x</script>', slideId: 'your-questions' },
    });
    // Kept on disk at once: a crash now loses nothing.
    const live = JSON.parse(readFileSync(join(dir, 'prospects', ID, 'meeting-live.json'), 'utf8')) as {
      visits: unknown[];
      questions: { text: string }[];
    };
    expect(live.visits).toHaveLength(2);
    expect(live.questions[0]?.text).toContain('retire at 60');
    // Starting again resumes the same meeting.
    expect((await h['meeting:start']({ id: ID })).questions).toHaveLength(1);
    await h['meeting:end']({ id: ID });

    const { proposedFollowUp } = await h['meeting:get']({ id: ID });
    expect(proposedFollowUp?.local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const day = proposedFollowUp?.local.slice(0, 10) ?? '';
    const first = await h['meeting:wrapUp']({
      id: ID,
      questions: [
        { text: 'Can we retire at 60?', answer: 'Likely, with a plan.', slideId: 'your-questions' },
        { text: 'What about fees?' },
      ],
      notes: 'Send the fee sheet',
      followUpAt: `${day}T15:30`,
    });
    if (!first.done) throw new Error(JSON.stringify(first.problems));
    expect(readdirSync(first.folder).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'meeting.json',
      'plan.json',
      'summary.pdf',
    ]);
    expect(execFileSync('pdfinfo', [join(first.folder, 'summary.pdf')]).toString()).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', ['-layout', join(first.folder, 'summary.pdf'), '-']).toString();
    expect(text).toContain('Can we retire at 60?');
    // 15:30 in Los Angeles, the meeting's zone, written in UTC.
    expect(first.followUp?.dueAt).toBe(`${day}T15:30:00-08:00`);
    const utc = new Date(first.followUp?.dueAt ?? '').toISOString().replace(/[-:]/g, '').slice(0, 15);
    expect(readFileSync(join(first.folder, 'follow-up.ics'), 'utf8')).toContain(`DTSTART:${utc}Z`);
    const plan = JSON.parse(readFileSync(join(first.folder, 'plan.json'), 'utf8')) as {
      deck: { slides: { id: string }[] };
    };
    expect(plan.deck.slides.map((s) => s.id)).not.toContain('fees');
    expect(plan.deck.slides.map((s) => s.id).slice(0, 2)).toEqual(['title', 'your-questions']);
    expect(first.followUp?.prospectId).toBe(ID);
    expect((await h['prospects:get']({ id: ID })).stage).toBe('met');
    // The meeting is wrapped up: the next Present starts afresh.
    expect((await h['meeting:get']({ id: ID })).live).toBeNull();

    const again = await h['meeting:wrapUp']({ id: ID, questions: [], followUpAt: `${day}T11:00` });
    if (!again.done) throw new Error(JSON.stringify(again.problems));
    expect(again.followUp?.id).toBe(first.followUp?.id);
    const lists = await h['followups:list'](undefined);
    expect([...lists.overdue, ...lists.today, ...lists.upcoming]).toHaveLength(1);
    expect((await h['prospects:list'](undefined)).prospects[0]?.nextFollowUpAt).toBe(again.followUp?.dueAt);
  });

  it('calls back 90 days after a follow-up done with no next step, and drops it when the prospect becomes a client', async () => {
    const h = app.handlers;
    await h['meeting:start']({ id: ID });
    await h['meeting:end']({ id: ID });
    const wrapped = await h['meeting:wrapUp']({ id: ID, questions: [] });
    if (!wrapped.done || !wrapped.followUp) throw new Error('not wrapped up');
    await h['followups:complete']({ id: wrapped.followUp.id });
    const all = () => h['followups:list'](undefined);
    const winBack = [...(await all()).upcoming].find((f) => f.id.endsWith('-win-back'));
    expect(winBack?.prospectId).toBe(ID);
    // 90 days after Thursday 3 December is Wednesday 3 March, at the preferred time there.
    expect(winBack?.dueAt).toBe('2027-03-03T10:00:00-08:00');
    await h['prospects:setStatus']({ id: ID, status: 'client' });
    expect([...(await all()).upcoming].some((f) => f.id.endsWith('-win-back'))).toBe(false);
  });

  it('takes up an ended meeting again instead of replacing it, and loses no event sent at once', async () => {
    const h = app.handlers;
    await h['meeting:start']({ id: ID });
    await h['meeting:record']({ id: ID, event: { kind: 'question', text: 'First?' } });
    await h['meeting:end']({ id: ID });
    const again = await h['meeting:start']({ id: ID });
    expect(again.endedAt).toBeUndefined();
    expect(again.questions.map((q) => q.text)).toEqual(['First?']);
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((t) => h['meeting:record']({ id: ID, event: { kind: 'question', text: t } })),
    );
    expect((await h['meeting:get']({ id: ID })).live?.questions).toHaveLength(6);
  });

  it('refuses a follow-up time before the meeting ended, naming the field, and writes nothing', async () => {
    await app.handlers['meeting:start']({ id: ID });
    await app.handlers['meeting:end']({ id: ID });
    const outcome = await app.handlers['meeting:wrapUp']({ id: ID, questions: [], followUpAt: '2001-01-01T10:00' });
    expect(outcome.done).toBe(false);
    if (!outcome.done) expect(outcome.problems[0]?.path).toBe('followUpAt');
    expect(readdirSync(join(dir, 'prospects', ID))).not.toContain('meetings');
  });

  it('refuses a deck.json that does not pass its check, naming the field', async () => {
    const outcome = await app.handlers['deck:save']({ id: ID, changes: { hidden: ['../../etc'], colour: 'red' } });
    expect(outcome.saved).toBe(false);
    if (!outcome.saved)
      expect(outcome.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['hidden[0]', 'colour']));
  });
});
