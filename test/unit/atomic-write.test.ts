// Atomic writes, deterministically: a fault put between the write and the rename (the moment a
// crash or a full disk hits) must leave the old file whole, and a reader at that moment must
// see the old file, never part of the new one. The temporary files of writers that died there
// are removed when the app next opens the folder, and nothing else is.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/services/app';
import { writeFileAtomic, writeFileAtomicSync, type AtomicRename } from '../../electron/services/files';
import { removeOrphanTemps } from '../../electron/services/orphanTemps';
import { TEMPLATES_DIR } from '../../electron/services/recipes';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OLD = `${JSON.stringify({ version: 'old', notes: 'o'.repeat(200_000) })}\n`;
const NEW = `${JSON.stringify({ version: 'new', notes: 'n'.repeat(300_000) })}\n`;
const temps = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** What a reader sees at the moment between the write and the rename, then the step itself (or a fault). */
function between(seen: { target: string; temp: string; tempMode: number }[], fault?: Error): AtomicRename {
  const look = (temp: string, path: string) =>
    seen.push({
      target: readFileSync(path, 'utf8'),
      temp: readFileSync(temp, 'utf8'),
      tempMode: statSync(temp).mode & 0o777,
    });
  return {
    async rename(temp, path) {
      look(temp, path);
      if (fault) throw fault;
      await rename(temp, path);
    },
    renameSync(temp, path) {
      look(temp, path);
      if (fault) throw fault;
      renameSync(temp, path);
    },
  };
}

describe('writeFileAtomic with a fault between write and rename', () => {
  for (const kind of ['async', 'sync'] as const) {
    const write = (path: string, data: string, steps: AtomicRename) =>
      kind === 'async'
        ? writeFileAtomic(path, data, steps)
        : Promise.resolve().then(() => writeFileAtomicSync(path, data, steps));

    it(`${kind}: a reader sees the old file whole until the rename, then the new one whole`, async () => {
      const path = join(dir, 'intake.json');
      writeFileSync(path, OLD);
      const seen: { target: string; temp: string; tempMode: number }[] = [];
      await write(path, NEW, between(seen));
      // The step ran: the new bytes were whole, flushed and private before anyone could see them.
      expect(seen).toHaveLength(1);
      expect(seen[0]?.target).toBe(OLD);
      expect(seen[0]?.temp).toBe(NEW);
      expect(seen[0]?.tempMode).toBe(0o600);
      expect(readFileSync(path, 'utf8')).toBe(NEW);
      expect(temps()).toEqual([]);
    });

    it(`${kind}: a fault there keeps the old file and leaves no temporary file`, async () => {
      const path = join(dir, 'intake.json');
      writeFileSync(path, OLD);
      const seen: { target: string; temp: string; tempMode: number }[] = [];
      const fault = Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      await expect(write(path, NEW, between(seen, fault))).rejects.toThrow('EIO');
      expect(seen).toHaveLength(1);
      expect(readFileSync(path, 'utf8')).toBe(OLD);
      expect(temps()).toEqual([]);
    });
  }

  it('a reader racing many writes reads only whole versions', async () => {
    const path = join(dir, 'draft.json');
    writeFileSync(path, OLD);
    let writing = true;
    const reads: string[] = [];
    const reader = (async () => {
      while (writing) reads.push(await readFile(path, 'utf8'));
    })();
    for (let i = 0; i < 40; i++) await writeFileAtomic(path, i % 2 ? OLD : NEW);
    writing = false;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    for (const text of reads) expect(text === OLD || text === NEW).toBe(true);
  });
});

describe('orphan temporary files', () => {
  /** The pid of a process that has exited. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    return child.pid ?? 0;
  }

  it('removes the temporary files of dead writers at any depth of the data folder, and nothing else', async () => {
    const dead = await deadPid();
    const prospect = join(dir, 'prospects', 'p-0000000000000001');
    const meeting = join(prospect, 'meetings', '2026-12-03T14-00');
    mkdirSync(meeting, { recursive: true });
    const orphans = [
      join(dir, `.advisor.json.${dead}.0123456789ab.tmp`),
      join(prospect, `.draft.json.${dead}.abcdefabcdef.tmp`),
      join(meeting, `.summary.pdf.${dead}.00ff00ff00ff.tmp`),
    ];
    const kept = [
      join(prospect, `.intake.json.${process.pid}.0123456789ab.tmp`), // a write of this process, in flight
      join(meeting, `.summary.pdf.${dead}.0123456789ab.bak`), // a group write's backup: maybe the only copy
      join(prospect, 'notes.tmp'),
      join(prospect, `.draft.json.${dead}.tmp`),
      join(prospect, `.draft.json.${dead}.0123456789AB.tmp`),
      join(prospect, 'draft.json'),
    ];
    for (const file of [...orphans, ...kept]) writeFileSync(file, 'client data');
    // A new prospect's folder made under a temporary name and never renamed in (prospects/store.ts).
    const staging = join(dir, 'prospects', `.p-0000000000000002.${dead}.0123456789ab.tmp`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'prospect.json'), 'client data');
    const removed = await removeOrphanTemps(dir);
    expect(removed.sort()).toEqual([...orphans, staging].sort());
    expect(() => statSync(staging)).toThrow();
    for (const file of orphans) expect(() => statSync(file)).toThrow();
    for (const file of kept) expect(readFileSync(file, 'utf8')).toBe('client data');
  });

  it('are removed when the app opens its data folder', async () => {
    const dead = await deadPid();
    const prospect = join(dir, 'prospects', 'p-0000000000000001');
    mkdirSync(prospect, { recursive: true });
    const orphan = join(prospect, `.intake.json.${dead}.0123456789ab.tmp`);
    writeFileSync(orphan, '{"prospect":{"firstName":"Half of a cli');
    const app = await openApp({
      dataDir: dir,
      templatesDir: TEMPLATES_DIR,
      holder: 'a unit test',
      now: () => Date.parse('2026-12-01T09:00:00Z'),
      platform: {
        name: 'Advisor Deck',
        version: '0',
        openExternal: async () => false,
        openPath: async () => false,
        notify: () => false,
        applySettings: () => undefined,
      },
    });
    try {
      // Removed beside the start: waited for by its effect, counted in turns, never a time.
      let present = true;
      for (let i = 0; i < 100_000 && present; i++) {
        present = readdirSync(prospect).includes(`.intake.json.${dead}.0123456789ab.tmp`);
        if (present) await new Promise((r) => setImmediate(r));
      }
      expect(present).toBe(false);
    } finally {
      await app.close();
    }
  });
});
