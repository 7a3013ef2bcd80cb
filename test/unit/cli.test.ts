import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver, runUnprivileged } from '../support/unprivileged';
import { sampleAdvisorInput, sampleIntakeInput } from '../support/samples';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, value: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

// Each case starts the CLI in its own process (tsx, then the app): slow on a busy two-core machine.
describe('cli build', { timeout: 60_000 }, () => {
  it('writes plan.json for the sample and exits 0', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const out = join(dir, 'out');
    const result = await cli('build', intake, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(join(out, 'plan.json'));
    const plan = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8'));
    expect(plan).toMatchObject({
      version: 1,
      locale: 'en-US',
      prospect: { fullName: 'Maria Lopez & Daniel Lopez' },
      deck: { aspectRatio: '4:3', budgetMinutes: 20, qaMinutes: 5 },
      followUp: { dueAt: '2026-12-08T10:00:00-08:00', timeZone: 'America/Los_Angeles', businessDaysAfter: 3 },
    });
    expect(plan.deck.slides[0]).toMatchObject({ id: 'title', layout: 'title', goals: [] });
    // No temporary file is left behind by the atomic write.
    expect((await readdir(out)).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'plan.json',
      'summary.pdf',
    ]);
  });

  it('writes byte-identical plans across runs', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    await cli('build', intake, '--out', join(dir, 'a'));
    await cli('build', intake, '--out', join(dir, 'b'));
    expect(await readFile(join(dir, 'a/plan.json'), 'utf8')).toBe(await readFile(join(dir, 'b/plan.json'), 'utf8'));
  });

  it('uses a given advisor file', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const advisor = await write('advisor.json', {
      ...sampleAdvisorInput(),
      name: 'Camille Martin',
      followUp: { preferredTime: '15:00', holidays: [] },
    });
    const result = await cli('build', intake, '--advisor', advisor, '--out', join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(await readFile(join(dir, 'out/plan.json'), 'utf8'));
    expect(plan.followUp.dueAt).toBe('2026-12-08T15:00:00-08:00');
    expect(JSON.stringify(plan)).toContain('Camille Martin');
  });

  it.each([
    ['a missing file', async () => join(dir, 'nope.json'), 'file not found'],
    ['a file that is not JSON', async () => write('bad.json', '{"prospect": '), 'is not valid JSON'],
    ['JSON that is not an object', async () => write('list.json', '[1, 2]'), '(root): must be a JSON object'],
    [
      'an intake that fails the schema',
      async () => write('typo.json', { ...sampleIntakeInput(), prospect: { firstname: 'Maria', lastName: 'Lopez' } }),
      'prospect.firstName: is required',
    ],
  ])('exits 2 for %s, names the problem, and writes nothing', async (_, makePath, message) => {
    const out = join(dir, 'out');
    const result = await cli('build', await makePath(), '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('prints every problem of a bad intake and of a bad advisor file, each naming its field', async () => {
    const intake = await write('intake.json', {
      ...sampleIntakeInput(),
      goals: ['tax', 'tax'],
      meeting: { startsAt: '2026-13-01T10:00', timeZone: 'America/Los_Angeles' },
    });
    const advisor = await write('advisor.json', {
      ...sampleAdvisorInput(),
      email: 'nope',
      colors: { primary: 'blue', accent: '#C8A24A' },
    });
    const out = join(dir, 'out');
    const result = await cli('build', intake, '--advisor', advisor, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('goals[1]: repeats "tax"');
    expect(result.stderr).toContain('meeting.startsAt: is not a real date and time');
    expect(result.stderr).toContain('email: must be an email address');
    expect(result.stderr).toContain('colors.primary: must be a colour like #1F4E79');
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('leaves an existing output folder untouched on bad input', async () => {
    const out = join(dir, 'out');
    const intake = await write('intake.json', sampleIntakeInput());
    await cli('build', intake, '--out', out);
    const before = await readFile(join(out, 'plan.json'), 'utf8');
    const bad = await write('bad.json', { ...sampleIntakeInput(), goals: [] });
    expect((await cli('build', bad, '--out', out)).code).toBe(2);
    expect(await readFile(join(out, 'plan.json'), 'utf8')).toBe(before);
  });

  it('writes summary.pdf with a meeting record: one page, what was said in the meeting', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const out = join(dir, 'out');
    const result = await cli(
      'build',
      intake,
      '--meeting',
      join(ROOT, 'test/fixtures/meeting-sample.json'),
      '--out',
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(join(out, 'summary.pdf'));
    const { stdout: info } = await run('pdfinfo', [join(out, 'summary.pdf')]);
    expect(info).toMatch(/Pages:\s+1\n/);
    const { stdout: text } = await run('pdftotext', [join(out, 'summary.pdf'), '-']);
    expect(text).toContain('Prepared for Maria Lopez');
    expect(text).toContain('A flat annual fee, agreed in writing before you decide.');
  });

  it.each([
    [
      'a meeting record that fails the schema',
      { endedAt: 'later', questions: [{ txt: 'Why?' }] },
      ['endedAt: must be a local date and time', 'questions[0].txt: unknown field (did you mean "text"?)'],
    ],
    [
      'a meeting record naming a slide not in the deck',
      { shownSlideIds: ['title', 'goal-charity'] },
      ['shownSlideIds[1]: no slide "goal-charity" in this deck'],
    ],
    ['a meeting record that is not JSON', '{"endedAt": ', ['is not valid JSON']],
  ])('exits 2 for %s, names the file and the field, and writes nothing', async (_, meeting, messages) => {
    const intake = await write('intake.json', sampleIntakeInput());
    const meetingPath = await write('meeting.json', meeting);
    const out = join(dir, 'out');
    const result = await cli('build', intake, '--meeting', meetingPath, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${meetingPath}: `);
    for (const message of messages) expect(result.stderr).toContain(message);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run cli -- build');
  });

  it('exits 2 naming --out when the output is a file, writing nothing', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const file = await write('not-a-folder', 'x');
    const result = await cli('build', intake, '--out', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`--out: ${file} is a file, not a folder\n`);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it.each([
    ['a path under a file', async () => join(await write('a-file', 'x'), 'out'), 'a-file is a file, not a folder'],
    [
      'a link to nothing',
      async () => {
        const link = join(dir, 'dangling');
        await symlink(join(dir, 'nowhere'), link);
        return link;
      },
      'dangling is a link to',
    ],
  ])('exits 2 with one line naming --out for %s, no stack trace', async (_, makeOut, message) => {
    const intake = await write('intake.json', sampleIntakeInput());
    const result = await cli('build', intake, '--out', await makeOut());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^--out: [^\n]+\n$/);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 and leaves the previous files as they were when a folder is in the way of one file', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const out = join(dir, 'out');
    expect((await cli('build', intake, '--out', out)).code).toBe(0);
    const before = await Promise.all(
      ['plan.json', 'summary.pdf', 'follow-up.ics', 'follow-up.eml'].map((f) => readFile(join(out, f))),
    );
    await rm(join(out, 'deck.html'));
    await mkdir(join(out, 'deck.html'));
    const other = await write('other.json', {
      ...sampleIntakeInput(),
      prospect: { ...sampleIntakeInput().prospect, firstName: 'Ana', lastName: 'Silva' },
    });
    const result = await cli('build', other, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `--out: ${join(out, 'deck.html')} is a folder, so the file of that name cannot be written\n`,
    );
    const after = await Promise.all(
      ['plan.json', 'summary.pdf', 'follow-up.ics', 'follow-up.eml'].map((f) => readFile(join(out, f))),
    );
    expect(after).toEqual(before);
    expect((await readdir(out)).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'plan.json',
      'summary.pdf',
    ]);
  });

  it('exits 2 naming --out for a folder it may not write in (as an unprivileged user when the tests run as root)', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const out = join(dir, 'locked');
    await mkdir(out);
    await handOver(dir);
    await chmod(out, 0o500);
    try {
      const result = await runUnprivileged(
        TSX,
        ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', 'build', intake, '--out', out],
        { cwd: ROOT },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`--out: cannot write in ${out} (permission denied)\n`);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await chmod(out, 0o700);
    }
  });

  it('builds without a logo that cannot be found, and says so', async () => {
    const intake = await write('intake.json', sampleIntakeInput());
    const advisor = await write('advisor.json', {
      ...sampleAdvisorInput(),
      logo: '"><img src=x onerror=alert(1)>.png',
    });
    const out = join(dir, 'out');
    const result = await cli('build', intake, '--advisor', advisor, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: .*advisor\.json: logo: file not found: .*; built without the logo/);
    expect((await readdir(out)).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'plan.json',
      'summary.pdf',
    ]);
  });

  it('exits 2 with the usage for a wrong command line', async () => {
    for (const args of [
      [],
      ['make'],
      ['build'],
      ['build', 'a.json', 'b.json'],
      ['build', 'a.json', '--colour'],
      ['build', 'a.json', '--meeting'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run cli -- build');
    }
  });
});
