// Inputs built to cost time or memory: each is bad input (exit 2, the file and field named,
// nothing written), found by checks linear in the file's size. These used to run out of memory
// (an 80,000-character note) or run for many minutes (a letter under 200,000 accents).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAdvisorInput, sampleIntakeInput } from '../support/samples';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 4 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-limits-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, value: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

const intake = sampleIntakeInput();

// Each case starts the CLI in its own process; the time allowed is for tsx on a busy machine.
// The inputs themselves are refused in milliseconds (test/unit/text.test.ts counts them in process).
describe('cli build refuses oversized input', { timeout: 30_000 }, () => {
  it.each([
    [
      'an 80,000-character note',
      { ...intake, notes: 'n'.repeat(80_000) },
      'notes: is too long: 80000 characters, at most 5000',
    ],
    [
      'a first name of one letter under 200,000 combining accents',
      { ...intake, prospect: { ...intake.prospect, firstName: `a${'\u0301'.repeat(200_000)}` } },
      'prospect.firstName: has 200000 combining marks in a row (accents stacked on one letter), at most 16',
    ],
    ['a 2 MB intake', { ...intake, notes: 'x'.repeat(2 * 1024 * 1024) }, 'is too large: 2.1 MB, at most 1 MB'],
    [
      '1 MB of nested lists',
      `{"prospect":${'['.repeat(500_000)}${']'.repeat(500_000)}}`,
      'is nested too deeply: more than 64 levels',
    ],
  ])('exits 2 for %s, naming the field, writing nothing', async (_, content, message) => {
    const path = await write('intake.json', content);
    const out = join(dir, 'out');
    const result = await cli('build', path, '--out', out);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${path}: 1 problem`);
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('caps an advisor profile and a meeting record at 256 KB', async () => {
    const intakePath = await write('intake.json', intake);
    const advisor = await write('advisor.json', { ...sampleAdvisorInput(), disclosure: 'd'.repeat(300 * 1024) });
    const meeting = await write('meeting.json', { endedAt: '2026-12-03T14:24', notes: 'm'.repeat(300 * 1024) });
    const result = await cli(
      'build',
      intakePath,
      '--advisor',
      advisor,
      '--meeting',
      meeting,
      '--out',
      join(dir, 'out'),
    );
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${advisor}: is too large: 301 KB, at most 256 KB`);
    expect(result.stderr).toContain(`${meeting}: is too large: 301 KB, at most 256 KB`);
  });

  it('prints the first hundred of 20,000 unknown fields and counts the rest', async () => {
    const junk = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`field${i}`, i]));
    const path = await write('intake.json', { ...intake, prospect: { ...intake.prospect, ...junk } });
    const result = await cli('build', path, '--out', join(dir, 'out'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: 20000 problems, nothing was written`);
    expect(result.stderr.split('\n').filter((l) => l.includes('unknown field'))).toHaveLength(100);
    expect(result.stderr).toContain('  … and 19900 more problems');
  });
});
