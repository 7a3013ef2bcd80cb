// A new prospect's first save is all or nothing, and a draft is never larger than the next start
// reads: a first draft that cannot be written leaves no folder (a record and nothing else was the
// bug), and an oversize draft is refused whole with a message instead of being set aside later.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProspectStore } from '../../electron/services/prospects/store';
import { MAX_INTAKE_JSON } from '../../electron/services/prospects/intakeText';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const ID = 'p-00000000000000f1';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-first-save-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const folder = () => readdirSync(join(dir, 'prospects'));

describe('the first save of a new prospect', () => {
  it('leaves no folder when its draft cannot be written (the file size limit hits after the record would fit)', async () => {
    // A real write failure, in a process of its own: RLIMIT_FSIZE of 4 KB lets a record through
    // and fails the 50 KB draft with EFBIG (Node ignores SIGXFSZ).
    const script = `
      import { ProspectStore } from ${JSON.stringify(join(ROOT, 'electron/services/prospects/store.ts'))};
      const store = await ProspectStore.open(${JSON.stringify(dir)});
      try {
        await store.saveDraft(${JSON.stringify(ID)}, { prospect: { firstName: 'Ana' }, notes: 'n'.repeat(50000) });
        console.log('saved');
      } catch (error) {
        console.log('refused ' + error.code);
      }
      console.log(JSON.stringify(store.size));`;
    const file = join(dir, 'first-save.mts');
    writeFileSync(file, script);
    const { stdout } = await run('bash', ['-c', `ulimit -f 4 && exec "${process.execPath}" --import tsx "${file}"`], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
    });
    expect(stdout.trim().split('\n')).toEqual(['refused EFBIG', '0']);
    expect(folder()).toEqual([]);
    const reopened = await ProspectStore.open(dir);
    expect(reopened.size).toBe(0);
    expect(reopened.problems).toEqual([]);
  });

  it('writes the draft and the record together on success', async () => {
    const store = await ProspectStore.open(dir);
    await store.saveDraft(ID, { prospect: { firstName: 'Ana' } });
    expect(folder()).toEqual([ID]);
    expect(readdirSync(join(dir, 'prospects', ID)).sort()).toEqual(['draft.json', 'prospect.json']);
  });

  it('uses a folder already there that the list did not show (only a file set aside in it)', async () => {
    mkdirSync(join(dir, 'prospects', ID), { recursive: true });
    writeFileSync(join(dir, 'prospects', ID, 'intake.damaged-2026-12-01T10-00-00-000Z.json'), '{');
    const store = await ProspectStore.open(dir);
    expect(store.size).toBe(0);
    await store.saveDraft(ID, { prospect: { firstName: 'Ana' } });
    expect(readdirSync(join(dir, 'prospects', ID)).sort()).toEqual([
      'draft.json',
      'intake.damaged-2026-12-01T10-00-00-000Z.json',
      'prospect.json',
    ]);
    expect(folder()).toEqual([ID]);
  });
});

describe('the size of a draft', () => {
  it('refuses a draft the next start would set aside as too large, writing nothing', async () => {
    const store = await ProspectStore.open(dir);
    // 1.2 MB pasted into Notes.
    await expect(store.saveDraft(ID, { notes: 'x'.repeat(1_200_000) })).rejects.toThrow(
      /too large to keep \(1\.2 MB, at most 1 MB\)/,
    );
    expect(folder()).toEqual([]);
    await store.saveDraft(ID, { notes: 'short' });
    await expect(store.saveDraft(ID, { notes: 'é'.repeat(MAX_INTAKE_JSON) })).rejects.toThrow(/too large/);
    // The draft kept before the refusal is still the one on disk.
    expect((await ProspectStore.open(dir)).get(ID).draft).toEqual({ notes: 'short' });
  });

  it('keeps the largest draft it accepts, and the next start reads it without setting it aside', async () => {
    const store = await ProspectStore.open(dir);
    // As close to the cap as JSON and the newline allow.
    const notes = 'x'.repeat(MAX_INTAKE_JSON - 40);
    await store.saveDraft(ID, { notes });
    const reopened = await ProspectStore.open(dir);
    expect(reopened.problems).toEqual([]);
    expect(reopened.size).toBe(1);
  });
});
