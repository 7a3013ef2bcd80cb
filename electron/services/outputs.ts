// Writes a set of files into one folder all or nothing: a meeting's plan, deck, summary and
// follow-up are one record, and a folder must never hold one build's deck beside another's
// summary.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolder, writeFlushed } from './files';

export interface OutputFile {
  /** A plain file name inside the folder: no folder part, not hidden. */
  name: string;
  bytes: string | Uint8Array;
}

/** The output folder cannot take the files: a person's mistake to report, not a crash. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
  constructor(
    message: string,
    /** The path at fault: the folder, a part of its path, or one target inside it. */
    readonly path: string,
    /** The system's error code when there was one (ENOTDIR, EACCES, ENOSPC…). */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Error codes that mean "this folder cannot be written", as opposed to a bug or a failing disk. */
const FOLDER_CODES = new Set([
  'ENOTDIR',
  'EEXIST',
  'EISDIR',
  'ENOENT',
  'ELOOP',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENAMETOOLONG',
  'EBUSY',
]);

const tempName = (name: string, kind: 'tmp' | 'bak') =>
  `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.${kind}`;

/**
 * Writes every file into `dir` (created if needed), replacing files of the same names, or leaves
 * the previous files as they were.
 *
 * What is guaranteed:
 * - Nothing is replaced until every new file is written in full and flushed to disk (under a
 *   temporary name in `dir`), and every target name is checked to be replaceable (a folder in
 *   the way fails here). A failure up to this point (no permission, disk full, a folder in the
 *   way, a path under a file) replaces nothing and removes the temporary files.
 * - Then each file is renamed over its target, back to back. Each rename is atomic, so every
 *   single file is whole, old or new. A set of renames cannot be atomic: if one fails midway
 *   (a file locked by a viewer on Windows, a sticky folder), the renames already done are rolled
 *   back from hard-linked (or copied) backups of the previous files, files that did not exist
 *   before are removed, and the error is thrown. If a roll-back itself fails, that backup is
 *   left in `dir` (`.<name>.<pid>.<random>.bak`) and the error says so: a previous file is never
 *   deleted.
 * - What it cannot promise: a crash or power loss during the rename phase (a few milliseconds)
 *   can leave a mix of old and new files, plus temporary or backup files; two writers at once
 *   in the same folder are the caller's to prevent (the app holds one lock per data folder).
 *
 * Folder problems are thrown as OutputFolderError with a message a person can act on; anything
 * else is rethrown as it is. Returns the paths written, in the order given.
 */
export async function writeFilesAllOrNothing(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  checkNames(files);
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory())
      throw Object.assign(new Error(`not a directory: ${dir}`), { code: 'ENOTDIR' });
  } catch (error) {
    throw await folderError(error, dir);
  }

  const targets = files.map((file) => join(dir, file.name));
  const temps: string[] = [];
  const backups = new Map<number, string>();
  try {
    for (const file of files) {
      const temp = join(dir, tempName(file.name, 'tmp'));
      temps.push(temp);
      await writeFlushed(temp, file.bytes);
    }
    for (const [i, target] of targets.entries()) {
      const backup = await backUp(target);
      if (backup) backups.set(i, backup);
    }
  } catch (error) {
    await removeAll([...temps, ...backups.values()]);
    throw await folderError(error, dir);
  }

  let done = 0;
  try {
    for (; done < files.length; done++) await rename(temps[done] as string, targets[done] as string);
  } catch (error) {
    const { kept, stray } = await rollBack(targets.slice(0, done), backups);
    const keep = new Set(kept.map((k) => k.backup));
    await removeAll([...temps.slice(done), ...[...backups.values()].filter((b) => !keep.has(b))]);
    throw withRollBackNote(await folderError(error, dir), kept, stray);
  }
  await removeAll([...backups.values()]);
  await syncFolder(dir);
  return targets;
}

function checkNames(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const { name } of files) {
    if (!name || name !== basename(name) || name.includes('\\') || name.startsWith('.'))
      throw new TypeError(`not a plain file name: "${name}"`);
    if (seen.has(name)) throw new TypeError(`file name given twice: "${name}"`);
    seen.add(name);
  }
}

/**
 * Checks that `target` can be replaced by a file and keeps a second name for its current
 * content, so a rename done later can be undone. Returns the backup's path, or undefined when
 * there is nothing at `target` yet.
 */
async function backUp(target: string): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (info.isDirectory())
    throw new OutputFolderError(`${target} is a folder, so the file of that name cannot be written`, target, 'EISDIR');
  const backup = join(dirname(target), tempName(basename(target), 'bak'));
  if (info.isSymbolicLink()) {
    // The link itself is what gets replaced, wherever it points (or not).
    await symlink(await readlink(target), backup);
    return backup;
  }
  try {
    // A hard link costs nothing and keeps the target in place; some disks (FAT, some shares) have none.
    await link(target, backup);
  } catch {
    await copyFile(target, backup, constants.COPYFILE_EXCL);
  }
  return backup;
}

/**
 * Undoes the renames done: previous files back from their backups, files that are new removed.
 * Returns what it could not undo: backups still holding a previous file, new files still there.
 */
async function rollBack(
  renamed: readonly string[],
  backups: ReadonlyMap<number, string>,
): Promise<{ kept: Kept[]; stray: string[] }> {
  const kept: Kept[] = [];
  const stray: string[] = [];
  for (const [i, target] of renamed.entries()) {
    const backup = backups.get(i);
    try {
      if (backup) await rename(backup, target);
      else await rm(target, { force: true });
    } catch {
      if (backup) kept.push({ target, backup });
      else stray.push(target);
    }
  }
  return { kept, stray };
}

interface Kept {
  target: string;
  backup: string;
}

/** The error of a failed rename, plus what the roll-back could not undo, if anything. */
function withRollBackNote(error: unknown, kept: readonly Kept[], stray: readonly string[]): unknown {
  const notes = [
    ...kept.map(
      ({ target, backup }) => `could not restore the previous ${basename(target)}: it is kept as ${basename(backup)}`,
    ),
    ...(stray.length ? [`could not remove the new ${stray.map((t) => basename(t)).join(', ')}`] : []),
  ];
  if (notes.length === 0) return error;
  const message = `${error instanceof Error ? error.message : String(error)}; ${notes.join('; ')}`;
  return error instanceof OutputFolderError
    ? new OutputFolderError(message, error.path, error.code, { cause: error })
    : new Error(message, { cause: error });
}

async function removeAll(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));
}

/** Turns a system error into an OutputFolderError that says what is in the way, or returns it unchanged. */
async function folderError(error: unknown, dir: string): Promise<unknown> {
  if (error instanceof OutputFolderError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !FOLDER_CODES.has(code)) return error;
  const path = (error as NodeJS.ErrnoException).path ?? dir;
  return new OutputFolderError(await explain(code, dir, path), path, code, { cause: error });
}

async function explain(code: string, dir: string, path: string): Promise<string> {
  const inTheWay = await whatIsInTheWay(dir);
  if (inTheWay) return inTheWay;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write in ${dir} (permission denied)`;
    case 'EROFS':
      return `${dir} is on a read-only disk`;
    case 'ENOSPC':
      return `the disk of ${dir} is full`;
    case 'EDQUOT':
      return `the disk quota for ${dir} is used up`;
    case 'ENAMETOOLONG':
      return `the path is too long: ${path}`;
    case 'ELOOP':
      return `too many symbolic links in ${path}`;
    case 'EBUSY':
      return `${path} is in use`;
    default:
      return `cannot write in ${dir} (${code})`;
  }
}

/** The nearest existing part of the folder's path that is not a folder: a file, or a link to nothing. */
async function whatIsInTheWay(dir: string): Promise<string | undefined> {
  for (let path = dir; ; path = dirname(path)) {
    try {
      const info = await lstat(path);
      if (info.isDirectory()) return undefined;
      if (!info.isSymbolicLink()) return `${path} is a file, not a folder`;
      try {
        return (await stat(path)).isDirectory() ? undefined : `${path} is a link to a file, not a folder`;
      } catch {
        return `${path} is a link to ${await readlink(path).catch(() => '?')}, which does not exist`;
      }
    } catch {
      if (dirname(path) === path) return undefined;
    }
  }
}
