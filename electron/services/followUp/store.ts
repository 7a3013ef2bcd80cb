// The follow-up store: every follow-up of every prospect, on the advisor's own machine.
//
// Layout under `cwd` (app.getPath('userData') in the app, a temp folder in tests):
//   follow-ups.json   a small conf (electron-store) document: the store's version and its
//                     migrations, and the follow-up settings (tray, login, preferred time).
//   follow-ups/       one file per follow-up record.
//
// Why not one electron-store document holding every record: conf rewrites the whole file on
// each change. DESIGN.md measured 90 to 170 ms to save one change of a 5,000-record file; with
// 10,000 follow-ups and a 5 ms budget for "schedule or complete one", that cannot work. One
// file per record costs one small atomic write (temp file, fsync, rename, fsync of the folder).
//
// Why each record's status and due time are also in its file name: recordFiles.ts.
//
// Damaged files (DESIGN.md: set aside and reported, never fatal, never silently dropped):
// - A follow-ups.json that is not a JSON object is renamed follow-ups.damaged-<time>.json and
//   the default settings are used: every follow-up file still fires.
// - A record whose content is damaged (not JSON, fails its checks, disagrees with its name) is
//   renamed `<its name>.damaged-<time>.json` beside the records when it is first read (on open
//   only names are read, so that may be later). It is then out of the schedule, listed in
//   `problems` and in `unreadable()` (what the Follow-ups screen counts), and listed again on
//   every open for as long as the file is kept there. A record that cannot be read for a
//   reason that is not its content (a permission, too many open files) is reported and skipped
//   for this run but left in place: renaming a healthy record would take it out of the
//   schedule for good.
//
// One writer: the store does not lock. Whoever opens it holds the data folder's lock first
// (openApp takes `lockDataFolder` before opening any store): test/unit/followup-lock.test.ts.
import { readdirSync, readFileSync, rmSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  cancel as cancelRecord,
  complete as completeRecord,
  countFollowUps,
  createFollowUp,
  FollowUpTransitionError,
  groupFollowUps,
  markFired as markFiredRecord,
  reschedule as rescheduleRecord,
  snooze as snoozeRecord,
  snoozeUntil,
  whenDue,
  type FollowUp,
  type FollowUpLists,
  type FollowUpSettings,
  type FollowUpStatus,
  type NewFollowUp,
  type SnoozeOption,
} from '../../../core/followUp/record';
import { FOLLOW_UPS_DIR } from '../../../core/dataFolder';
import { writeFileAtomicSync } from '../files';
import { isAlive } from '../lock';
import { setAsideFileSync } from '../setAside';
import { checkRecordText, fires, listRecordFiles, recordFileName, type Entry } from './recordFiles';
import { SettingsFile, type ClockMemory } from './settingsFile';
import { Timeline } from './timeline';

export interface StoreProblem {
  file: string;
  message: string;
}

/** A follow-up file that could not be read: out of the schedule, kept for a person to look at. */
export interface UnreadableFollowUp {
  /** The follow-up's id, from its file name. */
  id: string;
  /** Where the file is kept: set aside under a `.damaged-<time>.json` name, or left in place. */
  file: string;
  /** Why it could not be read. */
  message: string;
}

export type StoreChange = { kind: 'record'; id: string; status: FollowUpStatus } | { kind: 'settings' };

export interface FollowUpStoreOptions {
  /** Absolute folder that holds the store. */
  cwd: string;
  /** The clock for createdAt, firedAt, doneAt…; Date.now by default. */
  now?: () => number;
}

export class FollowUpStore {
  readonly cwd: string;
  readonly dir: string;
  /**
   * Files that could not be read or checked: reported, set aside or skipped, never fatal. Each
   * problem once, in the order found; found on open, or later when a record is first read.
   */
  readonly problems: StoreProblem[] = [];
  readonly now: () => number;
  readonly #settings: SettingsFile;
  readonly #entries = new Map<string, Entry>();
  /** Records read so far (content is read lazily, then kept). */
  readonly #cache = new Map<string, FollowUp>();
  /** Every record that will fire, by due time: the first one fires next. */
  readonly #timeline = new Timeline();
  readonly #listeners = new Set<(change: StoreChange) => void>();
  /** Revisions of unreadable records: a new record with that id must outrank their files. */
  readonly #skippedRevs = new Map<string, number>();
  /** Follow-up files that could not be read, by the path they are kept at. */
  readonly #unreadable = new Map<string, UnreadableFollowUp>();

  private constructor(options: FollowUpStoreOptions) {
    this.cwd = options.cwd;
    this.dir = join(options.cwd, FOLLOW_UPS_DIR);
    this.now = options.now ?? Date.now;
    this.#settings = new SettingsFile(this.cwd, this.now, (problem) => this.#reportOnce(problem));
    this.#load();
  }

  /** Opens (or creates) the store in `cwd`. Synchronous: it only lists the records' folder. */
  static open(options: FollowUpStoreOptions): FollowUpStore {
    return new FollowUpStore(options);
  }

  /** The conf document's path (follow-ups.json). */
  get settingsPath(): string {
    return this.#settings.path;
  }

  get size(): number {
    return this.#entries.size;
  }

  #load(): void {
    mkdirSync(this.dir, { recursive: true });
    const listing = listRecordFiles(readdirSync(this.dir));
    for (const file of listing.others) {
      const path = join(this.dir, file.name);
      // A temporary file of a writer that died mid-write: never renamed, so never a record.
      if (file.kind === 'temp') {
        if (!isAlive(file.writer)) rmSync(path, { force: true });
      } else if (file.kind === 'set aside')
        // Still a follow-up that could not be read, until a person deals with the file.
        this.#noteUnreadable(file.id, path, `could not be read and was set aside on ${file.since}`);
      else this.#reportOnce({ file: path, message: 'is not a follow-up record file; ignored' });
    }
    for (const entry of listing.entries) this.#entries.set(entry.id, entry);
    // Left by a crash between writing a newer revision and deleting the older one.
    for (const name of listing.superseded) rmSync(join(this.dir, name), { force: true });
    this.#timeline.load([...this.#entries.values()].filter((e) => fires(e.status)).map((e) => [e.when, e.id] as const));
  }

  /** The record, read and zod-checked on first use; undefined if unknown or unreadable. */
  get(id: string): FollowUp | undefined {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const path = join(this.dir, entry.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      // Not its content: left where it is (the next open tries again), skipped for this run.
      this.#noteUnreadable(entry.id, path, `cannot be read (${(error as Error).message})`);
      this.#forget(entry);
      return undefined;
    }
    const { record, problem } = checkRecordText(text, entry);
    if (!record) {
      this.#setAsideRecord(entry, path, problem ?? 'cannot be read');
      this.#forget(entry);
      return undefined;
    }
    this.#cache.set(id, record);
    return record;
  }

  /** A damaged record leaves the schedule; its file is renamed, never deleted, and reported. */
  #setAsideRecord(entry: Entry, path: string, problem: string): void {
    try {
      const kept = setAsideFileSync(path, this.now());
      this.#noteUnreadable(entry.id, join(this.dir, kept), `${problem}; the file is kept as ${kept}`);
    } catch (error) {
      this.#noteUnreadable(entry.id, path, `${problem}; it could not be set aside (${(error as Error).message})`);
    }
  }

  #noteUnreadable(id: string, file: string, message: string): void {
    if (!this.#unreadable.has(file)) this.#unreadable.set(file, { id, file, message });
    this.#reportOnce({ file, message });
  }

  /**
   * The follow-ups that could not be read ("1 follow-up could not be read"), each with where
   * its file is kept. The open follow-ups are read first, as list() does, so that the count
   * matches the lists shown beside it.
   */
  unreadable(): UnreadableFollowUp[] {
    this.#readOpen();
    return [...this.#unreadable.values()];
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** Reads and checks every record now (instead of on first use); returns the problems found. */
  verify(): StoreProblem[] {
    const before = this.problems.length;
    for (const id of [...this.#entries.keys()]) this.get(id);
    return this.problems.slice(before);
  }

  /** Every readable record. Reads each file the first time. */
  all(): FollowUp[] {
    const out: FollowUp[] = [];
    for (const id of [...this.#entries.keys()]) {
      const r = this.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  /** The record that fires next and when (epoch ms), from the in-memory index. */
  nextDue(): { id: string; at: number } | undefined {
    return this.#timeline.first();
  }

  /** Ids of the records that should have fired by `time`, earliest first. */
  dueBy(time: number): string[] {
    return this.#timeline.dueBy(time);
  }

  /**
   * Open follow-ups as overdue, today (in `zone`) and upcoming. Done and cancelled are left out,
   * and so are the ones that cannot be read: those are counted by unreadable().
   */
  list(zone: string = Intl.DateTimeFormat().resolvedOptions().timeZone): FollowUpLists {
    return groupFollowUps(this.#readOpen(), this.now(), zone);
  }

  /** How many follow-ups each of list()'s lists holds (the navigation's count), without sorting them. */
  counts(zone: string = Intl.DateTimeFormat().resolvedOptions().timeZone): Record<keyof FollowUpLists, number> {
    return countFollowUps(this.#readOpen(), this.now(), zone);
  }

  #readOpen(): FollowUp[] {
    const open: FollowUp[] = [];
    for (const entry of [...this.#entries.values()]) {
      if (entry.status === 'done' || entry.status === 'cancelled') continue;
      const r = this.get(entry.id);
      if (r) open.push(r);
    }
    return open;
  }

  /**
   * A new follow-up. An id that exists is refused unless `replace` is set and that follow-up
   * has not fired yet (a rebuilt meeting moves its own reminder instead of adding a second).
   */
  schedule(input: NewFollowUp, options: { replace?: boolean } = {}): FollowUp {
    const existing = this.#entries.get(input.id);
    if (existing) {
      const current = this.get(input.id);
      if (current && !(options.replace && current.status === 'scheduled')) {
        throw new FollowUpTransitionError(`follow-up ${input.id} already exists (${current.status})`);
      }
      const record = createFollowUp(input, this.now());
      return this.#write(current ? { ...record, createdAt: current.createdAt } : record);
    }
    return this.#write(createFollowUp(input, this.now()));
  }

  reschedule(id: string, dueAt: string): FollowUp {
    return this.#write(rescheduleRecord(this.#require(id), dueAt));
  }

  /**
   * An hour more, the next business day at the preferred time (the settings' unless given), or a
   * given time; never earlier than it was due (core/followUp/record.ts's snoozeUntil).
   */
  snooze(
    id: string,
    option:
      | { kind: 'hour' }
      | { kind: 'tomorrow'; preferredTime?: string; holidays?: readonly string[] | undefined }
      | { kind: 'at'; at: string },
  ): FollowUp {
    const record = this.#require(id);
    const now = this.now();
    const resolved: SnoozeOption =
      option.kind === 'tomorrow'
        ? {
            kind: 'tomorrow',
            preferredTime: option.preferredTime ?? this.settings().preferredTime,
            holidays: option.holidays,
          }
        : option;
    return this.#write(snoozeRecord(record, snoozeUntil(resolved, record, now), now));
  }

  complete(id: string): FollowUp {
    return this.#write(completeRecord(this.#require(id), this.now()));
  }

  cancel(id: string): FollowUp {
    return this.#write(cancelRecord(this.#require(id), this.now()));
  }

  /**
   * The record came due: persisted (fsync'd) before this returns, so the caller notifies only
   * once the firing is on disk. Undefined when the record no longer fires (or is unreadable).
   */
  markFired(id: string): FollowUp | undefined {
    const record = this.get(id);
    if (!record || (record.status !== 'scheduled' && record.status !== 'snoozed')) return undefined;
    return this.#write(markFiredRecord(record, this.now()));
  }

  /** Called after every change (records and settings); returns the unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  settings(): FollowUpSettings {
    return this.#settings.settings();
  }

  setSettings(change: Partial<FollowUpSettings>): FollowUpSettings {
    this.#settings.set(change);
    this.#emit({ kind: 'settings' });
    return this.settings();
  }

  /** The scheduler's memory of the clock, kept with the settings; a damaged value is ignored. */
  clockMemory(): ClockMemory {
    return this.#settings.clockMemory();
  }

  /** Written by the scheduler (rarely: see scheduler.ts); not a settings change, so no event. */
  rememberClock(memory: ClockMemory): void {
    this.#settings.rememberClock(memory);
  }

  #reportOnce(problem: StoreProblem): void {
    if (!this.problems.some((p) => p.file === problem.file && p.message === problem.message))
      this.problems.push(problem);
  }

  #require(id: string): FollowUp {
    const record = this.get(id);
    if (!record) throw new FollowUpTransitionError(`no follow-up ${id}`);
    return record;
  }

  #write(record: FollowUp): FollowUp {
    const previous = this.#entries.get(record.id);
    const rev = (previous?.rev ?? this.#skippedRevs.get(record.id) ?? 0) + 1;
    const entry: Entry = {
      id: record.id,
      rev,
      status: record.status,
      when: whenDue(record),
      file: recordFileName(record, rev),
    };
    writeFileAtomicSync(join(this.dir, entry.file), `${JSON.stringify(record, null, 1)}\n`);
    if (previous) {
      try {
        unlinkSync(join(this.dir, previous.file));
      } catch {
        // Already gone, or deleted on the next open (the newer revision wins either way).
      }
      this.#untime(previous);
    }
    this.#entries.set(entry.id, entry);
    this.#cache.set(entry.id, record);
    if (fires(entry.status)) this.#timeline.add(entry.when, entry.id);
    this.#emit({ kind: 'record', id: record.id, status: record.status });
    return record;
  }

  #forget(entry: Entry): void {
    this.#skippedRevs.set(entry.id, entry.rev);
    this.#entries.delete(entry.id);
    this.#cache.delete(entry.id);
    this.#untime(entry);
  }

  #untime(entry: Entry): void {
    if (fires(entry.status)) this.#timeline.remove(entry.when, entry.id);
  }

  #emit(change: StoreChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('A follow-up store listener failed', error);
      }
    }
  }

  /** Nothing is buffered (every change is on disk when its call returns); this drops listeners. */
  close(): void {
    this.#listeners.clear();
  }
}
