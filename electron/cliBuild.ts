// The CLI's `build` command, loaded only when it runs (electron/cli.ts):
//   build <intake.json> …           one prospect: the files directly in --out, as always
//   build <intake.json|folder>…     several, or a folder of *.json: each into <out>/<prospect id>/
// Exit codes: 0 done; 2 bad input (every problem printed, nothing written for that input) or an
// output folder that cannot take the files (one line `--out: …`); 1 unexpected.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build, readAdvisorFile, SAMPLE_ADVISOR, type FileProblems } from './services/build';
import { buildBatch, checkIntakeFiles, listIntakeFiles, type CheckedIntake } from './services/batch';
import { OutputFolderError } from './services/outputs';
import { TEMPLATES_DIR } from './services/recipes';
import { forTerminal, printBatchProblems, printProblems, printWarnings } from './problems';
import { PROSPECT_ID } from '../core/prospect/prospect';
import { MEETINGS_DIR, PROSPECTS_DIR } from '../core/dataFolder';
import type { BuildRequest } from './services/build';

interface BuildArgs {
  inputs: string[];
  advisor: string;
  meeting?: string;
  deck?: string;
  out: string;
  keepGoing: boolean;
  quiet: boolean;
}

class UsageError extends Error {}
class HelpRequested extends Error {}

/** `args`: the command line after `build` (options may come before or after the inputs). */
function parseBuildArgs(args: readonly string[]): BuildArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        advisor: { type: 'string' },
        meeting: { type: 'string' },
        deck: { type: 'string' },
        out: { type: 'string' },
        'keep-going': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) throw new HelpRequested();
  const inputs = parsed.positionals;
  if (inputs.length === 0) throw new UsageError('missing the intake file');
  const { meeting, deck } = parsed.values;
  return {
    inputs,
    advisor: parsed.values.advisor ?? SAMPLE_ADVISOR,
    ...(meeting !== undefined ? { meeting } : {}),
    ...(deck !== undefined ? { deck } : {}),
    out: parsed.values.out ?? 'out',
    keepGoing: parsed.values['keep-going'] ?? false,
    quiet: parsed.values.quiet ?? false,
  };
}

function usageError(message: string, usage: string): number {
  if (message) console.error(`error: ${forTerminal(message)}`);
  console.error(usage);
  return 2;
}

export async function runBuild(args: readonly string[], usage: string): Promise<number> {
  let parsed: BuildArgs;
  try {
    parsed = parseBuildArgs(args);
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(usage);
      return 0;
    }
    if (error instanceof UsageError) return usageError(error.message, usage);
    throw error;
  }
  // One intake file: exactly the build it always was. Several inputs, or a folder: a batch.
  const [only] = parsed.inputs;
  if (parsed.inputs.length === 1 && only !== undefined && !(await isFolder(only))) return buildOne(only, parsed);
  if (parsed.meeting !== undefined || parsed.deck !== undefined) {
    return usageError(
      '--meeting and --deck belong to one prospect: give them with one intake file, not several',
      usage,
    );
  }
  return buildMany(parsed, usage);
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * A meeting folder of a data folder (<data>/prospects/<id>/meetings/<when>): a rebuild there
 * replaces files that may have been sent, so it goes through the books and records (earlier
 * files kept, the rebuild recorded), holding the data folder's lock as the app does.
 */
function meetingFolderOfDataFolder(outDir: string): { dataDir: string; prospect: string } | undefined {
  const parts = outDir.split(sep);
  const n = parts.length;
  const prospect = parts[n - 3];
  if (
    n < 5 ||
    parts[n - 2] !== MEETINGS_DIR ||
    parts[n - 4] !== PROSPECTS_DIR ||
    prospect === undefined ||
    !PROSPECT_ID.test(prospect)
  )
    return undefined;
  return { dataDir: parts.slice(0, n - 4).join(sep) || sep, prospect };
}

function appVersion(): string {
  if (process.env['npm_package_version']) return process.env['npm_package_version'];
  try {
    return (
      (JSON.parse(readFileSync(join(TEMPLATES_DIR, '..', 'package.json'), 'utf8')) as { version?: string }).version ??
      '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}

async function recordedWrite(
  outDir: string,
): Promise<{ write?: BuildRequest['write']; release: () => void } | { problem: string }> {
  const place = meetingFolderOfDataFolder(outDir);
  if (!place || !(await isFolder(join(place.dataDir, PROSPECTS_DIR, place.prospect))))
    return { release: () => undefined };
  const [{ lockDataFolder, DataFolderInUse }, { Records }] = await Promise.all([
    import('./services/lock'),
    import('./services/records'),
  ]);
  let lock;
  try {
    lock = lockDataFolder(place.dataDir, 'the CLI (npm run cli -- build)');
  } catch (error) {
    if (error instanceof DataFolderInUse) return { problem: error.message };
    throw error;
  }
  const records = new Records({ dataDir: place.dataDir, now: Date.now, appVersion: appVersion() });
  return {
    write: (dir, files, advisor) =>
      records.write({ event: 'meeting rebuilt', prospect: place.prospect, advisor, folder: dir, files }),
    release: () => lock.release(),
  };
}

async function buildOne(intake: string, args: BuildArgs): Promise<number> {
  const outDir = resolve(args.out);
  const recorded = await recordedWrite(outDir);
  if ('problem' in recorded) {
    console.error(`--out: ${forTerminal(recorded.problem)}`);
    return 2;
  }
  let result;
  try {
    result = await build({
      intakePath: intake,
      advisorPath: args.advisor,
      ...(args.meeting !== undefined ? { meetingPath: args.meeting } : {}),
      ...(args.deck !== undefined ? { deckPath: args.deck } : {}),
      outDir,
      templatesDir: TEMPLATES_DIR,
      ...(recorded.write ? { write: recorded.write } : {}),
    });
  } catch (error) {
    // A path under a file, a link to nothing, no permission, a full disk: the person's to fix.
    if (!(error instanceof OutputFolderError)) throw error;
    console.error(`--out: ${forTerminal(error.message)}`);
    return 2;
  } finally {
    recorded.release();
  }
  if (!result.ok) {
    printProblems(result.invalid, (line) => console.error(line));
    return 2;
  }
  const { deck, followUp } = result.plan;
  console.log(
    `Built ${deck.slides.length} slides (${deck.plannedMinutes} of ${deck.budgetMinutes - deck.qaMinutes} minutes, ` +
      `${deck.qaMinutes} kept for questions), follow-up ${followUp.dueAt}`,
  );
  printWarnings(result.warnings, (line) => console.error(line));
  for (const file of result.files) console.log(`  ${forTerminal(file)}`);
  return 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The progress bar: on a terminal only (stdout and stderr both), never with --quiet. */
async function progressBar(total: number, quiet: boolean): Promise<{ tick(): void; stop(): void } | undefined> {
  if (quiet || !process.stdout.isTTY || !process.stderr.isTTY || total < 2) return undefined;
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    // On stderr, like every message that is not a result: stdout stays the list of what was built.
    stream: process.stderr,
    format: 'Building {bar} {value}/{total} prospects, {duration}s',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

async function buildMany(args: BuildArgs, usage: string): Promise<number> {
  const started = performance.now();
  const out = (line: string) => console.log(line);
  const err = (line: string) => console.error(line);

  // A path that is neither a file nor a folder is a mistake on the command line: nothing is built.
  const list = await listIntakeFiles(args.inputs);
  if (list.missing.length > 0 || list.empty.length > 0) {
    for (const path of list.missing) err(`${forTerminal(path)}: no such file or folder`);
    for (const path of list.empty) err(`${forTerminal(path)}: no intake files (*.json) in this folder`);
    return usageError('', usage);
  }

  // Everything is checked before anything is written: the advisor (the same for every prospect),
  // then every intake. Without --keep-going, one bad file means nothing is written for anyone.
  const [advisorRead, checked] = await Promise.all([readAdvisorFile(args.advisor), checkIntakeFiles(list.files)]);
  const bad: FileProblems[] = [
    ...(advisorRead.ok ? [] : [{ file: args.advisor, problems: advisorRead.problems }]),
    ...checked.bad,
  ];
  if (bad.length > 0) printBatchProblems(bad, err);
  if (!advisorRead.ok) {
    err(`${forTerminal(args.advisor)}: the advisor profile has problems: nothing was written`);
    out(summary(0, 0, started, list.files.length));
    return 2;
  }
  if (checked.bad.length > 0 && !args.keepGoing) {
    err(
      `${plural(checked.bad.length, 'intake file')} of ${list.files.length} with problems: ` +
        'nothing was written (--keep-going builds the others)',
    );
    out(summary(0, 0, started, checked.bad.length));
    return 2;
  }
  if (checked.bad.length > 0)
    err(
      `${plural(checked.bad.length, 'intake file')} of ${list.files.length} with problems: ` +
        `nothing was written for ${checked.bad.length === 1 ? 'it' : 'them'}`,
    );

  const { advisor, logo } = advisorRead.value;
  const bar = await progressBar(checked.good.length, args.quiet);
  // With the bar on the terminal, what is said while it runs comes after it, not through it.
  const later: (() => void)[] = [];
  const say = (print: (line: string) => void, line: string) => (bar ? later.push(() => print(line)) : print(line));
  const report = (line: string) => (args.quiet ? undefined : say(out, line));
  const warned = new Set<string>();
  const warn = (warnings: FileProblems[]) => {
    for (const w of warnings) {
      printWarnings([w], (line) => {
        // The same advisor for every prospect: a logo left out is said once, not once per prospect.
        if (!warned.has(line)) say(err, line);
        warned.add(line);
      });
    }
  };
  warn(advisorRead.value.warnings);

  const outDir = resolve(args.out);
  let slides = 0;
  let folderProblem = false;
  let unexpected = false;
  const result = await buildBatch(
    checked.good,
    { outDir, templatesDir: TEMPLATES_DIR, advisor, ...(logo ? { logo } : {}), keepGoing: args.keepGoing },
    {
      built(entry: CheckedIntake, built) {
        slides += built.plan.deck.slides.length;
        bar?.tick();
        warn([{ file: args.advisor, problems: built.warnings }]);
        report(
          `  ${forTerminal(join(args.out, entry.id))}  ${forTerminal(built.plan.prospect.fullName)}, ` +
            `${plural(built.plan.deck.slides.length, 'slide')} (${forTerminal(entry.file)})`,
        );
      },
      failed(entry: CheckedIntake, error: unknown) {
        bar?.tick();
        if (error instanceof OutputFolderError) {
          folderProblem = true;
          say(err, `--out: ${forTerminal(error.message)} (${forTerminal(entry.file)})`);
        } else {
          unexpected = true;
          say(
            err,
            `${forTerminal(entry.file)}: unexpected error: ` +
              forTerminal(error instanceof Error ? (error.stack ?? error.message) : String(error)),
          );
        }
      },
    },
  );
  bar?.stop();
  for (const print of later) print();
  out(summary(result.built, slides, started, checked.bad.length + result.failed));
  if (checked.bad.length > 0 || folderProblem) return 2;
  return unexpected ? 1 : 0;
}

/** The one line at the end: `Built N prospects (M slides) in X s; K failed`. */
function summary(built: number, slides: number, started: number, failed: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `Built ${plural(built, 'prospect')} (${plural(slides, 'slide')}) in ${seconds} s; ${failed} failed`;
}
