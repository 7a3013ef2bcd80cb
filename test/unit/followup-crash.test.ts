// Crash safety: a child process writes follow-ups in a loop and is killed with SIGKILL at a
// random moment, 50 times, into the same store. After each kill the store must open, every
// file must parse, and every write the child acknowledged (printed after the write returned)
// must be there.
//
// The child runs as `node --import tsx`, not through the tsx binary: the tsx binary starts
// the script in a second process, so a SIGKILL would kill the wrapper and leave the writer
// running. It is also about three times quicker to start, which keeps 50 runs near 30 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FollowUpStore } from '../../electron/services/followup/store';

const root = resolve(import.meta.dirname, '../..');
const WRITER = join(root, 'test/support/followup-writer.ts');
const KILLS = 50;

const dir = mkdtempSync(join(tmpdir(), 'advisor-deck-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  /** Complete lines printed before the kill. */
  lines: string[];
  signal: NodeJS.Signals | null;
}

/** Starts the writer, kills it `afterMs` after it is ready (or at its first write), returns what it acknowledged. */
function runAndKill(run: number, afterMs: number, atFirstWrite: boolean): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(run)], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    const lines: string[] = [];
    let killScheduled = false;
    const kill = () => child.kill('SIGKILL');
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (killScheduled) continue;
        if (line === 'READY' && !atFirstWrite) {
          killScheduled = true;
          setTimeout(kill, afterMs);
        } else if (line !== 'READY' && atFirstWrite) {
          killScheduled = true;
          kill();
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      // A line cut by the kill (no newline yet) was never acknowledged: it is not counted.
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself (${String(_code)}): ${stderr}`));
      else resolvePromise({ lines, signal });
    });
  });
}

describe('follow-up store under SIGKILL', () => {
  it(`keeps every acknowledged write through ${KILLS} kills at random moments`, async () => {
    const scheduled = new Set<string>();
    const completed = new Set<string>();
    let writes = 0;
    for (let run = 0; run < KILLS; run++) {
      // Mostly mid-stream (0 to 80 ms of writing), sometimes right at the first write.
      const atFirstWrite = run % 10 === 9;
      const { lines } = await runAndKill(run, Math.random() * 80, atFirstWrite);
      for (const line of lines) {
        const [kind, id] = line.split(' ');
        if (kind === 'S' && id) scheduled.add(id);
        if (kind === 'D' && id) completed.add(id);
        if (kind === 'S' || kind === 'D') writes++;
      }

      const store = FollowUpStore.open({ cwd: dir });
      expect(store.verify(), `run ${run}: damaged files`).toEqual([]);
      expect(store.problems, `run ${run}: problems`).toEqual([]);
      for (const id of scheduled) expect(store.get(id), `run ${run}: acknowledged ${id} is missing`).toBeDefined();
      for (const id of completed) expect(store.get(id)?.status, `run ${run}: acknowledged completion of ${id}`).toBe('done');
      store.close();
    }
    // The kills landed while writes were going on, not only before the first one.
    expect(writes).toBeGreaterThan(KILLS * 3);
    const store = FollowUpStore.open({ cwd: dir });
    expect(store.size).toBeGreaterThanOrEqual(scheduled.size);
  }, 150_000);
});
