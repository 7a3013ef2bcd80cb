// `npm run cli`'s launcher (scripts/cli.mjs) runs out/cli/cli.mjs only when the bundle was built
// from exactly the sources there are now. On a copy of the sources (the real out/cli/ is never
// touched): an edit, even one put back with the old file time, makes it build again before running.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

let copy: string;
beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'advisor-deck-launcher-'));
  for (const part of [
    'core',
    'electron',
    'templates',
    'scripts',
    'package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'tsconfig.node.json',
  ]) {
    await cp(join(ROOT, part), join(copy, part), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

const launch = async (...args: string[]) =>
  run(process.execPath, [join(copy, 'scripts', 'cli.mjs'), ...args], { cwd: copy });
const firstLine = async () => (await readFile(join(copy, 'out', 'cli', 'cli.mjs'), 'utf8')).split('\n', 1)[0];

describe('npm run cli', { timeout: 120_000 }, () => {
  it('builds the bundle when there is none, then runs it as it is while the sources are unchanged', async () => {
    const help = await launch('--help');
    expect(help.stdout).toContain('Usage: npm run cli -- build');
    expect(help.stderr).toBe('');
    const built = await stat(join(copy, 'out', 'cli', 'cli.mjs'));
    await launch('--help');
    expect((await stat(join(copy, 'out', 'cli', 'cli.mjs'))).mtimeMs).toBe(built.mtimeMs);
  });

  it('builds again after an edit, even one that puts back the old file time, and runs the new code', async () => {
    await launch('--help');
    const source = join(copy, 'electron', 'cli.ts');
    const before = await stat(source);
    const text = await readFile(source, 'utf8');
    const line = await firstLine();
    await writeFile(
      source,
      text.replace(
        'Usage: npm run cli -- build <intake.json> [',
        'Usage: npm run cli -- build <intake.json> (edited) [',
      ),
    );
    await utimes(source, before.atime, before.mtime);
    const help = await launch('--help');
    expect(help.stdout).toContain('(edited)');
    expect(await firstLine()).not.toBe(line);
    // Back to the text the first bundle was made from: that bundle's sources again, built once more.
    await writeFile(source, text);
    expect((await launch('--help')).stdout).not.toContain('(edited)');
    expect(await firstLine()).toBe(line);
  });

  it('builds again when the bundle does not list the sources there are (written by hand, or cut short)', async () => {
    await launch('--help');
    const bundle = join(copy, 'out', 'cli', 'cli.mjs');
    const text = await readFile(bundle, 'utf8');
    // The list of sources on the first line no longer matches: not this bundle's sources.
    await writeFile(bundle, text.replace('"electron/cli.ts":"', '"electron/cli.ts":"x'));
    expect((await launch('--help')).stdout).toContain('Usage: npm run cli -- build');
    expect(await readFile(bundle, 'utf8')).toBe(text);
  });

  it('builds again when the code beside the bundle is gone or altered, and only its own code and caches stay', async () => {
    await launch('--help');
    const folder = join(copy, 'out', 'cli');
    const codeFile = async () => {
      const names = (await readdir(folder)).filter((n) => /^cli\.[0-9a-f]{16}\.js$/.test(n));
      expect(names).toHaveLength(1);
      return join(folder, names[0] as string);
    };
    const code = await codeFile();
    const text = await readFile(code, 'utf8');
    await writeFile(code, text.replace('Usage: npm run cli -- build', 'Usage: altered'));
    expect((await launch('--help')).stdout).toContain('Usage: npm run cli -- build');
    expect(await readFile(await codeFile(), 'utf8')).toBe(text);
    await rm(code);
    expect((await launch('--help')).stdout).toContain('Usage: npm run cli -- build');
    expect(await readFile(await codeFile(), 'utf8')).toBe(text);
    // Run as a person runs the built file: it answers, and it made its start cache.
    const direct = await run(process.execPath, [join(folder, 'cli.mjs'), '--help'], { cwd: copy });
    expect(direct.stdout).toContain('Usage: npm run cli -- build');
    expect(
      (await readdir(folder))
        .filter((n) => n.endsWith('.v8cache'))
        .every((n) => n.startsWith(basename(code).replace(/js$/, ''))),
    ).toBe(true);
  });
});
