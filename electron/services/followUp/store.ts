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
// Why the record's status and due time are also in its file name
// (`<id>.<rev>.<status>.<when>.json`): opening the store must take under 100 ms with 10,000
// records, and reading and checking 10,000 files takes 150 to 300 ms here. The folder listing
// alone (about 8 ms) gives everything the in-memory index needs (what fires next, what is
// open); a record's content is read, zod-checked and cached the first time it is needed. The
// name and the content are written together by one rename, so they cannot disagree. `rev`
// grows with every write of a record: a crash between writing rev N+1 and deleting rev N
// leaves both, and the higher one wins on the next open.
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
// (openApp takes `lockDataFolder` before opening any store), so a second process on the same
// folder is refused before it reads or writes anything (test/unit/followup-lock.test.ts).
import { readdirSync, readFileSync, renameSync, rmSync, unlinkSync, mkdirSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';
import {
  cancel as cancelRecord,
  checkFollowUp,
  complete as completeRecord,
  countFollowUps,
  createFollowUp,
  FollowUpTransitionError,
  groupFollowUps,
  isActive,
  markFired as markFiredRecord,
  reschedule as rescheduleRecord,
  snooze as snoozeRecord,
  snoozeUntil,
  whenDue,
  DEFAULT_SETTINGS,
  FOLLOW_UP_ID,
  FOLLOW_UP_STATUSES,
  followUpSettingsSchema,
  type FollowUp,
  type FollowUpLists,
  type FollowUpSettings,
  type FollowUpStatus,
  type NewFollowUp,
  type SnoozeOption,
} from '../../../core/followUp/record';
import { writeFileAtomicSync } from '../files';

/** The version of the store's layout; conf runs the migrations up to it on open. */
export const STORE_VERSION = '1.0.0';
export const SETTINGS_FILE = 'follow-ups';
export const RECORDS_DIR = 'follow-ups';

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

/** What the scheduler remembers of the wall clock between runs (see scheduler.ts), epoch ms. */
export interface ClockMemory {
  /** The last wall-clock time the scheduler trusted. */
  trustedAt?: number;
  /** Since when the clock has read far past trustedAt (the clock is in doubt). */
  aheadSince?: number;
}

export type StoreChange = { kind: 'record'; id: string; status: FollowUpStatus } | { kind: 'settings' };

export interface FollowUpStoreOptions {
  /** Absolute folder that holds the store. */
  cwd: string;
  /** The clock for createdAt, firedAt, doneAt…; Date.now by default. */
  now?: () => number;
}

interface Entry {
  id: string;
  rev: number;
  status: FollowUpStatus;
  /** whenDue(record), epoch ms. */
  when: number;
  file: string;
}

const NAME = new RegExp(
  `^(${FOLLOW_UP_ID.source.slice(1, -1)})\\.(\\d{1,12})\\.(${FOLLOW_UP_STATUSES.join('|')})\\.(-?\\d{1,16})\\.json$`,
);
// writeFileAtomicSync's temporary files: .<name>.<pid>.<random>.tmp
const TEMP = /^\..*\.(\d+)\.[0-9a-f]+\.tmp$/;
// A record set aside because it could not be read: <its record name minus .json>.damaged-<time>.json
const DAMAGED = new RegExp(`^(${FOLLOW_UP_ID.source.slice(1, -1)})\\..*\\.damaged-([0-9TZ-]+)\\.json$`);

/** A time for a file name, on every file system (no colons): 2026-12-03T22-00-00-000Z. */
const fileStamp = (epochMs: number) => new Date(epochMs).toISOString().replace(/[:.]/g, '-');

/**
 * Renames `path` to `<stem>.damaged-<time>.json` beside it, never over another file; returns
 * the new path. The bytes are kept as they were, for a person (or a later app) to look at.
 */
function setAside(path: string, stem: string, epochMs: number): string {
  const dir = dirname(path);
  let target = join(dir, `${stem}.damaged-${fileStamp(epochMs)}.json`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${stem}.damaged-${fileStamp(epochMs)}-${n}.json`);
  renameSync(path, target);
  return target;
}

/** Why the settings file cannot be used, or undefined when it can (or does not exist yet). */
function settingsDamage(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // Missing (a new store), or not readable at all: conf reports the latter itself.
    return undefined;
  }
  try {
    // conf strips a byte-order mark (a file saved by Notepad) before it parses; so do we.
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    // conf would take an array or null for an empty store and write over it on open.
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return 'does not hold settings (it is not a JSON object)';
    return undefined;
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
}

/** The file of one revision of a record: its id, revision, status and due time, the index. */
export function recordFileName(record: FollowUp, rev: number): string {
  return `${record.id}.${rev}.${record.status}.${whenDue(record)}.json`;
}

const fires = (status: FollowUpStatus) => status === 'scheduled' || status === 'snoozed';

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
  readonly #conf: Conf<Record<string, unknown>>;
  readonly #entries = new Map<string, Entry>();
  /** Records read so far (content is read lazily, then kept). */
  readonly #cache = new Map<string, FollowUp>();
  /** [when, id] of every record that will fire, sorted: the first one fires next. */
  readonly #timeline: [number, string][] = [];
  readonly #listeners = new Set<(change: StoreChange) => void>();
  /** Revisions of unreadable records: a new record with that id must outrank their files. */
  readonly #skippedRevs = new Map<string, number>();
  /** Follow-up files that could not be read, by the path they are kept at. */
  readonly #unreadable = new Map<string, UnreadableFollowUp>();

  private constructor(options: FollowUpStoreOptions) {
    this.cwd = options.cwd;
    this.dir = join(options.cwd, RECORDS_DIR);
    this.now = options.now ?? Date.now;
    this.#conf = this.#openSettings();
    this.#load();
  }

  /**
   * The settings document. A damaged one must not turn every reminder off: it is set aside
   * (renamed, never deleted), reported, and a new one with the default settings takes its place.
   */
  #openSettings(): Conf<Record<string, unknown>> {
    const path = join(this.cwd, `${SETTINGS_FILE}.json`);
    const damage = settingsDamage(path);
    if (damage) this.#setAsideSettings(path, damage);
    try {
      return this.#newConf();
    } catch (error) {
      // conf found what our check did not: the same remedy.
      if (!(error instanceof SyntaxError)) throw error;
      this.#setAsideSettings(path, `is not valid JSON (${error.message})`);
      return this.#newConf();
    }
  }

  #setAsideSettings(path: string, damage: string): void {
    const kept = setAside(path, `${SETTINGS_FILE}`, this.now());
    this.#reportOnce({
      file: kept,
      message: `the follow-up settings file ${damage}; the file is kept as ${basename(kept)} and the default settings are used`,
    });
  }

  #newConf(): Conf<Record<string, unknown>> {
    // electron-store is this same conf with cwd = app.getPath('userData'); services run
    // under plain Node, so they use conf directly with the options electron-store would pass.
    return new Conf<Record<string, unknown>>({
      cwd: this.cwd,
      configName: SETTINGS_FILE,
      projectVersion: STORE_VERSION,
      watch: false,
      // A hand-edited settings file with a bad value is reported and the default used; the
      // file itself is never thrown away.
      clearInvalidConfig: false,
      // Records live one per file in follow-ups/; recorded so that a later layout can recognise
      // and convert this one. conf writes a new store at projectVersion without migrating it.
      defaults: { layout: 'file-per-record' },
      migrations: {
        // A settings file from before the store had a version: keep its settings, name the layout.
        '1.0.0': (store) => {
          store.set('layout', 'file-per-record');
        },
      },
    });
  }

  /** Opens (or creates) the store in `cwd`. Synchronous: it only lists the records' folder. */
  static open(options: FollowUpStoreOptions): FollowUpStore {
    return new FollowUpStore(options);
  }

  /** The conf document's path (follow-ups.json). */
  get settingsPath(): string {
    return this.#conf.path;
  }

  get size(): number {
    return this.#entries.size;
  }

  #load(): void {
    mkdirSync(this.dir, { recursive: true });
    const superseded: string[] = [];
    for (const name of readdirSync(this.dir)) {
      const m = NAME.exec(name);
      if (!m) {
        const temp = TEMP.exec(name);
        const damaged = DAMAGED.exec(name);
        // A temporary file of a writer that died mid-write: never renamed, so never a record.
        if (temp) {
          if (!processIsAlive(Number(temp[1]))) rmSync(join(this.dir, name), { force: true });
        } else if (damaged) {
          // Set aside by an earlier run: still a follow-up that could not be read, until a person
          // deals with the file.
          this.#noteUnreadable(
            damaged[1] as string,
            join(this.dir, name),
            `could not be read and was set aside on ${damaged[2] as string}`,
          );
        } else {
          this.#reportOnce({ file: join(this.dir, name), message: 'is not a follow-up record file; ignored' });
        }
        continue;
      }
      const entry: Entry = {
        id: m[1] as string,
        rev: Number(m[2]),
        status: m[3] as FollowUpStatus,
        when: Number(m[4]),
        file: name,
      };
      const seen = this.#entries.get(entry.id);
      if (seen && seen.rev >= entry.rev) {
        superseded.push(name);
        continue;
      }
      if (seen) superseded.push(seen.file);
      this.#entries.set(entry.id, entry);
    }
    // Left by a crash between writing a newer revision and deleting the older one.
    for (const name of superseded) rmSync(join(this.dir, name), { force: true });
    for (const entry of this.#entries.values()) if (fires(entry.status)) this.#timeline.push([entry.when, entry.id]);
    this.#timeline.sort(compareTimed);
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
    let problem: string | undefined;
    let record: FollowUp | undefined;
    try {
      const checked = checkFollowUp(JSON.parse(text));
      if (!checked.ok) problem = checked.message;
      else if (
        checked.value.id !== entry.id ||
        checked.value.status !== entry.status ||
        whenDue(checked.value) !== entry.when
      ) {
        problem = 'its content does not match its file name';
      } else record = checked.value;
    } catch (error) {
      problem = `is not valid JSON (${(error as Error).message})`;
    }
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
    let kept: string;
    try {
      kept = setAside(path, entry.file.slice(0, -'.json'.length), this.now());
    } catch (error) {
      this.#noteUnreadable(entry.id, path, `${problem}; it could not be set aside (${(error as Error).message})`);
      return;
    }
    this.#noteUnreadable(entry.id, kept, `${problem}; the file is kept as ${basename(kept)}`);
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
    const first = this.#timeline[0];
    return first ? { at: first[0], id: first[1] } : undefined;
  }

  /** Ids of the records that should have fired by `time`, earliest first. */
  dueBy(time: number): string[] {
    const ids: string[] = [];
    for (const [when, id] of this.#timeline) {
      if (when > time) break;
      ids.push(id);
    }
    return ids;
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
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(followUpSettingsSchema.shape) as (keyof FollowUpSettings)[]) {
      const raw = this.#conf.get(key);
      if (raw === undefined) continue;
      const checked = followUpSettingsSchema.shape[key].safeParse(raw);
      if (checked.success) out[key] = checked.data;
      else
        this.#reportOnce({
          file: this.#conf.path,
          message: `${key}: ${checked.error.issues[0]?.message ?? 'invalid'}; the default is used`,
        });
    }
    return { ...DEFAULT_SETTINGS, ...out };
  }

  setSettings(change: Partial<FollowUpSettings>): FollowUpSettings {
    const checked = followUpSettingsSchema.partial().parse(change);
    for (const [key, value] of Object.entries(checked)) if (value !== undefined) this.#conf.set(key, value);
    this.#emit({ kind: 'settings' });
    return this.settings();
  }

  /** The scheduler's memory of the clock, kept with the settings; a damaged value is ignored. */
  clockMemory(): ClockMemory {
    const raw = this.#conf.get('clock');
    const memory: ClockMemory = {};
    if (typeof raw !== 'object' || raw === null) return memory;
    const { trustedAt, aheadSince } = raw as Record<string, unknown>;
    if (typeof trustedAt === 'number' && Number.isFinite(trustedAt)) memory.trustedAt = trustedAt;
    if (typeof aheadSince === 'number' && Number.isFinite(aheadSince)) memory.aheadSince = aheadSince;
    return memory;
  }

  /** Written by the scheduler (rarely: see scheduler.ts); not a settings change, so no event. */
  rememberClock(memory: ClockMemory): void {
    const value: Record<string, number> = {};
    if (memory.trustedAt !== undefined) value['trustedAt'] = memory.trustedAt;
    if (memory.aheadSince !== undefined) value['aheadSince'] = memory.aheadSince;
    this.#conf.set('clock', value);
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
    if (fires(entry.status))
      this.#timeline.splice(insertionIndex(this.#timeline, [entry.when, entry.id]), 0, [entry.when, entry.id]);
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
    if (!fires(entry.status)) return;
    const i = insertionIndex(this.#timeline, [entry.when, entry.id]);
    const found = this.#timeline[i];
    if (found && found[1] === entry.id) this.#timeline.splice(i, 1);
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

function compareTimed(a: readonly [number, string], b: readonly [number, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** First index whose item is not before `item` (binary search). */
function insertionIndex(list: readonly (readonly [number, string])[], item: readonly [number, string]): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTimed(list[mid] as [number, string], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export { FollowUpTransitionError, isActive };
