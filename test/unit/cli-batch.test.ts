// The CLI's batch build (issue 13), as a person runs it: `npm run cli`'s launcher (scripts/cli.mjs,
// which builds out/cli/cli.mjs first when it is stale), in real processes, on temporary folders.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIntake, type IntakeInput } from '../../core/intake/intake';
import { prospectIdOf } from '../../electron/services/prospects/ids';
import { ProspectStore } from '../../electron/services/prospects/store';
import { variedIntakes } from '../support/intakes';
import { sampleIntakeInput } from '../support/samples';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FILES = ['deck.html', 'follow-up.eml', 'follow-up.ics', 'plan.json', 'summary.pdf'];

async function node(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, script), ...args], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const cli = (...args: string[]) => node('scripts/cli.mjs', ...args);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-batch-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (path: string, value: unknown) => {
  const file = join(dir, path);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};
const idOf = (input: IntakeInput) => {
  const checked = checkIntake(input);
  if (!checked.ok) throw new Error('not a valid intake');
  return prospectIdOf(checked.value);
};
const list = async (path: string) => (await readdir(path)).sort();

// Each case starts the CLI in its own process (the first may bundle it): slow on a busy two-core machine.
describe('cli build, several intakes', { timeout: 180_000 }, () => {
  it('builds two intakes and a folder into one folder per prospect id, the same ids on a second run', async () => {
    const [a, b, c, d] = variedIntakes(4) as [IntakeInput, IntakeInput, IntakeInput, IntakeInput];
    const fileA = await write('a.json', a);
    const fileB = await write('b.json', b);
    const folder = join(dir, 'week');
    await write('week/c.json', c);
    await write('week/d.json', d);
    await write('week/notes.txt', 'not an intake');
    const out = join(dir, 'out');
    const first = await cli('build', fileA, fileB, folder, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    const ids = [a, b, c, d].map(idOf);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^p-[0-9a-f]{16}$/);
    expect(await list(out)).toEqual([...ids].sort());
    for (const id of ids) expect(await list(join(out, id))).toEqual(FILES);
    const plan = JSON.parse(await readFile(join(out, ids[2] as string, 'plan.json'), 'utf8'));
    expect(plan.prospect.fullName).toContain(c.prospect.firstName);
    expect(first.stdout).toMatch(/^Built 4 prospects \(\d+ slides\) in \d+\.\d s; 0 failed$/m);
    for (const id of ids) expect(first.stdout).toContain(join(out, id));

    const again = await cli('build', folder, fileB, fileA, '--out', out, '--quiet');
    expect(again.code, again.stderr).toBe(0);
    expect(await list(out)).toEqual([...ids].sort());
    // --quiet: the summary line only.
    expect(again.stdout.trim().split('\n')).toHaveLength(1);
    expect(again.stdout).toMatch(/^Built 4 prospects \(\d+ slides\) in \d+\.\d s; 0 failed\n$/);
  });

  it('lists every problem of every bad file by file and field, exits 2 and writes nothing for anyone', async () => {
    const [good1, good2] = variedIntakes(2) as [IntakeInput, IntakeInput];
    await write('in/1-good.json', good1);
    const noGoals = await write('in/2-no-goals.json', { ...good2, goals: [] });
    const typo = await write('in/3-typo.json', {
      ...good2,
      prospect: { firstname: 'Ana', lastName: 'Silva' },
      meeting: { startsAt: '2026-13-01T10:00', timeZone: 'America/Los_Angeles' },
    });
    const notJson = await write('in/4-broken.json', '{"prospect": ');
    await write('in/5-good.json', good2);
    const out = join(dir, 'out');
    const result = await cli('build', join(dir, 'in'), '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${noGoals}: goals: must list at least one goal`);
    expect(result.stderr).toContain(`${typo}: prospect.firstname: unknown field (did you mean "firstName"?)`);
    expect(result.stderr).toContain(`${typo}: prospect.firstName: is required`);
    expect(result.stderr).toContain(`${typo}: meeting.startsAt: is not a real date and time`);
    expect(result.stderr).toContain(`${notJson}: is not valid JSON`);
    expect(result.stderr).toContain('3 intake files of 5 with problems: nothing was written');
    expect(result.stdout).toMatch(/^Built 0 prospects \(0 slides\) in \d+\.\d s; 3 failed$/m);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('with --keep-going builds the good ones, none of the bad, and still exits 2', async () => {
    const [good1, good2, other] = variedIntakes(3) as [IntakeInput, IntakeInput, IntakeInput];
    const g1 = await write('g1.json', good1);
    const bad = await write('bad.json', { ...other, goals: ['tax', 'tax'] });
    const g2 = await write('g2.json', good2);
    const out = join(dir, 'out');
    const result = await cli('build', g1, bad, g2, '--out', out, '--keep-going');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}: goals[1]: repeats "tax"`);
    expect(await list(out)).toEqual([idOf(good1), idOf(good2)].sort());
    for (const id of [idOf(good1), idOf(good2)]) expect(await list(join(out, id))).toEqual(FILES);
    expect(result.stdout).toMatch(/^Built 2 prospects \(\d+ slides\) in \d+\.\d s; 1 failed$/m);
  });

  it('names two files of one prospect as a problem instead of writing one folder twice', async () => {
    const [one] = variedIntakes(1) as [IntakeInput];
    const first = await write('first.json', one);
    const second = await write('second.json', { ...one, notes: 'the same person, typed again' });
    const result = await cli('build', first, second, '--out', join(dir, 'out'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${second}: prospect.email: is the same prospect as ${first} (${idOf(one)})`);
  });

  it('draws no progress bar when stdout is not a terminal: no escape codes anywhere', async () => {
    const folder = join(dir, 'in');
    for (const [i, intake] of variedIntakes(3).entries()) await write(`in/${i}.json`, intake);
    const result = await cli('build', folder, '--out', join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stdout).not.toContain('\r');
    expect(result.stdout).toMatch(/^Built 3 prospects/m);
  });

  it('keeps one intake file as it always was: the five files directly in --out', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const out = join(dir, 'out');
    const result = await cli('build', intake, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(await list(out)).toEqual(FILES);
    expect(result.stdout).toMatch(/^Built 12 slides \(/);
    expect(result.stdout).toContain(join(out, 'plan.json'));
  });

  it('gives an imported intake the id the batch build names its folder after, when it is free', async () => {
    const [one] = variedIntakes(1) as [IntakeInput];
    const store = await ProspectStore.open(join(dir, 'data'));
    const imported = await store.importIntake(JSON.stringify(one));
    expect(imported.saved).toBe(true);
    if (imported.saved) expect(imported.value.id).toBe(idOf(one));
    // The same file again is another prospect, with an id of its own.
    const twice = await store.importIntake(JSON.stringify(one));
    expect(twice.saved && twice.value.id).toMatch(/^p-[0-9a-f]{16}$/);
    expect(twice.saved && twice.value.id).not.toBe(idOf(one));
    await store.flush();
  });

  it('bundles with npm run build:cli into out/cli/cli.mjs, which answers --help', async () => {
    const built = await node('scripts/build-cli.mjs');
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^Built out\/cli\/cli\.mjs/);
    const help = await node('out/cli/cli.mjs', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cli -- build');
    expect(help.stdout).toContain('--keep-going');
  });

  it('writes, bundled, the same deck, plan and summary as the TypeScript sources do', async () => {
    // The bundle inflates Unicode tables with Node's zlib and finds pdfkit's data by a fixed path
    // (scripts/build-cli.mjs): Arabic, Hebrew, CJK and hostile text exercise what they feed.
    const intakes = ['intake-rtl.json', 'intake-cjk.json', 'intake-hostile.json'].map((f) =>
      join(ROOT, 'test', 'fixtures', f),
    );
    const bundled = await cli('build', ...intakes, '--out', join(dir, 'bundled'), '--quiet');
    expect(bundled.code, bundled.stderr).toBe(0);
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    for (const intake of intakes) {
      const id = idOf(JSON.parse(await readFile(intake, 'utf8')) as IntakeInput);
      const out = join(dir, 'sources', id);
      await run(tsx, ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', 'build', intake, '--out', out], {
        cwd: ROOT,
      });
      for (const file of ['deck.html', 'plan.json', 'summary.pdf']) {
        const [a, b] = await Promise.all([readFile(join(dir, 'bundled', id, file)), readFile(join(out, file))]);
        expect(a.equals(b), `${id}/${file}`).toBe(true);
      }
    }
  });
});
