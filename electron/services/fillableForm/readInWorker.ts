// Runs the form reader (readWorker.ts) in a worker thread with a heap limit and a deadline, so a
// hostile PDF (a field tree built to take 2^40 steps, an object stream that inflates to gigabytes,
// objects nested to overflow a stack) costs at most a few seconds and a bounded amount of memory,
// and the app keeps answering its other windows meanwhile. One read at a time: each may use up to
// the heap limit, and two hostile files at once must not add up.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FieldsRead } from './formFields';

export interface ReaderLimits {
  /** The read of the file, from the moment the loaded reader gets it; the worker is stopped when it passes. */
  deadlineMs: number;
  /** Loading the reader (our code, not the file's): only a stuck start passes it. */
  startMs: number;
  /** The worker's V8 heap (pdf-lib's objects); decoded streams are held apart by formFields.ts. */
  heapMb: number;
}

/**
 * A form reads in well under a second; the deadline leaves room for a busy machine, and the
 * reader loads in a fraction of one: 10 s in all.
 */
export const READER_LIMITS: ReaderLimits = { deadlineMs: 6_000, startMs: 60_000, heapMb: 384 };

/**
 * The worker's entry: built beside the bundle that runs this code (the CLI's out/cli/, the
 * desktop app's out/main/, or one level up from a chunk there), or else the TypeScript source
 * beside this file, imported through tsx's API by a two-line bootstrap (tests, `npm run web`;
 * Node 20 does not apply an `--import` loader to a worker's own entry).
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  const built = ['intake-form-reader.mjs', 'intake-form-reader.js', '../intake-form-reader.js'];
  for (const name of built) {
    const url = new URL(name, import.meta.url);
    if (existsSync(url)) return { entry: url, eval: false };
  }
  const source = 'readWorker.ts';
  const url = new URL(source, import.meta.url);
  if (!existsSync(url)) throw new Error(`The intake form reader is missing (${url.href}): build the app again`);
  // tsx's ES module API (its CommonJS one registers a loader that cannot be found from a worker).
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  return {
    entry: `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}));`,
    eval: true,
  };
}

const fileProblem = (message: string): FieldsRead => ({ ok: false, problems: [{ path: '(file)', message }] });

function readOnce(bytes: Uint8Array, limits: ReaderLimits): Promise<FieldsRead> {
  const { entry, eval: evaluated } = workerEntry();
  return new Promise<FieldsRead>((resolve, reject) => {
    const worker = new Worker(entry, {
      eval: evaluated,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // pdf-lib's console notes about damaged objects are not the advisor's concern.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run();
      void worker.terminate();
    };
    const refuse = (message: string) => settle(() => resolve(fileProblem(message)));
    // Loading the reader is our own code, not the file's doing: on a machine that is busy it may
    // take seconds, so it has a generous limit of its own and the deadline starts once it is loaded.
    timer = setTimeout(() => settle(() => reject(new Error('The intake form reader did not start'))), limits.startMs);
    worker.on('message', (answer: 'ready' | FieldsRead | { error: string }) => {
      if (answer === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            refuse(
              `took more than ${limits.deadlineMs / 1000} s to read (a form reads in well under a second): ` +
                'refused, it may be built to stall the reader',
            ),
          limits.deadlineMs,
        );
        // A copy of the bytes is handed over whole: the caller keeps its own.
        const copy = new Uint8Array(bytes);
        worker.postMessage(copy, [copy.buffer]);
        return;
      }
      settle(() => ('error' in answer ? reject(new Error(answer.error)) : resolve(answer)));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        refuse(
          `needs more than ${limits.heapMb} MB of memory to read (a form needs a few): ` +
            "refused, it may be built to exhaust the reader's memory",
        );
      else if (error instanceof RangeError)
        refuse('cannot be read: its objects are nested too deeply (a damaged file, or one made to stall a reader)');
      else settle(() => reject(error));
    });
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The intake form reader stopped (exit ${code}) before answering`))),
    );
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** The form's field values, read in a worker under `limits`; reads wait their turn, one at a time. */
export function readFieldsInWorker(bytes: Uint8Array, limits: ReaderLimits = READER_LIMITS): Promise<FieldsRead> {
  const run = () => readOnce(bytes, limits);
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
