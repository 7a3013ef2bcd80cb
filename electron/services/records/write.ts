// Writing files that may be sent to a prospect, without ever losing an earlier version: a file
// about to be replaced by different bytes is first kept under <folder>/superseded/<time>/ (a hard
// link, or a copy where the disk has none), then the new set is written all or nothing
// (outputs.ts). The same bytes written again keep their one file. Nothing is deleted.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { SUPERSEDED_DIR } from '../../../core/dataFolder';
import type { KeptFile, RecordedFile } from '../../../core/records/recordLog';
import { syncFolder } from '../files';
import { writeFilesAllOrNothing, type OutputFile } from '../outputs';

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A path inside the data folder as the log writes it: relative, forward slashes. */
export function dataRelative(dataDir: string, path: string): string {
  const rel = relative(dataDir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new Error(`${path} is not inside the data folder ${dataDir}`);
  return rel.split(sep).join('/');
}

/** `2026-12-07T15-30-12-345Z`: the clock's instant as a folder name every file system takes (as the trash's). */
export const timeStamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

async function currentBytes(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await lstat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A new, empty superseded/<time>[-n]/ folder. */
async function keepFolder(folder: string, now: number): Promise<string> {
  const base = join(folder, SUPERSEDED_DIR, timeStamp(now));
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(join(folder, SUPERSEDED_DIR), { recursive: true });
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
    }
  }
}

/**
 * Writes `files` into `folder` (inside `dataDir`), keeping every earlier, different version
 * aside first. Returns what to record: the files written and the versions kept, with paths
 * relative to the data folder.
 */
export async function writeKeepingEarlier(
  dataDir: string,
  folder: string,
  files: readonly OutputFile[],
  now: number,
): Promise<{ paths: string[]; files: RecordedFile[]; kept: KeptFile[] }> {
  dataRelative(dataDir, folder);
  const hashed = files.map((file) => ({
    file,
    sha256: sha256(file.bytes),
    size: typeof file.bytes === 'string' ? Buffer.byteLength(file.bytes, 'utf8') : file.bytes.byteLength,
  }));
  const toKeep: { name: string; bytes: Buffer }[] = [];
  for (const { file, sha256: sum } of hashed) {
    const before = await currentBytes(join(folder, file.name));
    if (before && sha256(before) !== sum) toKeep.push({ name: file.name, bytes: before });
  }
  const kept: KeptFile[] = [];
  if (toKeep.length > 0) {
    const dir = await keepFolder(folder, now);
    for (const { name, bytes } of toKeep) {
      const from = join(folder, name);
      const to = join(dir, name);
      try {
        await link(from, to);
      } catch {
        await copyFile(from, to, constants.COPYFILE_EXCL);
      }
      kept.push({
        from: dataRelative(dataDir, from),
        path: dataRelative(dataDir, to),
        size: bytes.byteLength,
        sha256: sha256(bytes),
      });
    }
    await syncFolder(dir);
  }
  const paths = await writeFilesAllOrNothing(folder, files);
  return {
    paths,
    files: hashed.map(({ file, sha256: sum, size }) => ({
      path: dataRelative(dataDir, join(folder, file.name)),
      size,
      sha256: sum,
    })),
    kept,
  };
}
