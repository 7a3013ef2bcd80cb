// The prospect store on real files in a temp folder: what is written where, what survives a
// reopen, and how damaged files are set aside and reported rather than dropped or fatal.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIntake } from '../../core/intake/intake';
import { compareProspects, matchesSearch, searchKey, type ProspectSummary } from '../../core/prospect/prospect';
import { DataFolderInUse, lockDataFolder } from '../../electron/services/lock';
import { ProspectStore } from '../../electron/services/prospects/store';
import { sampleIntakeInput } from '../support/samples';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-store-'));
});
// Removing 5,000 prospect folders takes over 10 s on a busy machine: the hook gets a minute.
afterEach(() => rmSync(dir, { recursive: true, force: true }), 60_000);

const intake = () => sampleIntakeInput() as unknown as Record<string, unknown>;
const files = (id: string) => readdirSync(join(dir, 'prospects', id)).sort();

describe('ProspectStore', () => {
  it('keeps a draft apart, then writes exactly the checked intake and drops the draft', async () => {
    const store = await ProspectStore.open(dir);
    const draft = await store.saveDraft('p-0000000000000001', {
      prospect: { firstName: 'Ana', lastName: '' },
      goals: [],
    });
    expect(draft).toMatchObject({ id: 'p-0000000000000001', firstName: 'Ana', status: 'draft' });
    expect(files(draft.id)).toEqual(['draft.json', 'prospect.json']);

    const bad = await store.save(draft.id, { prospect: { firstName: 'Ana' } });
    expect(bad.saved).toBe(false);
    if (!bad.saved)
      expect(bad.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['prospect.lastName', 'goals', 'meeting']),
      );
    expect(files(draft.id)).toEqual(['draft.json', 'prospect.json']);

    const good = await store.save(draft.id, {
      ...intake(),
      prospect: { firstName: '  Ana\u0301 ', lastName: 'Lopez' },
    });
    expect(good).toMatchObject({ saved: true, value: { status: 'ready', firstName: 'Aná' } });
    expect(files(draft.id)).toEqual(['intake.json', 'prospect.json']);
    const onDisk = JSON.parse(readFileSync(join(dir, 'prospects', draft.id, 'intake.json'), 'utf8')) as unknown;
    const checked = checkIntake(onDisk);
    expect(checked.ok).toBe(true);
    // Trimmed and NFC, exactly as the CLI would read and build it.
    expect(onDisk).toMatchObject({ prospect: { firstName: 'Aná' } });
    const record = JSON.parse(readFileSync(join(dir, 'prospects', draft.id, 'prospect.json'), 'utf8')) as {
      history: { event: string }[];
    };
    expect(record.history.map((h) => h.event)).toEqual(['created', 'intake saved']);
  });

  it('reopens with the same prospects, soonest meeting first', async () => {
    const store = await ProspectStore.open(dir);
    const later = { ...intake(), meeting: { startsAt: '2027-02-01T10:00', timeZone: 'Europe/Paris' } };
    await store.save('p-00000000000000aa', later);
    await store.save('p-00000000000000bb', intake());
    await store.saveDraft('p-00000000000000cc', { prospect: { firstName: 'No', lastName: 'Meeting' } });
    await store.flush();
    const reopened = await ProspectStore.open(dir);
    expect(reopened.list().map((p) => p.id)).toEqual([
      'p-00000000000000bb',
      'p-00000000000000aa',
      'p-00000000000000cc',
    ]);
    expect(reopened.problems).toEqual([]);
  });

  it('sets damaged files aside, reports each, and keeps the prospect', async () => {
    const store = await ProspectStore.open(dir);
    await store.save('p-0000000000000001', intake());
    await store.save('p-0000000000000002', intake());
    await store.save('p-0000000000000003', intake());
    writeFileSync(join(dir, 'prospects', 'p-0000000000000001', 'intake.json'), '{ "prospect": ');
    writeFileSync(join(dir, 'prospects', 'p-0000000000000002', 'prospect.json'), 'garbage');
    // Edited by hand into something invalid: kept as a draft for the advisor to fix.
    writeFileSync(
      join(dir, 'prospects', 'p-0000000000000003', 'intake.json'),
      JSON.stringify({ ...intake(), goals: ['yachts'] }),
    );

    const reopened = await ProspectStore.open(dir);
    expect(reopened.problems).toHaveLength(3);
    const said = reopened.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
    expect(said).toMatch(/p-0000000000000001.intake\.json: is not valid JSON; kept as intake\.damaged-/);
    expect(said).toMatch(/p-0000000000000002.prospect\.json: is not valid JSON; kept as prospect\.damaged-/);
    expect(said).toMatch(/p-0000000000000003.intake\.json: does not pass the intake check/);
    for (const id of ['p-0000000000000001', 'p-0000000000000002', 'p-0000000000000003'])
      expect(files(id).some((f) => f.includes('.damaged-'))).toBe(true);
    const byId = new Map(reopened.list().map((p) => [p.id, p]));
    expect(byId.get('p-0000000000000001')?.status).toBe('draft');
    expect(byId.get('p-0000000000000002')?.status).toBe('ready');
    expect(reopened.get('p-0000000000000003').draft).toMatchObject({ goals: ['yachts'] });
  });

  it('moves a deleted prospect to the trash and restores it', async () => {
    const store = await ProspectStore.open(dir);
    await store.save('p-0000000000000001', intake());
    const { trashId } = await store.delete('p-0000000000000001');
    expect(existsSync(join(dir, 'prospects', 'p-0000000000000001'))).toBe(false);
    expect(readdirSync(join(dir, 'trash'))).toEqual([trashId]);
    // The window cannot bring a trashed id back to life by typing into an old form.
    await expect(store.saveDraft('p-0000000000000001', {})).rejects.toThrow(/trash/);
    const restored = await store.restore(trashId);
    expect(restored).toMatchObject({ id: 'p-0000000000000001', status: 'ready' });
    expect(store.list()).toHaveLength(1);
  });

  it('imports intake files by their text: problems by field, nothing written for a bad one', async () => {
    const store = await ProspectStore.open(dir);
    const bad = await store.importIntake(JSON.stringify({ prospect: { firstname: 'x' } }));
    expect(bad.saved).toBe(false);
    if (!bad.saved)
      expect(
        bad.problems.some((p) => p.path === 'prospect.firstname' && /did you mean "firstName"/.test(p.message)),
      ).toBe(true);
    expect((await store.importIntake('{ nope')).saved).toBe(false);
    expect((await store.importIntake('x'.repeat(1024 * 1024 + 1))).saved).toBe(false);
    expect(existsSync(join(dir, 'prospects')) ? readdirSync(join(dir, 'prospects')) : []).toEqual([]);
    expect((await store.importIntake(JSON.stringify(intake()))).saved).toBe(true);
  });

  it('opens 5,000 prospects and lists them all', { timeout: 120_000 }, async () => {
    const body = JSON.stringify(checkIntake(intake()).ok ? intake() : {});
    for (let i = 0; i < 5000; i++) {
      const id = `p-${i.toString(16).padStart(16, '0')}`;
      mkdirSync(join(dir, 'prospects', id), { recursive: true });
      writeFileSync(join(dir, 'prospects', id, 'intake.json'), body);
    }
    const store = await ProspectStore.open(dir);
    expect(store.list()).toHaveLength(5000);
    expect(store.problems).toEqual([]);
  });
});

describe('data folder lock', () => {
  it('refuses a second holder, naming the first, until it is released', () => {
    const first = lockDataFolder(dir, 'the desktop app');
    let refusal: unknown;
    try {
      lockDataFolder(dir, 'the web host (npm run web)');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderInUse);
    expect((refusal as Error).message).toContain(`the desktop app (process ${process.pid}`);
    first.release();
    lockDataFolder(dir, 'the web host (npm run web)').release();
  });
});

describe('search and order (core/prospect/prospect)', () => {
  const row = (firstName: string, lastName: string, meetingStartsAt?: string): ProspectSummary => ({
    id: `${firstName}-${lastName}`,
    firstName,
    lastName,
    status: 'ready',
    updatedAt: '',
    hasDraft: false,
    ...(meetingStartsAt ? { meetingStartsAt } : {}),
  });

  it('matches every word, ignoring case and accents', () => {
    const key = searchKey(row('Hélène', "O'Brien-Côté"));
    expect(matchesSearch(key, 'helene')).toBe(true);
    expect(matchesSearch(key, 'COTE hel')).toBe(true);
    expect(matchesSearch(key, 'helene smith')).toBe(false);
    expect(matchesSearch(searchKey(row('美咲', '佐藤')), '佐藤')).toBe(true);
  });

  it('puts the soonest meeting first and prospects without one last', () => {
    const rows = [row('C', 'C'), row('B', 'B', '2027-01-01T09:00'), row('A', 'A', '2026-12-03T14:00')];
    expect(rows.sort(compareProspects).map((r) => r.firstName)).toEqual(['A', 'B', 'C']);
  });
});
