// Many intakes in one run (the CLI's `build` with several intakes or folders): every input is
// read and checked before anything is made, then each prospect's files are rendered and written
// into <out>/<prospect id>/, all or none per prospect. What does not depend on the intake (the
// advisor and logo, recipes, copy, fonts, the deck's reveal.js and styles, their hashes) is read
// or computed once per process and shared by every build of the run.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Advisor } from '../../core/advisor/advisor';
import { checkIntake, type Intake } from '../../core/intake/intake';
import type { DeckPlan } from '../../core/plan/planDeck';
import type { Problem } from '../../core/validation';
import { renderMeetingFiles, type FileProblems, type MeetingFilesResult } from './build';
import { readJsonFile } from './files';
import type { Logo } from './logo';
import { writeFilesAllOrNothing } from './outputs';
import { prospectIdOf } from './prospects/ids';

/** The intake files a command line names: a file as it is, a folder as the `*.json` files in it. */
export interface IntakeFileList {
  files: string[];
  /** Named paths that are neither a file nor a folder. */
  missing: string[];
  /** Folders without a single `*.json` file. */
  empty: string[];
}

/**
 * Files as named; a folder's `*.json` files (not hidden ones, not in subfolders) by name. A file
 * named twice (itself and through its folder) is built once. Paths stay as the person typed them,
 * so messages name them the same way.
 */
export async function listIntakeFiles(paths: readonly string[]): Promise<IntakeFileList> {
  const files: string[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) missing.push(path);
    else if (!info.isDirectory()) add(path);
    else {
      const entries = await readdir(path, { withFileTypes: true });
      const json = entries
        .filter(
          (e) =>
            !e.name.startsWith('.') && e.name.toLowerCase().endsWith('.json') && (e.isFile() || e.isSymbolicLink()),
        )
        .map((e) => e.name);
      if (json.length === 0) empty.push(path);
      for (const name of json.sort()) add(join(path, name));
    }
  }
  return { files, missing, empty };
}

/** One intake that passed its checks, with the folder its files go into. */
export interface CheckedIntake {
  file: string;
  intake: Intake;
  /** The prospect's id (prospects/ids.ts): the same person gets the same folder run after run. */
  id: string;
}

/** How many intake files are read at once: enough to keep the disk busy, few enough for any limit on open files. */
const READ_AT_ONCE = 16;

/**
 * Reads and checks every intake file (size, JSON, the intake schema), in the order given. Two
 * files of one prospect (the same id) would write one folder twice: the later ones are problems.
 */
export async function checkIntakeFiles(
  files: readonly string[],
): Promise<{ good: CheckedIntake[]; bad: FileProblems[] }> {
  const results = new Array<{ ok: true; intake: Intake } | { ok: false; problems: Problem[] }>(files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      const read = await readJsonFile(file);
      const checked = read.ok ? checkIntake(read.value) : read;
      results[i] = checked.ok ? { ok: true, intake: checked.value } : { ok: false, problems: checked.problems };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, files.length) }, worker));

  const good: CheckedIntake[] = [];
  const bad: FileProblems[] = [];
  const owner = new Map<string, string>();
  files.forEach((file, i) => {
    const result = results[i];
    if (!result) return;
    if (!result.ok) {
      bad.push({ file, problems: result.problems });
      return;
    }
    const id = prospectIdOf(result.intake);
    const first = owner.get(id);
    if (first !== undefined) {
      const path = result.intake.prospect.email ? 'prospect.email' : 'prospect';
      bad.push({
        file,
        problems: [{ path, message: `is the same prospect as ${first} (${id}): one intake per prospect in a batch` }],
      });
      return;
    }
    owner.set(id, file);
    good.push({ file, intake: result.intake, id });
  });
  return { good, bad };
}

export interface BatchOptions {
  outDir: string;
  templatesDir: string;
  advisor: Advisor;
  logo?: Logo;
  /** Go on after a prospect that failed (an output folder that cannot be written, a bug). */
  keepGoing: boolean;
}

export interface BatchEvents {
  /** One prospect's files are written (in the order the builds finish). */
  built(entry: CheckedIntake, result: { plan: DeckPlan; folder: string; files: string[]; warnings: Problem[] }): void;
  /** One prospect's files could not be made or written: nothing of this build is in its folder. */
  failed(entry: CheckedIntake, error: unknown): void;
}

/**
 * Renders each prospect's files and writes them into `<out>/<id>/`, all or none per prospect
 * (writeFilesAllOrNothing). Rendering is one prospect at a time, in this thread (it is all
 * computation, and what one build loads and caches serves the next); each prospect's writes and
 * fsyncs go on while the next one renders. Without `keepGoing`, the first failure stops the run
 * (what is already written stays). Returns how many were built and how many failed.
 */
export async function buildBatch(
  entries: readonly CheckedIntake[],
  options: BatchOptions,
  events: BatchEvents,
): Promise<{ built: number; failed: number }> {
  const { advisor, logo, templatesDir } = options;
  let built = 0;
  let failed = 0;
  let stop = false;
  const fail = (entry: CheckedIntake, error: unknown) => {
    failed++;
    if (!options.keepGoing) stop = true;
    events.failed(entry, error);
  };
  const write = async (entry: CheckedIntake, rendered: Extract<MeetingFilesResult, { ok: true }>) => {
    const folder = join(options.outDir, entry.id);
    try {
      const paths = await writeFilesAllOrNothing(folder, rendered.files);
      built++;
      events.built(entry, { plan: rendered.plan, folder, files: paths, warnings: rendered.warnings });
    } catch (error) {
      fail(entry, error);
    }
  };
  let writing: Promise<void> = Promise.resolve();
  for (const entry of entries) {
    if (stop) break;
    let rendered: MeetingFilesResult;
    try {
      rendered = await renderMeetingFiles(
        { intake: entry.intake, advisor, ...(logo ? { logo } : {}) },
        { templatesDir },
      );
      // Only a meeting record can make a checked intake fail here; a batch has none.
      if (!rendered.ok) throw new Error(rendered.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    } catch (error) {
      fail(entry, error);
      continue;
    }
    await writing;
    writing = write(entry, rendered);
  }
  await writing;
  return { built, failed };
}
