// writeFilesAllOrNothing on real folders and files. Failures in the middle of a write (a file
// locked by a viewer, a full disk) are injected through node:fs/promises; everything else is real.
import { chmod, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputFolderError, writeFilesAllOrNothing, type OutputFile } from '../../electron/services/outputs';
import { handOver, runUnprivileged } from '../support/unprivileged';

const ROOT = resolve(import.meta.dirname, '../..');

/** Returns the error a call should fail with, or undefined to let it through. */
const inject = vi.hoisted(() => ({
  rename: undefined as ((from: string, to: string) => Error | undefined) | undefined,
  open: undefined as ((path: string) => Error | undefined) | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const rename: typeof actual.rename = async (from, to) => {
    const error = inject.rename?.(String(from), String(to));
    if (error) throw error;
    return actual.rename(from, to);
  };
  const open = (async (path: Parameters<typeof actual.open>[0], ...rest: unknown[]) => {
    const error = inject.open?.(String(path));
    if (error) throw error;
    return (actual.open as (...args: unknown[]) => ReturnType<typeof actual.open>)(path, ...rest);
  }) as typeof actual.open;
  return { ...actual, default: { ...actual, rename, open }, rename, open };
});

const NAMES = ['plan.json', 'deck.html', 'summary.pdf', 'follow-up.ics', 'follow-up.eml'];
const systemError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: injected, ${path}`), { code, path });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-outputs-'));
});
afterEach(async () => {
  inject.rename = undefined;
  inject.open = undefined;
  await rm(dir, { recursive: true, force: true });
});

const filesOf = (who: string): OutputFile[] =>
  NAMES.map((name) => ({
    name,
    bytes: name.endsWith('.pdf') ? new TextEncoder().encode(`${who} ${name}`) : `${who} ${name}`,
  }));

/** Every file of the folder (hidden ones too) with its text: the whole state a reader could see. */
async function contents(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    out[entry.name] = entry.isDirectory()
      ? '(folder)'
      : entry.isSymbolicLink()
        ? `-> ${await readlink(join(folder, entry.name))}`
        : await readFile(join(folder, entry.name), 'utf8');
  }
  return out;
}

const allOf = (who: string) => Object.fromEntries(NAMES.map((name) => [name, `${who} ${name}`]));

/** Writes Lopez's five files the ordinary way: the "previous build" a failure must leave alone. */
async function previousBuild(folder = dir): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const name of NAMES) await writeFile(join(folder, name), `lopez ${name}`);
}

describe('writeFilesAllOrNothing', () => {
  it('creates the folder and writes every file, returning their paths in order, with nothing else left', async () => {
    const folder = join(dir, 'prospects/p1/meetings/2026-12-03T1400');
    const paths = await writeFilesAllOrNothing(folder, filesOf('silva'));
    expect(paths).toEqual(NAMES.map((name) => join(folder, name)));
    expect(await contents(folder)).toEqual(allOf('silva'));
  });

  it('replaces all five previous files', async () => {
    await previousBuild();
    await writeFilesAllOrNothing(dir, filesOf('silva'));
    expect(await contents(dir)).toEqual(allOf('silva'));
  });

  it('leaves other files of the folder alone', async () => {
    await previousBuild();
    await writeFile(join(dir, 'meeting.json'), '{}');
    await writeFilesAllOrNothing(dir, filesOf('silva'));
    expect(await contents(dir)).toEqual({ ...allOf('silva'), 'meeting.json': '{}' });
  });

  it('replaces a link at a target name, not the file it points to', async () => {
    const elsewhere = join(dir, 'elsewhere.html');
    await writeFile(elsewhere, 'not mine');
    const folder = join(dir, 'out');
    await mkdir(folder);
    await symlink(elsewhere, join(folder, 'deck.html'));
    await writeFilesAllOrNothing(folder, filesOf('silva'));
    expect(await readFile(elsewhere, 'utf8')).toBe('not mine');
    expect(await contents(folder)).toEqual(allOf('silva'));
  });

  it('fails before replacing anything when a folder is in the way of one file, and cleans up', async () => {
    await previousBuild();
    await rm(join(dir, 'summary.pdf'));
    await mkdir(join(dir, 'summary.pdf'));
    const before = await contents(dir);
    const error = await writeFilesAllOrNothing(dir, filesOf('silva')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputFolderError);
    expect((error as OutputFolderError).message).toBe(
      `${join(dir, 'summary.pdf')} is a folder, so the file of that name cannot be written`,
    );
    expect(await contents(dir)).toEqual(before);
  });

  it('says which part of the path is a file when the folder is under a file', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const error = await writeFilesAllOrNothing(join(file, 'out'), filesOf('silva')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputFolderError);
    expect(error).toMatchObject({ message: `${file} is a file, not a folder`, code: 'ENOTDIR' });
    expect(await contents(dir)).toEqual({ 'a-file': 'x' });
  });

  it('says the folder is a file when it is one', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    await expect(writeFilesAllOrNothing(file, filesOf('silva'))).rejects.toMatchObject({
      name: 'OutputFolderError',
      message: `${file} is a file, not a folder`,
      path: file,
    });
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('says the folder is a link to nothing, and creates nothing where it points', async () => {
    const link = join(dir, 'out');
    await symlink(join(dir, 'gone'), link);
    await expect(writeFilesAllOrNothing(link, filesOf('silva'))).rejects.toThrow(
      `${link} is a link to ${join(dir, 'gone')}, which does not exist`,
    );
    expect(await contents(dir)).toEqual({ out: `-> ${join(dir, 'gone')}` });
  });

  it('says so when it may not write in the folder, leaving its files alone (as an unprivileged user when the tests run as root)', async () => {
    await previousBuild();
    // The write runs in a process of its own (under setpriv as nobody when this one is root, for
    // whom mode bits mean nothing), with the real node:fs: nothing injected.
    const script = join(await mkdtemp(join(tmpdir(), 'advisor-deck-outputs-script-')), 'write.mts');
    await writeFile(
      script,
      `import { writeFilesAllOrNothing } from ${JSON.stringify(join(ROOT, 'electron/services/outputs.ts'))};
      const files = ${JSON.stringify(NAMES)}.map((name) => ({ name, bytes: 'silva ' + name }));
      try {
        await writeFilesAllOrNothing(${JSON.stringify(dir)}, files);
        console.log('written');
      } catch (error) {
        console.log(JSON.stringify({ name: error.name, message: error.message, code: error.code }));
      }`,
    );
    await handOver(dirname(script));
    await handOver(dir);
    await chmod(dir, 0o500);
    try {
      const result = await runUnprivileged(process.execPath, ['--import', 'tsx', script], {
        cwd: ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      });
      expect(JSON.parse(result.stdout.trim()) as unknown).toEqual({
        name: 'OutputFolderError',
        message: `cannot write in ${dir} (permission denied)`,
        code: 'EACCES',
      });
    } finally {
      await chmod(dir, 0o700);
      await rm(dirname(script), { recursive: true, force: true });
    }
    expect(await contents(dir)).toEqual(allOf('lopez'));
  });

  it('replaces nothing when writing one file fails (a full disk), and removes what it wrote', async () => {
    await previousBuild();
    inject.open = (path) => (basename(path).startsWith('.follow-up.eml.') ? systemError('ENOSPC', path) : undefined);
    await expect(writeFilesAllOrNothing(dir, filesOf('silva'))).rejects.toThrow(`the disk of ${dir} is full`);
    expect(await contents(dir)).toEqual(allOf('lopez'));
  });

  // The bug this writer fixes: files written one by one left Silva's plan and deck beside
  // Lopez's summary and email when the third write failed.
  it('puts every previous file back when a rename fails midway (a summary locked by a viewer)', async () => {
    await previousBuild();
    let renames = 0;
    inject.rename = (from, to) => {
      if (basename(from).startsWith('.') && basename(from).endsWith('.tmp')) renames++;
      return basename(to) === 'summary.pdf' && from.endsWith('.tmp') ? systemError('EPERM', to) : undefined;
    };
    const error = await writeFilesAllOrNothing(dir, filesOf('silva')).catch((e: unknown) => e);
    expect(renames).toBe(3); // plan.json and deck.html were replaced before summary.pdf failed
    expect(error).toBeInstanceOf(OutputFolderError);
    expect(await contents(dir)).toEqual(allOf('lopez'));
  });

  it('removes the files it added when a rename fails midway in a new folder', async () => {
    const folder = join(dir, 'new');
    inject.rename = (from, to) => (basename(to) === 'follow-up.ics' ? systemError('EACCES', to) : undefined);
    await expect(writeFilesAllOrNothing(folder, filesOf('silva'))).rejects.toThrow(OutputFolderError);
    expect(await contents(folder)).toEqual({});
  });

  it('keeps a previous file it could not put back under its backup name, and says so', async () => {
    await previousBuild();
    inject.rename = (from, to) => {
      if (basename(to) === 'summary.pdf' && from.endsWith('.tmp')) return systemError('EPERM', to);
      if (basename(to) === 'plan.json' && from.endsWith('.bak')) return systemError('EIO', to);
      return undefined;
    };
    const error = await writeFilesAllOrNothing(dir, filesOf('silva')).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /; could not restore the previous plan\.json: it is kept as \.plan\.json\.\d+\.[0-9a-f]{12}\.bak$/,
    );
    const after = await contents(dir);
    const backup = Object.keys(after).find((name) => name.startsWith('.plan.json.'));
    expect(backup && after[backup]).toBe('lopez plan.json');
    expect(after['plan.json']).toBe('silva plan.json');
    expect(Object.keys(after).filter((name) => name.startsWith('.'))).toEqual([backup]);
    for (const name of NAMES.slice(1)) expect(after[name]).toBe(`lopez ${name}`);
  });

  it('rejects names that are not plain file names, before touching the disk', async () => {
    const folder = join(dir, 'out');
    for (const name of ['a/b.json', '../x', '.hidden', '']) {
      await expect(writeFilesAllOrNothing(folder, [{ name, bytes: 'x' }])).rejects.toThrow(TypeError);
    }
    await expect(
      writeFilesAllOrNothing(folder, [
        { name: 'a', bytes: '1' },
        { name: 'a', bytes: '2' },
      ]),
    ).rejects.toThrow('given twice');
    expect(await contents(dir)).toEqual({});
  });
});
