// Crash safety: a child process writes follow-ups in a loop and is killed with SIGKILL at a
// random moment, 50 times, into the same store. After each kill the store must open, every
// file must parse, and every write the child acknowledged (printed after the write returned)
// must be there.
//
// The moment is counted, not timed: each run is killed once the child has acknowledged a
// random number of writes (0 to 60), while it is busy with the next one. A time window would
// hold fewer writes on a slow or busy machine and make the test about speed; a count checks
// durability the same way on any machine.
//
// The child runs as `node --import tsx`, not through the tsx binary: the tsx binary starts
// the script in a second process, so a SIGKILL would kill the wrapper and leave the writer
// running. It is also about three times quicker to start, which keeps 50 runs near 30 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FollowUpStore } from '../../electron/services/followUp/store';

const root = resolve(import.meta.dirname, '../..');
const WRITER = join(root, 'test/support/followup-writer.ts');
const KILLS = 50;

const dir = mkdtempSync(join(tmpdir(), 'advisor-deck-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writers still running: an aborted or failed test must not leave one behind. */
const live = new Set<ChildProcess>();
afterEach(() => {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
});

interface Run {
  /** Complete lines printed before the kill. */
  lines: string[];
  signal: NodeJS.Signals | null;
}

function startWriter(run: number): ChildProcess & { stdout: Readable } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(run)], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

/** Starts the writer, kills it once it has acknowledged `killAfter` writes (0: once it is ready), returns what it acknowledged. */
function runAndKill(run: number, killAfter: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = startWriter(run);
    let buffered = '';
    let stderr = '';
    const lines: string[] = [];
    let acknowledged = 0;
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line !== 'READY') acknowledged++;
        // Killed at once, while the writer is already busy with its next write.
        if (!killed && (line === 'READY' ? killAfter === 0 : acknowledged >= killAfter)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
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
    let planned = 0;
    for (let run = 0; run < KILLS; run++) {
      // Mostly mid-stream (after 2 to 60 writes), sometimes before or right at the first write.
      const killAfter = run % 10 === 4 ? 0 : run % 10 === 9 ? 1 : 2 + Math.floor(Math.random() * 59);
      planned += killAfter;
      const { lines } = await runAndKill(run, killAfter);
      let acknowledged = 0;
      for (const line of lines) {
        const [kind, id] = line.split(' ');
        if (kind === 'S' && id) scheduled.add(id);
        if (kind === 'D' && id) completed.add(id);
        if (kind === 'S' || kind === 'D') acknowledged++;
      }
      expect(acknowledged, `run ${run}: killed before its ${killAfter} writes`).toBeGreaterThanOrEqual(killAfter);
      writes += acknowledged;

      const store = FollowUpStore.open({ cwd: dir });
      expect(store.verify(), `run ${run}: damaged files`).toEqual([]);
      expect(store.problems, `run ${run}: problems`).toEqual([]);
      for (const id of scheduled) expect(store.get(id), `run ${run}: acknowledged ${id} is missing`).toBeDefined();
      for (const id of completed)
        expect(store.get(id)?.status, `run ${run}: acknowledged completion of ${id}`).toBe('done');
      store.close();
    }
    // The kills landed while writes were going on, not only before the first one.
    expect(writes).toBeGreaterThanOrEqual(planned);
    const store = FollowUpStore.open({ cwd: dir });
    expect(store.size).toBeGreaterThanOrEqual(scheduled.size);
  }, 300_000);

  it('the writer ends on SIGTERM, so an aborted run cannot leave it writing', async () => {
    const child = startWriter(KILLS);
    let acknowledged = 0;
    child.stdout.setEncoding('utf8');
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
      child.on('exit', (code, signal) => resolvePromise({ code, signal })),
    );
    await new Promise<void>((resolvePromise) => {
      child.stdout.on('data', (chunk: string) => {
        acknowledged += chunk.split('\n').filter((line) => line.startsWith('S ') || line.startsWith('D ')).length;
        if (acknowledged >= 5) resolvePromise();
      });
    });
    child.kill('SIGTERM');
    const outcome = await Promise.race([
      ended,
      new Promise<'still running'>((r) => setTimeout(() => r('still running'), 10_000)),
    ]);
    expect(outcome).toEqual({ code: 143, signal: null });
  }, 30_000);
});
