// Temporary files of atomic writes (files.ts: `.<name>.<pid>.<12 hex>.tmp`) that a killed
// process never renamed: whole or partial copies of client data that nothing reads; likewise a
// new prospect's folder made under such a name and never renamed in (prospects/store.ts). They are
// removed when the app opens its data folder, after it holds the folder's lock, so no other
// writer of this folder is running: only a file of a process that is gone is removed, never
// one of ours, never anything else (the `.bak` copies of a group write are the only copy of
// an old file until it completes, and are left alone).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from './lock';

const TEMP = /^\..+\.(\d{1,10})\.[0-9a-f]{12}\.tmp$/;
/** data/prospects/<id>/meetings/<when>/: the deepest folder our writes go to, and one spare. */
const MAX_DEPTH = 5;

/** Removes the orphan temporary files under `folder`; returns their paths. */
export async function removeOrphanTemps(folder: string): Promise<string[]> {
  const removed: string[] = [];
  const alive = new Map<number, boolean>();
  const gone = (pid: number): boolean => {
    if (pid === process.pid) return false;
    let known = alive.get(pid);
    if (known === undefined) alive.set(pid, (known = isAlive(pid)));
    return !known;
  };
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // gone or unreadable: the stores report what they cannot read
    }
    const folders: string[] = [];
    for (const entry of entries) {
      // Links are not followed: nothing outside the data folder is touched.
      if (!entry.isDirectory() && !entry.isFile()) continue;
      const m = TEMP.exec(entry.name);
      if (m && gone(Number(m[1]))) {
        await rm(join(dir, entry.name), { recursive: true, force: true });
        removed.push(join(dir, entry.name));
      } else if (entry.isDirectory()) folders.push(join(dir, entry.name));
    }
    if (depth >= MAX_DEPTH) return;
    // A few folders at a time: thousands of prospects without exhausting file handles.
    for (let i = 0; i < folders.length; i += 64)
      await Promise.all(folders.slice(i, i + 64).map((f) => walk(f, depth + 1)));
  }
  await walk(folder, 1);
  return removed;
}
