// A damaged meeting file is renamed aside beside itself, never deleted and never renamed over
// another file: <stem>.damaged-<time>.json, then -2, -3… on a name already taken (the same
// millisecond, or a clock set back). Like the prospect and follow-up stores (DESIGN.md).
import { access, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A time for a file name, on every file system (no colons): 2026-12-03T22-00-00-000Z. */
const fileStamp = (epochMs: number) => new Date(epochMs).toISOString().replace(/[:.]/g, '-');

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
  const stem = basename(path).replace(/\.json$/, '');
  let name = `${stem}.damaged-${fileStamp(epochMs)}.json`;
  for (let n = 2; await taken(join(dir, name)); n++) {
    if (n > 1000) throw new Error('too many files set aside under the same time');
    name = `${stem}.damaged-${fileStamp(epochMs)}-${n}.json`;
  }
  await rename(path, join(dir, name));
  return name;
}
