// `records verify` (CLI and app): the chain of records/log.jsonl, then every file version it
// recorded, read back and hashed where it should be now.
//
// A prospect moved to the trash keeps their records: the log's paths stay as they were written
// (prospects/<id>/…) and a file missing there is looked for in that prospect's trash folder,
// trash/<id>.<time>/… (Delete moves the whole folder there; Undo moves it back; an id in the
// trash is never given to another prospect, so there is one such folder at most).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import {
  expectedFiles,
  intactMessage,
  problemLine,
  type ExpectedFile,
  type LogLine,
} from '../../../core/records/recordLog';
import { PROSPECTS_DIR, RECORDS_LOG, TRASH_DIR } from '../../../core/dataFolder';
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

/**
 * Reads and hashes a file through one reused buffer (bounded memory whatever its size), with
 * plain system calls: thousands of small files through the async pool cost more in hops than
 * in hashing. Null when there is no file there (nothing, or a folder).
 */
export function hashFileSync(path: string, buffer: Buffer): { size: number; sha256: string } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) return null;
    const hash = createHash('sha256');
    let size = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      size += read;
      hash.update(buffer.subarray(0, read));
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

/** A recorded path's file, hashed where it is now: where it was written, or in its prospect's trash folder. */
function findAndHash(
  dataDir: string,
  path: string,
  trash: () => string[],
  buffer: Buffer,
): { where: string; size: number; sha256: string } | null {
  const here = join(dataDir, ...path.split('/'));
  const found = hashFileSync(here, buffer);
  if (found) return { where: here, ...found };
  const [top, id, ...rest] = path.split('/');
  if (top !== PROSPECTS_DIR || !id || rest.length === 0) return null;
  for (const name of trash()) {
    if (!name.startsWith(`${id}.`)) continue;
    const there = join(dataDir, TRASH_DIR, name, ...rest);
    const inTrash = hashFileSync(there, buffer);
    if (inTrash) return { where: there, ...inTrash };
  }
  return null;
}

/** Files checked between two turns of the event loop: the app's host stays responsive. */
const FILES_PER_TURN = 32;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function readTrash(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, TRASH_DIR));
  } catch {
    return [];
  }
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

  let trashNames: string[] | undefined;
  const trash = () => (trashNames ??= readTrash(dataDir));
  const located = new Map<string, string>();
  const fileProblems: { line: number; message: string }[] = [];
  const buffer = Buffer.alloc(256 * 1024);
  let checked = 0;
  for (const [path, versions] of byPath) {
    if (++checked % FILES_PER_TURN === 0) await nextTurn();
    let actual;
    try {
      actual = findAndHash(dataDir, path, trash, buffer);
    } catch (error) {
      for (const v of versions)
        fileProblems.push({
          line: v.line,
          message: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        });
      continue;
    }
    if (!actual) {
      for (const v of versions) fileProblems.push({ line: v.line, message: `${path}: missing` });
      continue;
    }
    located.set(path, actual.where);
    const match = versions.find((v) => v.sha256 === actual.sha256 && v.size === actual.size);
    for (const v of versions) {
      if (v === match) continue;
      fileProblems.push({
        line: v.line,
        message: match
          ? `${path}: replaced by a later version without this one being kept`
          : `${path}: changed since it was recorded (SHA-256 ${v.sha256.slice(0, 12)}…, now ${actual.sha256.slice(0, 12)}…)`,
      });
    }
  }
  fileProblems.sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : 1));
  const problems = [...logProblems.map(problemLine), ...fileProblems.map(problemLine)];
  const intact = problems.length === 0;
  return {
    intact,
    records: lines.length,
    files: byPath.size,
    summary: intact
      ? intactMessage(lines.length, byPath.size)
      : `${lines.length} records, ${byPath.size} files: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${RECORDS_LOG}`,
    problems,
    lines,
    located,
  };
}
