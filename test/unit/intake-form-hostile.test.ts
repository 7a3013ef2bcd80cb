// Hostile returned forms through the CLI's `import`, run from the esbuild bundle (as `npm run
// cli` does): a field tree whose every level points twice at the next (2^40 paths), an object
// stream that inflates to 2 GB from 2 MB, a chain of 100,000 fields, arrays nested 500,000 deep.
// Each is answered with exit 2 naming the file and the reason (never "flattened"), nothing is
// written, and the process's memory stays bounded (the reader's worker has a heap limit, decoded
// streams a budget). The reader itself (formFields.ts) is checked in process too.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DECODED_BYTES, readFormFields } from '../../electron/services/fillableForm/formFields';
import { deepFieldChain, deepNesting, fanOutFieldTree, objectStreamBomb, pdfFile } from '../support/hostilePdfs';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
/** The process's peak memory, written on stderr as it exits (the worker's memory is the process's). */
const PEAK =
  "--import=data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-hostile-form-'));
  // The bundle `npm run cli` runs, built now if the sources changed (scripts/cli.mjs does the same).
  const build = (await import(join(ROOT, 'scripts/build-cli.mjs'))) as {
    isFresh(): Promise<boolean>;
    buildCli(): Promise<unknown>;
  };
  if (!(await build.isFresh())) await build.buildCli();
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function importWithBundle(file: string, out: string): Promise<{ code: number; stderr: string; peakMb: number }> {
  let code = 0;
  let stderr: string;
  try {
    ({ stderr } = await run(process.execPath, [PEAK, join(ROOT, 'out/cli/cli.mjs'), 'import', file, '--out', out], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const e = error as { code: number; stderr: string };
    code = e.code;
    stderr = e.stderr;
  }
  const peak = /peak-rss-kb (\d+)/.exec(stderr);
  return { code, stderr, peakMb: peak ? Number(peak[1]) / 1024 : Infinity };
}

const HOSTILE: [name: string, make: () => Buffer, reason: RegExp][] = [
  ['fan-out.pdf', () => fanOutFieldTree(40), /a form field is reached twice in its field tree/],
  ['bomb.pdf', () => objectStreamBomb(2048), /expands to more than 16 MB|took more than \d+ s to read/],
  [
    'chain.pdf',
    () => deepFieldChain(100_000),
    /more than 5000 form fields|nested more than 32 levels|took more than \d+ s to read/,
  ],
  [
    'nested.pdf',
    () => deepNesting(500_000),
    /cannot be read: (its form fields are damaged|its objects are nested too deeply)/,
  ],
];

describe('hostile returned forms through the CLI bundle', { timeout: 300_000 }, () => {
  it.each(HOSTILE)(
    'refuses %s: exit 2 naming the file and why, nothing written, memory bounded',
    async (name, make, reason) => {
      const file = join(dir, name);
      const bytes = make();
      expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
      await writeFile(file, bytes);
      const out = join(dir, `${name}.json`);
      const result = await importWithBundle(file, out);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`${file}: `);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr).not.toMatch(/flattened/);
      expect(existsSync(out)).toBe(false);
      expect(result.peakMb).toBeLessThan(1024);
    },
  );
});

describe('the form reader (in process)', { timeout: 120_000 }, () => {
  it('reads what decodes within the budget, and refuses a stream that decodes past it', async () => {
    const within = await readFormFields(objectStreamBomb(Math.floor((MAX_DECODED_BYTES * 0.8) / (1024 * 1024))));
    expect(within).toEqual({ ok: true, values: [['prospect.firstName', 'bomb']] });
    const past = await readFormFields(objectStreamBomb(Math.ceil((MAX_DECODED_BYTES * 1.2) / (1024 * 1024))));
    expect(past.ok).toBe(false);
    expect(!past.ok && past.problems[0]?.message).toMatch(/expands to more than 16 MB/);
  });

  it('reads a small form of its own making field by field', async () => {
    const form = pdfFile([
      '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R 5 0 R 6 0 R] >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      '<< /T (prospect) /Kids [7 0 R] >>',
      '<< /T (goals.tax) /FT /Btn /V /Yes >>',
      '<< /T (risk) /FT /Ch /V (moderate) >>',
      '<< /T (firstName) /FT /Tx /V <FEFF005A00EB> >>',
    ]);
    expect(await readFormFields(form)).toEqual({
      ok: true,
      values: [
        ['prospect.firstName', 'Zë'],
        ['goals.tax', true],
        ['risk', 'moderate'],
      ],
    });
  });
});
