// Every write of user data goes through here: whole files or nothing (writeFileAtomic), and
// user files read with a cap on their size and depth (readCappedFile, readJsonFile).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Problem } from '../../core/validation';

/**
 * The step that publishes a written file. Tests put a fault (or a look at the folder) between
 * the write and the rename through it; the app always uses the file system's rename.
 */
export interface AtomicRename {
  rename(temp: string, path: string): Promise<void>;
  renameSync(temp: string, path: string): void;
}

const FS_RENAME: AtomicRename = { rename, renameSync };

/**
 * Writes a whole file or nothing: the bytes go to a temporary file beside the target, are
 * flushed to disk, then renamed over it (atomic on one file system). A crash leaves either the
 * old file or the new one, never half of each.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  steps: AtomicRename = FS_RENAME,
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFlushed(temp, data);
    await steps.rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Writes a new file (never one already there) and flushes it to disk before it returns. */
export async function writeFlushed(path: string, data: string | Uint8Array): Promise<void> {
  // 'wx': never follows or reuses something already at the temporary name.
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes renames in `dir` durable; some platforms (Windows) cannot open a folder, which is fine. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only.
  }
}

/**
 * writeFileAtomic for callers that must know the bytes are on disk before they go on (the
 * follow-up store persists a firing before the reminder is shown). Same steps, same guarantee.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, steps: AtomicRename = FS_RENAME): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    steps.renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(dir);
}

function syncDirectorySync(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort only, as above.
  }
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/**
 * The largest intake file read: a full intake at every limit (50 questions of 2,000 characters
 * and the rest) is about 250 KB of UTF-8 text; anything larger is not a form a person filled in,
 * and is refused before it is parsed or checked.
 */
export const MAX_INTAKE_BYTES = 1024 * 1024;
/** The largest advisor profile or meeting record read: both are smaller than an intake. */
export const MAX_RECORD_BYTES = 256 * 1024;
/** Our files are a few levels deep; a deeper one is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** `3.2 MB`, `256 KB`: sizes as a person reads them, rounded up (a file over a cap never reads as the cap). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.ceil((bytes * 10) / 1024 / 1024) / 10} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * At most `max + 1` bytes from an open file: its reported size is not trusted (a pipe or a
 * /proc file reports 0), so a larger file is known as larger without reading it whole.
 */
export async function readAtMost(handle: FileHandle, max: number): Promise<Buffer> {
  const buffer = Buffer.alloc(max + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** How deeply arrays and objects nest, counted in one pass, stopping past `max`. */
function nestingDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // \ escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) break;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

const readProblem = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'file not found'
    : code === 'EISDIR'
      ? 'is a folder, not a file'
      : code === 'EACCES'
        ? 'permission denied'
        : 'cannot be read';
};

/**
 * A user's file, read whole from an open handle but never past `maxBytes` (a larger file is
 * refused by its size first, and a file that grows or lies about it is cut at the cap): the
 * bytes, or what is wrong with the file in words for a person.
 */
export async function readCappedFile(
  path: string,
  maxBytes: number,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
      if (info.isFile() && info.size > maxBytes)
        return { ok: false, message: `is too large: ${formatBytes(info.size)}, at most ${formatBytes(maxBytes)}` };
      bytes = await readAtMost(handle, maxBytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, message: readProblem(error) };
  }
  if (bytes.length > maxBytes) return { ok: false, message: `is too large: more than ${formatBytes(maxBytes)}` };
  return { ok: true, bytes };
}

/**
 * Reads a user's JSON file; every failure is a problem naming the file, never an exception.
 * A file over `maxBytes` (default: an intake's cap) is refused unparsed, having read at most
 * one byte more than the cap.
 */
export async function readJsonFile(path: string, options: { maxBytes?: number } = {}): Promise<JsonRead> {
  const maxBytes = options.maxBytes ?? MAX_INTAKE_BYTES;
  const fail = (message: string): JsonRead => ({ ok: false, problems: [{ path, message }] });
  const read = await readCappedFile(path, maxBytes);
  if (!read.ok) return fail(read.message);
  const text = read.bytes.toString('utf8');
  // JSON.parse copes with deep nesting, but whatever walks the value next (zod, JSON.stringify,
  // structuredClone) recurses and would overflow the stack.
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return fail(`is nested too deeply: more than ${MAX_JSON_DEPTH} levels of lists and objects`);
  try {
    // A BOM from Windows editors is not part of the JSON.
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object { … }' }] };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RangeError) return fail('is not valid JSON (too deeply nested)');
    return fail(`is not valid JSON (${(error as Error).message})`);
  }
}
