// A damaged file in the data folder is renamed aside beside itself, never deleted and never
// renamed over another file: <stem>.damaged-<time>.json, then -2, -3… on a name already taken
// (the same millisecond, or a clock set back). The prospect, meeting and follow-up stores all
// set aside this way (DESIGN.md: set aside and reported, never fatal, never silently dropped).
import { existsSync, renameSync } from 'node:fs';
import { access, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A time for a file name, on every file system (no colons): 2026-12-03T22-00-00-000Z. */
export const fileStamp = (epochMs: number): string => new Date(epochMs).toISOString().replace(/[:.]/g, '-');

/** The names `path` may be set aside under, in the order tried. */
function* asideNames(path: string, epochMs: number): Generator<string> {
  const stem = basename(path).replace(/\.json$/, '');
  yield `${stem}.damaged-${fileStamp(epochMs)}.json`;
  for (let n = 2; n <= 1000; n++) yield `${stem}.damaged-${fileStamp(epochMs)}-${n}.json`;
  throw new Error('too many files set aside under the same time');
}

async function taken(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Renames `path` aside; returns the new file name (in the same folder). Throws when it cannot be renamed. */
export async function setAsideFile(path: string, epochMs: number): Promise<string> {
  const dir = dirname(path);
  for (const name of asideNames(path, epochMs)) {
    if (await taken(join(dir, name))) continue;
    await rename(path, join(dir, name));
    return name;
  }
  throw new Error('unreachable');
}

/** setAsideFile for the follow-up store, which opens and reads synchronously. */
export function setAsideFileSync(path: string, epochMs: number): string {
  const dir = dirname(path);
  for (const name of asideNames(path, epochMs)) {
    if (existsSync(join(dir, name))) continue;
    renameSync(path, join(dir, name));
    return name;
  }
  throw new Error('unreachable');
}
