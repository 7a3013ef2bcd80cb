// The books and records of one data folder (DESIGN.md, "Records"): every set of files that may
// be shown or sent to a prospect is written through here, which keeps any earlier version aside
// (write.ts) and appends one entry naming the files and their SHA-256 (log.ts).
import type { RecordEntry, RecordEvent } from '../../../core/records/recordLog';
import type { OutputFile } from '../outputs';
import { RecordsLog } from './log';
import { writeKeepingEarlier } from './write';

export interface RecordsOptions {
  dataDir: string;
  now: () => number;
  /** The app's version, written in every entry. */
  appVersion: string;
}

export interface RecordedWrite {
  event: RecordEvent;
  prospect: string;
  advisor: { name: string; firm: string };
  /** A folder inside the data folder. */
  folder: string;
  files: readonly OutputFile[];
}

/** What the meeting, intake form and preview services need: write files and record them. */
export interface RecordKeeper {
  /** Writes the files all or none (earlier versions kept aside), then records them; returns the paths written. */
  write(what: RecordedWrite): Promise<string[]>;
}

export class Records implements RecordKeeper {
  readonly log: RecordsLog;
  /** One recorded write at a time: keeping aside, writing and appending are one step. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RecordsOptions) {
    this.log = new RecordsLog(options.dataDir);
  }

  write(what: RecordedWrite): Promise<string[]> {
    const next = this.#queue.then(() => this.#write(what));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #write(what: RecordedWrite): Promise<string[]> {
    const now = this.options.now();
    const written = await writeKeepingEarlier(this.options.dataDir, what.folder, what.files, now);
    const entry: Omit<RecordEntry, 'prev'> = {
      v: 1,
      at: new Date(now).toISOString(),
      event: what.event,
      prospect: what.prospect,
      advisor: { name: what.advisor.name.slice(0, 400), firm: what.advisor.firm.slice(0, 400) },
      app: this.options.appVersion.slice(0, 100),
      files: written.files,
      kept: written.kept,
    };
    await this.log.append(entry);
    return written.paths;
  }
}
