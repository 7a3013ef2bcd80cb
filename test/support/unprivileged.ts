// Permission cases mean nothing to root (it writes through any mode bits), and CI runs as root.
// So such a case runs its step in a process of an unprivileged user when the tests are root:
// setpriv (util-linux) drops to nobody/nogroup with no supplementary groups, and the temp folder
// the step works in is handed to that user, as a normal user owns their own temp folder.
import { execFile } from 'node:child_process';
import { chown, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const NOBODY = { uid: 65534, gid: 65534 };

export const isRoot = (): boolean => process.getuid?.() === 0;

/** `command args` as they should be run: unchanged, or under setpriv as nobody when this process is root. */
export function unprivileged(command: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [command, args];
  return ['setpriv', [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, '--clear-groups', '--', command, ...args]];
}

/** Gives `folder` and everything in it to nobody when this process is root (nothing to do otherwise). */
export async function handOver(folder: string): Promise<void> {
  if (!isRoot()) return;
  await chown(folder, NOBODY.uid, NOBODY.gid);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await handOver(join(folder, entry.name));
    else await chown(join(folder, entry.name), NOBODY.uid, NOBODY.gid);
  }
}

/** Runs a command as `unprivileged` says; its exit code and output, never a throw for a non-zero exit. */
export async function runUnprivileged(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [cmd, argv] = unprivileged(command, args);
  try {
    const { stdout, stderr } = await run(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
