/**
 * The headless CLI (issue 13), whole processes as a person runs them, on the bundled CLI
 * (out/cli/cli.mjs, built first when stale):
 * - the sample built (plan, deck, summary, .ics, .eml) against Marp CLI turning the same 12
 *   slides (bench/marp/sample.md) into one HTML file: runs alternate, median of 5 each; then
 *   the same with ours through `npm run cli` (npm's start on top);
 * - `--help` start-up, `node out/cli/cli.mjs --help` (the target) and `npm run cli -- --help`
 *   (npm's own start and the launcher's freshness check on top);
 * - 100 varied intakes (test/support/intakes.ts) in one batch run.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { variedIntakes } from '../test/support/intakes';
import { percentile, type Row } from './measure';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'out', 'cli', 'cli.mjs');
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const SAMPLE = join(ROOT, 'templates', 'samples', 'intake.json');
const RUNS = 5;
const BATCH = 100;

/** Wall-clock seconds of one whole process (start to exit); it must exit 0. */
async function seconds(command: string, args: readonly string[]): Promise<number> {
  const start = performance.now();
  // stdin is /dev/null: Marp CLI otherwise waits to read a deck from a pipe.
  const child = run(command, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  child.child.stdin?.end();
  await child;
  return (performance.now() - start) / 1000;
}

const median = (samples: number[]) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
const s = (n: number) => `${n.toFixed(2)} s`;

export async function benchCli(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'advisor-deck-bench-cli-'));
  try {
    // Builds out/cli/cli.mjs when it is stale, and warms the disk cache for both tools.
    await seconds(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), '--help']);
    const ours = () => seconds(process.execPath, [BUNDLE, 'build', SAMPLE, '--out', join(dir, 'sample')]);
    const marp = () =>
      seconds(process.execPath, [
        MARP,
        '--no-stdin',
        join(ROOT, 'bench', 'marp', 'sample.md'),
        '-o',
        join(dir, 'marp.html'),
      ]);
    await ours();
    await marp();
    const oursTimes: number[] = [];
    const marpTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternating, each first every other time: neither gets a machine the other warmed up or loaded.
      if (i % 2 === 0) {
        oursTimes.push(await ours());
        marpTimes.push(await marp());
      } else {
        marpTimes.push(await marp());
        oursTimes.push(await ours());
      }
    }
    const ratio = median(oursTimes) / median(marpTimes);
    rows.push({
      name: `cli: build the sample (5 files) vs Marp CLI (12 slides to 1 HTML), whole process, median of ${RUNS} alternating`,
      value: `${s(median(oursTimes))} vs ${s(median(marpTimes))}: ratio ${ratio.toFixed(2)}`,
      target: 'ratio ≤ 1.0',
      ok: ratio <= 1.0,
    });

    // The same through npm, as the README has a person run it: npm's own start (~0.25 s) and
    // the launcher's freshness check come on top of ours, Marp still run by node directly.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const viaNpm = () =>
      seconds(npm, ['run', '--silent', 'cli', '--', 'build', SAMPLE, '--out', join(dir, 'sample-npm')]);
    await viaNpm();
    const npmTimes: number[] = [];
    const marpAgain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        npmTimes.push(await viaNpm());
        marpAgain.push(await marp());
      } else {
        marpAgain.push(await marp());
        npmTimes.push(await viaNpm());
      }
    }
    const npmRatio = median(npmTimes) / median(marpAgain);
    rows.push({
      name: `cli: npm run cli -- build the sample vs Marp CLI run by node, median of ${RUNS} alternating`,
      value: `${s(median(npmTimes))} vs ${s(median(marpAgain))}: ratio ${npmRatio.toFixed(2)}`,
      target: 'ratio ≤ 1.0',
      ok: npmRatio <= 1.0,
    });

    const direct: number[] = [];
    const helpViaNpm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      direct.push(await seconds(process.execPath, [BUNDLE, '--help']));
      helpViaNpm.push(await seconds(npm, ['run', '--silent', 'cli', '--', '--help']));
    }
    rows.push({
      name: `cli: start-up, node out/cli/cli.mjs --help (median of ${RUNS})`,
      value: s(median(direct)),
      target: '≤ 0.4 s',
      ok: median(direct) <= 0.4,
    });
    rows.push({
      name: `cli: start-up, npm run cli -- --help (npm and the freshness check on top; median of ${RUNS})`,
      value: s(median(helpViaNpm)),
      target: 'informative',
      ok: true,
    });

    const folder = join(dir, 'intakes');
    await mkdir(folder);
    await Promise.all(
      variedIntakes(BATCH).map((intake, i) =>
        writeFile(join(folder, `intake-${String(i).padStart(3, '0')}.json`), JSON.stringify(intake, null, 2)),
      ),
    );
    const batch = await seconds(process.execPath, [BUNDLE, 'build', folder, '--out', join(dir, 'batch'), '--quiet']);
    rows.push({
      name: `cli: ${BATCH} varied intakes in one batch run (whole process)`,
      value: s(batch),
      target: '≤ 10 s',
      ok: batch <= 10,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
