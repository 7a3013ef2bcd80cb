// `records verify` (CLI and app): the chain of records/log.jsonl, then every file version it
// recorded, read back and hashed where it should be now.
//
// A prospect moved to the trash keeps their records: the log's paths stay as they were written
// (prospects/<id>/…) and a file missing there is looked for in that prospect's trash folder,
// trash/<id>.<time>/… (Delete moves the whole folder there; Undo moves it back; an id in the
// trash is never given to another prospect, so there is one such folder at most).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expectedFiles, intactMessage, problemLine, RECORDS_LOG, type ExpectedFile, type LogLine } from '../../../core/records';
import { PROSPECTS_DIR, TRASH_DIR } from '../dataFolder';
import { readRecords } from './log';

export interface VerifyReport {
  intact: boolean;
  records: number;
  files: number;
  /** `N records, M files, chain intact`, or how many problems there are. */
  summary: string;
  /** One a line: `records/log.jsonl:LINE: …`. */
  problems: string[];
  /** The log's entries (for export and the Records screen). */
  lines: LogLine[];
  /** Where each recorded path is on disk now (the trash, for a deleted prospect). */
  located: Map<string, string>;
}

/** Hashes a file without holding it whole: bounded memory whatever its size. */
export function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    createReadStream(path, { highWaterMark: 1024 * 1024 })
      .on('data', (chunk) => {
        size += chunk.length;
        hash.update(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve({ size, sha256: hash.digest('hex') }));
  });
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** Where a recorded path is now: where it was written, or in its prospect's trash folder. */
async function locate(dataDir: string, path: string, trash: () => Promise<string[]>): Promise<string | undefined> {
  const here = join(dataDir, ...path.split('/'));
  if (await isFile(here)) return here;
  const [top, id, ...rest] = path.split('/');
  if (top !== PROSPECTS_DIR || !id || rest.length === 0) return undefined;
  for (const name of await trash()) {
    if (!name.startsWith(`${id}.`)) continue;
    const there = join(dataDir, TRASH_DIR, name, ...rest);
    if (await isFile(there)) return there;
  }
  return undefined;
}

/** Runs `work` over `items`, a few at a time (reading files in parallel keeps the disk busy). */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

export async function verifyRecords(dataDir: string): Promise<VerifyReport> {
  const { lines, problems: logProblems } = await readRecords(dataDir);
  const expected = expectedFiles(lines);
  const byPath = new Map<string, ExpectedFile[]>();
  for (const file of expected) {
    const list = byPath.get(file.path);
    if (list) list.push(file);
    else byPath.set(file.path, [file]);
  }

  let trashNames: Promise<string[]> | undefined;
  const trash = () => (trashNames ??= readdir(join(dataDir, TRASH_DIR)).catch(() => []));
  const located = new Map<string, string>();
  const fileProblems: { line: number; message: string }[] = [];
  await eachLimited([...byPath.entries()], 8, async ([path, versions]) => {
    const where = await locate(dataDir, path, trash);
    if (!where) {
      for (const v of versions) fileProblems.push({ line: v.line, message: `${path}: missing` });
      return;
    }
    located.set(path, where);
    let actual;
    try {
      actual = await hashFile(where);
    } catch (error) {
      for (const v of versions) fileProblems.push({ line: v.line, message: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const match = versions.find((v) => v.sha256 === actual.sha256 && v.size === actual.size);
    for (const v of versions) {
      if (v === match) continue;
      fileProblems.push({
        line: v.line,
        message: match ? `${path}: replaced by a later version without this one being kept` : `${path}: changed since it was recorded (SHA-256 ${v.sha256.slice(0, 12)}…, now ${actual.sha256.slice(0, 12)}…)`,
      });
    }
  });
  fileProblems.sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : 1));
  const problems = [...logProblems.map(problemLine), ...fileProblems.map(problemLine)];
  const intact = problems.length === 0;
  return {
    intact,
    records: lines.length,
    files: byPath.size,
    summary: intact ? intactMessage(lines.length, byPath.size) : `${lines.length} records, ${byPath.size} files: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${RECORDS_LOG}`,
    problems,
    lines,
    located,
  };
}
