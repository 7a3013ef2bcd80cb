// records/log.jsonl on disk: appended to, never rewritten (core/records/recordLog.ts says what a line is).
//
// "Atomic" for an append means: a reader sees either the log as it was or the log with the
// whole new line, and a line is never mixed with another. So each entry is one write() of the
// complete line on a descriptor opened with O_APPEND (the kernel puts it at the end, whoever else
// appends), then fsync before the caller is told it is recorded. One append at a time per
// process (a queue; one process holds a data folder, see lock.ts). What a crash can still leave
// is a last line cut short: it is never truncated or rewritten here. The next append starts on a
// new line after it and links to the last whole entry, and verify reports the cut line.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncFolder } from '../files';
import {
  entryLine,
  GENESIS,
  lastHash,
  readLog,
  recordEntrySchema,
  type LogLine,
  type LogProblem,
  type RecordEntry,
} from '../../../core/records/recordLog';
import { RECORDS_LOG } from '../../../core/dataFolder';

export const sha256Text = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const logPath = (dataDir: string): string => join(dataDir, ...RECORDS_LOG.split('/'));

/** The whole log read and checked; a log not there yet is empty. */
export async function readRecords(dataDir: string): Promise<{ lines: LogLine[]; problems: LogProblem[] }> {
  let text: string;
  try {
    text = await readFile(logPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], problems: [] };
    throw error;
  }
  return readLog(text, sha256Text);
}

/** How much of the log's end is read to find the last entry: entries are far smaller. */
const TAIL_BYTES = 256 * 1024;

/**
 * The last whole entry's hash and whether the file ends mid-line, from the log's end only:
 * appending stays as fast with 100,000 entries as with one.
 */
async function tail(path: string): Promise<{ prev: string; endsMidLine: boolean; created?: true }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { prev: GENESIS, endsMidLine: false, created: true };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { prev: GENESIS, endsMidLine: false };
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const endsMidLine = buffer[length - 1] !== 0x0a;
    // Whole lines only: the part before the first newline may be the middle of an older line.
    const text = buffer.toString('utf8');
    const from = length < size ? text.indexOf('\n') + 1 : 0;
    const lines = text.slice(from).split('\n');
    if (endsMidLine) lines.pop();
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as string;
      if (line === '') continue;
      // The last line readLog takes as an entry is the one to link to.
      try {
        if (!recordEntrySchema.safeParse(JSON.parse(line)).success) continue;
      } catch {
        continue;
      }
      return { prev: sha256Text(line), endsMidLine };
    }
    // No whole entry near the end (a long damaged stretch): the whole log says which was the last.
    if (length < size) return { prev: lastHash(readLog(await readFile(path, 'utf8'), sha256Text).lines), endsMidLine };
    return { prev: GENESIS, endsMidLine };
  } finally {
    await handle.close();
  }
}

/** Appends entries to one data folder's log, one at a time. */
export class RecordsLog {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataDir: string) {}

  /** Appends the entry (linked to the last one) and returns it once it is on disk. */
  append(entry: Omit<RecordEntry, 'prev'>): Promise<RecordEntry> {
    const next = this.#queue.then(() => this.#append(entry));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #append(partial: Omit<RecordEntry, 'prev'>): Promise<RecordEntry> {
    const path = logPath(this.dataDir);
    await mkdir(dirname(path), { recursive: true });
    const { prev, endsMidLine, created } = await tail(path);
    const entry: RecordEntry = { ...partial, prev };
    // A line cut short by a crash stays as it is; this entry starts on a line of its own.
    const bytes = Buffer.from(`${endsMidLine ? '\n' : ''}${entryLine(entry)}\n`, 'utf8');
    const handle = await open(path, 'a', 0o600);
    try {
      // One write of the whole line. A short write (a full disk) is an error, never retried
      // with the rest: that would be a second write another append could come between.
      const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
      if (bytesWritten !== bytes.length)
        throw new Error(
          `${RECORDS_LOG}: only ${bytesWritten} of ${bytes.length} bytes were written (is the disk full?)`,
        );
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A new log's name in its folder must be on disk too, or a crash could lose the whole file.
    if (created) await syncFolder(dirname(path));
    return entry;
  }
}
