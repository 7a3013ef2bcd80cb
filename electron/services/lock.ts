// One writer per data folder. Two processes writing the same prospect files would each keep a
// stale picture in memory and overwrite the other's changes, so the second one is refused and
// told who holds the folder. proper-lockfile makes the lock (a folder created atomically, its
// mtime refreshed while held); beside it we note who holds it, so the refusal can say so and a
// lock left by a killed process on this machine is recovered at once instead of after `stale`.
import { readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { LOCK_DIR, LOCK_OWNER_FILE } from '../../core/dataFolder';
import { writeFileAtomicSync } from './files';

export interface LockOwner {
  pid: number;
  host: string;
  /** 'the desktop app' or 'the web host (npm run web)'. */
  kind: string;
  since: string;
}

export class DataFolderInUse extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner
        ? `The data folder ${folder} is in use by ${owner.kind} ` +
            `(process ${owner.pid} on ${owner.host}, since ${owner.since}). Close it first; nothing was written.`
        : `The data folder ${folder} is in use by another Advisor Deck process. Close it first; nothing was written.`,
    );
  }
}

function readOwner(folder: string): LockOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(join(folder, LOCK_OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.kind === 'string' &&
      typeof value.since === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // No owner note (an older lock, or a crash between the two writes).
  }
  return undefined;
}

/**
 * A zombie (killed, not yet reaped by its parent) still answers kill(pid, 0) but runs no code:
 * it holds nothing. Linux says so in /proc/<pid>/stat (the state after the name in brackets,
 * which may itself hold brackets or spaces); elsewhere there is no /proc and this says no.
 */
export function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

export interface DataFolderLock {
  release(): void;
}

/**
 * Takes the data folder for this process, or throws DataFolderInUse. `onLost` is called if the
 * lock is taken away while held (the folder was deleted, or its lock refreshed by another).
 */
export function lockDataFolder(
  folder: string,
  kind: string,
  onLost: (error: Error) => void = (e) => console.error(`Data folder lock lost: ${e.message}`),
): DataFolderLock {
  const options = {
    lockfilePath: join(folder, LOCK_DIR),
    realpath: false,
    stale: 15_000,
    update: 5_000,
    onCompromised: onLost,
  };
  let release: () => void;
  try {
    release = lockfile.lockSync(folder, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = readOwner(folder);
    // A process on this machine that no longer runs (killed, crashed, a zombie) cannot be holding it.
    if (!owner || owner.host !== hostname() || isAlive(owner.pid) || owner.pid === process.pid)
      throw new DataFolderInUse(folder, owner);
    // proper-lockfile only unlocks its own locks: the dead owner's lock folder is removed here.
    rmSync(options.lockfilePath, { recursive: true, force: true });
    release = lockfile.lockSync(folder, options);
  }
  writeFileAtomicSync(
    join(folder, LOCK_OWNER_FILE),
    `${JSON.stringify({ pid: process.pid, host: hostname(), kind, since: new Date().toISOString() } satisfies LockOwner)}\n`,
  );
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      try {
        release();
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
