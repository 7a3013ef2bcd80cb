// What the CLI prints from its input files (field names, values a message quotes, file names,
// warnings) shows control characters, escape sequences, DEL, C1 controls and bidi controls
// escaped: a hostile intake cannot clear, retitle or rewrite the terminal it is checked in.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forTerminal, printProblems, printWarnings } from '../../electron/problems';
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

/** Anything a terminal would act on, or that reorders or hides text, printed raw. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/u;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-cli-escape-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('forTerminal', () => {
  it('escapes C0 and C1 controls, DEL, bidi and zero-width characters, and lone surrogates; keeps the rest', () => {
    expect(forTerminal('\u001b[2J\u001b]0;owned\u0007')).toBe('\\u001b[2J\\u001b]0;owned\\u0007');
    expect(forTerminal('x\u009b31m\u007f\u0085')).toBe('x\\u009b31m\\u007f\\u0085');
    expect(forTerminal('a\nb\tc\rd')).toBe('a\\u000ab\\u0009c\\u000dd');
    expect(forTerminal('\u202Egnp.exe\u2066\u2069\u200B\uFEFF\u061C\u2028')).toBe(
      '\\u202egnp.exe\\u2066\\u2069\\u200b\\ufeff\\u061c\\u2028',
    );
    expect(forTerminal('\uD800 \uDC00')).toBe('\\ud800 \\udc00');
    const plain =
      'prospect.firstName: unknown field (did you mean "firstName"?) — Élodie 山田 محمد 👩🏽‍💻 C:\\Users\\x.json';
    expect(forTerminal(plain)).toBe(plain.replace('👩🏽‍💻', '👩🏽\\u200d💻'));
  });

  it('is applied to the file, the path and the message of every problem and warning', () => {
    const lines: string[] = [];
    const hostile = {
      file: 'in\u001b[2Jtake.json',
      problems: [{ path: 'a\u001b[31m', message: 'no slide "\u009b31m" in this deck' }],
    };
    printProblems([hostile], (l) => lines.push(l));
    printWarnings([hostile], (l) => lines.push(l));
    expect(lines).toEqual([
      'in\\u001b[2Jtake.json: 1 problem, nothing was written',
      '  a\\u001b[31m: no slide "\\u009b31m" in this deck',
      'warning: in\\u001b[2Jtake.json: a\\u001b[31m: no slide "\\u009b31m" in this deck',
    ]);
  });

  it('cuts a long field name at 120 characters, never inside a surrogate pair, then escapes it', () => {
    const lines: string[] = [];
    printProblems(
      [
        {
          file: 'f.json',
          problems: [{ path: `${'x'.repeat(119)}👩\u001b${'y'.repeat(50)}`, message: 'unknown field' }],
        },
      ],
      (l) => lines.push(l),
    );
    expect(lines[1]).toBe(`  ${'x'.repeat(119)}👩…: unknown field`);
  });
});

// Each case starts the CLI in its own process (tsx, then the app): slow on a busy two-core machine.
describe('the CLI prints input escaped', { timeout: 60_000 }, () => {
  it('in problems: unknown keys, the file name, and a file that is not JSON', async () => {
    const intake = join(dir, 'intake-\u001b]0;owned\u0007.json');
    const input = sampleIntakeInput();
    await writeFile(
      intake,
      JSON.stringify({ ...input, '\u001b[2J': 1, prospect: { ...input.prospect, 'x\u009b31m': '\u009b31m' } }),
    );
    const meeting = join(dir, 'meeting.json');
    await writeFile(meeting, '\u001b[2J\u009b31m\u202E{"endedAt": 1}');
    const result = await cli('build', intake, '--meeting', meeting, '--out', join(dir, 'out'));
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain(
      `${join(dir, 'intake-\\u001b]0;owned\\u0007.json')}: 2 problems, nothing was written`,
    );
    expect(result.stderr).toContain('  \\u001b[2J: unknown field');
    expect(result.stderr).toContain('  prospect.x\\u009b31m: unknown field');
    expect(result.stderr).toMatch(/meeting\.json: is not valid JSON \(.*\\u001b.*\)/);
  });

  it('in warnings: a logo path with C1 and bidi controls', async () => {
    const intake = join(dir, 'intake.json');
    await writeFile(intake, JSON.stringify(sampleIntakeInput()));
    const advisor = join(dir, 'advisor.json');
    await writeFile(advisor, JSON.stringify({ ...sampleAdvisorInput(), logo: '\u009b2J\u009b31mlogo\u202Egnp.png' }));
    const result = await cli('build', intake, '--advisor', advisor, '--out', join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toMatch(
      /^warning: .*advisor\.json: logo: file not found: .*\\u009b2J\\u009b31mlogo\\u202egnp\.png; built without the logo\n$/,
    );
  });
});

describe('required names', () => {
  it('refuses a name made only of invisible characters, like an empty one', async () => {
    const { checkIntake } = await import('../../core/intake/intake');
    const { sampleIntakeInput } = await import('../support/samples');
    const intake = sampleIntakeInput();
    intake.prospect.firstName = '\u202E\u200B\u2066';
    const checked = checkIntake(intake);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems).toContainEqual({ path: 'prospect.firstName', message: 'must not be empty' });
  });
});
