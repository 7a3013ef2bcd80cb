// Two windows on one prospect (issue 17.6): every save carries the revision it was based on, and
// a save from an older revision is refused as a typed result ({ ok: false, code: 'stale' }), with
// the newer data left on disk as it was. Real files in a temp folder, through `dispatch` as both
// transports call the handlers.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, StaleError } from '../../core/api';
import { checkDeckChanges } from '../../core/plan/deckChanges';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { ProspectStore } from '../../electron/services/prospects/store';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { sampleIntakeInput } from '../support/samples';

// A wrap-up draws a PDF: slow on a busy machine, never a time window of the test's own.
vi.setConfig({ testTimeout: 120_000 });

const ID = 'p-00000000000000aa';
const NOW = Date.parse('2026-12-03T23:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-revisions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const intake = () => sampleIntakeInput() as unknown as Record<string, unknown>;
const file = (...parts: string[]) => readFileSync(join(dir, 'prospects', ID, ...parts), 'utf8');

describe('the prospect store', () => {
  it('refuses a draft or an intake saved from a stale revision, accepts the current one, and moves it on with each save', async () => {
    const store = await ProspectStore.open(dir, { now: () => NOW });
    await store.save(ID, intake());
    const loaded = store.get(ID).revision;
    expect(loaded).toMatch(/^[0-9a-f]{32}$/);

    // Window A keeps a draft from what it loaded; its next keystroke is based on A's own save.
    const a1 = await store.saveDraft(ID, { prospect: { firstName: 'A one' } }, loaded);
    expect(a1.revision).not.toBe(loaded);
    const a2 = await store.saveDraft(ID, { prospect: { firstName: 'A two' } }, a1.revision);
    expect(store.get(ID).revision).toBe(a2.revision);

    // Window B loaded at the same time as A: refused, A's draft stays.
    await expect(store.saveDraft(ID, { prospect: { firstName: 'B' } }, loaded)).rejects.toBeInstanceOf(StaleError);
    await expect(store.save(ID, { ...intake(), notes: 'from B' }, loaded)).rejects.toBeInstanceOf(StaleError);
    expect(JSON.parse(file('draft.json'))).toEqual({ prospect: { firstName: 'A two' } });
    expect(JSON.parse(file('intake.json'))).not.toHaveProperty('notes', 'from B');

    // From the current revision, the intake is saved; the revision it returns is the one loaded next.
    const saved = await store.save(ID, { ...intake(), notes: 'from A' }, a2.revision);
    expect(saved.saved).toBe(true);
    if (!saved.saved) return;
    expect(saved.revision).toBe(store.get(ID).revision);
    expect(existsSync(join(dir, 'prospects', ID, 'draft.json'))).toBe(false);

    // Made from the content, not kept in a file: the same after a restart, and intake.json stays the CLI's format.
    await store.flush();
    const reopened = await ProspectStore.open(dir, { now: () => NOW });
    expect(reopened.get(ID).revision).toBe(saved.revision);
    expect(JSON.parse(file('intake.json'))).not.toHaveProperty('revision');
    // Without a revision (an import, a script): not checked, as before.
    expect((await reopened.saveDraft(ID, { prospect: { firstName: 'script' } })).id).toBe(ID);
  });
});

describe('through the app layer', () => {
  let app: AdvisorDeckApp;
  beforeEach(async () => {
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
    const saved = await app.handlers['prospects:save']({ id: ID, intake: intake() });
    expect(saved.saved).toBe(true);
  });
  afterEach(async () => {
    await app.close();
  });

  it('answers a stale draft with a typed result, not a crash, and checks what a revision looks like', async () => {
    const loaded = (await dispatch(app.handlers, 'prospects:get', { id: ID })) as {
      ok: true;
      value: { revision: string };
    };
    const a = await dispatch(app.handlers, 'prospects:saveDraft', {
      id: ID,
      draft: { prospect: { firstName: 'A' } },
      revision: loaded.value.revision,
    });
    expect(a.ok).toBe(true);
    const b = await dispatch(app.handlers, 'prospects:saveDraft', {
      id: ID,
      draft: { prospect: { firstName: 'B' } },
      revision: loaded.value.revision,
    });
    expect(b).toEqual({ ok: false, code: 'stale', error: 'This prospect changed in another window.' });
    const save = await dispatch(app.handlers, 'prospects:save', {
      id: ID,
      intake: intake(),
      revision: loaded.value.revision,
    });
    expect(save).toMatchObject({ ok: false, code: 'stale' });
    expect(JSON.parse(file('draft.json'))).toEqual({ prospect: { firstName: 'A' } });
    const bad = await dispatch(app.handlers, 'prospects:saveDraft', { id: ID, draft: {}, revision: '../../etc' });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok || bad.error).toMatch(/revision/);
    expect(bad.ok || bad.code).toBeUndefined();
  });

  it('refuses deck changes saved from a stale revision of deck.json, which stays the CLI --deck format', async () => {
    const get = async () => {
      const setup = await app.handlers['deck:get']({ id: ID });
      if (!setup.ready) throw new Error('no deck');
      return setup.value;
    };
    const loaded = (await get()).revision;
    const a = await dispatch(app.handlers, 'deck:save', { id: ID, changes: { hidden: ['fees'] }, revision: loaded });
    if (!a.ok || !a.value.saved) throw new Error(JSON.stringify(a));
    expect(a.value.revision).toBe((await get()).revision);
    // B, loaded before A's save: refused, A's changes stay.
    const b = await dispatch(app.handlers, 'deck:save', {
      id: ID,
      changes: { order: ['your-questions'] },
      revision: loaded,
    });
    expect(b).toMatchObject({ ok: false, code: 'stale' });
    expect((await get()).changes.hidden).toEqual(['fees']);
    // A again, from its own save: never refuses itself.
    const a2 = await dispatch(app.handlers, 'deck:save', {
      id: ID,
      changes: { hidden: ['fees'], order: ['title'] },
      revision: a.value.revision,
    });
    expect(a2).toMatchObject({ ok: true, value: { saved: true } });
    const onDisk = JSON.parse(file('deck.json')) as Record<string, unknown>;
    expect(onDisk).not.toHaveProperty('revision');
    expect(checkDeckChanges(onDisk).ok).toBe(true);
  });

  it('refuses a wrap-up from a window that loaded the meeting before another window wrapped it up', async () => {
    const h = app.handlers;
    await h['meeting:start']({ id: ID });
    await h['meeting:record']({ id: ID, event: { kind: 'question', text: 'Can we retire at 60?' } });
    await h['meeting:end']({ id: ID });
    const loaded = await h['meeting:get']({ id: ID });
    const followUpAt = '2026-12-08T10:00';

    const a = await dispatch(h, 'meeting:wrapUp', {
      id: ID,
      questions: [{ text: 'Can we retire at 60?', answer: 'From A' }],
      followUpAt,
      revision: loaded.revision,
    });
    if (!a.ok || !a.value.done) throw new Error(JSON.stringify(a));
    const b = await dispatch(h, 'meeting:wrapUp', {
      id: ID,
      questions: [{ text: 'Can we retire at 60?', answer: 'From B' }],
      followUpAt,
      revision: loaded.revision,
    });
    expect(b).toMatchObject({ ok: false, code: 'stale' });
    const folder = a.value.folder;
    const record = () =>
      JSON.parse(readFileSync(join(folder, 'meeting.json'), 'utf8')) as { questions: { answer?: string }[] };
    expect(record().questions[0]?.answer).toBe('From A');

    // What A wraps up again from is the revision its wrap-up returned, the one a new window loads.
    expect(a.value.revision).toBe((await h['meeting:get']({ id: ID })).revision);
    const again = await dispatch(h, 'meeting:wrapUp', {
      id: ID,
      questions: [{ text: 'Can we retire at 60?', answer: 'A, later' }],
      followUpAt,
      revision: a.value.revision,
    });
    expect(again).toMatchObject({ ok: true, value: { done: true } });
    expect(record().questions[0]?.answer).toBe('A, later');
  });
});
