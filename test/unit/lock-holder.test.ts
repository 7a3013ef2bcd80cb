// The data-folder lock left by a process that no longer runs code: dead, or killed and not yet
// reaped by its parent (a zombie still answers kill(pid, 0)). Either is taken back at once; a
// live holder is not.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUse, isAlive, isZombie, lockDataFolder } from '../../electron/services/lock';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-lock-'));
});
afterEach(() => {
  while (children.length) children.pop()?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A lock as a holder leaves it: proper-lockfile's fresh lock folder and our note of who holds it. */
function heldBy(pid: number): void {
  mkdirSync(join(dir, '.advisor-deck.lock'));
  // Touched by the holder's clock, as proper-lockfile does while it holds the lock: a file's
  // own time comes from the kernel, which a clock moved for this process (faketime) does not move.
  const now = new Date();
  utimesSync(join(dir, '.advisor-deck.lock'), now, now);
  writeFileSync(
    join(dir, '.advisor-deck.lock-owner.json'),
    JSON.stringify({ pid, host: hostname(), kind: 'the web host (npm run web)', since: '2026-12-07T10:00:00.000Z' }),
  );
}

/** A parent that never reaps: its child is killed with SIGKILL and stays a zombie while the parent sleeps. */
async function zombie(): Promise<number> {
  const script =
    'import os,signal,sys,time\npid=os.fork()\nif pid==0:\n  time.sleep(600)\n  os._exit(0)\nos.kill(pid,signal.SIGKILL)\nprint(pid,flush=True)\ntime.sleep(600)\n';
  const parent = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(parent);
  if (!parent.stdout) throw new Error('python3 has no stdout');
  const stdout = parent.stdout;
  const line = await new Promise<string>((resolve) => createInterface({ input: stdout }).once('line', resolve));
  const pid = Number(line);
  // The kill is delivered asynchronously: wait for the state, counted in reads, not time.
  for (let i = 0; i < 10_000 && !isZombie(pid); i++) await new Promise((r) => setImmediate(r));
  return pid;
}

describe('data folder lock holders', () => {
  it('takes back a lock whose holder is a zombie (killed, not reaped)', async () => {
    const pid = await zombie();
    expect(isZombie(pid)).toBe(true);
    // kill(pid, 0) alone would call it alive: that was the bug.
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(isAlive(pid)).toBe(false);
    heldBy(pid);
    const lock = lockDataFolder(dir, 'the desktop app');
    const owner = JSON.parse(readFileSync(join(dir, '.advisor-deck.lock-owner.json'), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    lock.release();
  });

  it('takes back a lock whose holder is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const pid = child.pid ?? 0;
    await new Promise((resolve) => child.once('exit', resolve));
    expect(isAlive(pid)).toBe(false);
    heldBy(pid);
    lockDataFolder(dir, 'the desktop app').release();
  });

  it('keeps refusing while the holder runs', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    children.push(child);
    await new Promise((resolve) => child.once('spawn', resolve));
    expect(isAlive(child.pid ?? 0)).toBe(true);
    heldBy(child.pid ?? 0);
    expect(() => lockDataFolder(dir, 'the desktop app')).toThrow(DataFolderInUse);
  });
});
