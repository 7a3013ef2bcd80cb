// The prospect store: one folder per prospect under <data>/prospects/<id>/:
//   intake.json    exactly the CLI's intake format, written only when it passes the schema
//   draft.json     what the advisor typed and has not saved as a valid intake yet
//   prospect.json  the prospect's record: status, times, history
// One small atomic write per change (never one big file: saving one prospect among 5,000 must
// cost a few milliseconds). The store keeps an in-memory index of the list rows, built once on
// open. A damaged file is renamed aside (never deleted) and reported; it never stops the app.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkIntake, type Intake } from '../../../core/intake/intake';
import {
  compareProspects,
  displayStatus,
  PROSPECT_ID,
  rowFields,
  type ProspectSummary,
  type StoredStatus,
} from '../../../core/prospect/prospect';
import { newProspectRecord, prospectRecordSchema, withEvent, type ProspectRecord } from '../../../core/prospect/record';
import type { Problem } from '../../../core/validation';
import type { DataProblem, ProspectDetail, SaveOutcome } from '../../../core/api';
import { PROSPECTS_DIR, TRASH_DIR } from '../dataFolder';
import { formatBytes, writeFileAtomic } from '../files';
import { prospectIdOf } from './ids';
import { checkRevision, revisionOf } from './revision';

export const INTAKE_FILE = 'intake.json';
export const DRAFT_FILE = 'draft.json';
export const RECORD_FILE = 'prospect.json';
/** An intake file larger than this is refused before it is parsed. */
export const MAX_INTAKE_JSON = 1024 * 1024;

interface Entry {
  record: ProspectRecord;
  /** Parsed intake.json, as on disk. */
  intake: Record<string, unknown> | null;
  draft: Record<string, unknown> | null;
  /** The revision of intake and draft (prospects/revision.ts), made when first asked; reset when either changes. */
  revision?: string | undefined;
}

/** What the list needs to know about follow-ups, from the follow-up store. */
export interface FollowUpIndex {
  /** The earliest open follow-up's due time per prospect, and whether it is due now. */
  get(prospectId: string): { dueAt: string; due: boolean } | undefined;
}

const NO_FOLLOW_UPS: FollowUpIndex = { get: () => undefined };

function nowIso(now: () => number): string {
  return new Date(now()).toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Parses an intake file's text: size first, then JSON, then the schema; every problem named. */
export function parseIntakeText(text: string): { ok: true; value: Intake } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_INTAKE_JSON)
    return { ok: false, problems: [{ path: '(file)', message: `is too large: at most ${MAX_INTAKE_JSON / 1024} KB` }] };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof RangeError ? 'is nested too deeply' : (error as Error).message;
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON (${message})` }] };
  }
  if (!isObject(value)) return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object { … }' }] };
  return checkIntake(value);
}

export class ProspectStore {
  readonly problems: DataProblem[] = [];
  readonly #entries = new Map<string, Entry>();
  /** One chain of writes per prospect, so a draft save never lands after the save it preceded. */
  readonly #queues = new Map<string, Promise<unknown>>();
  #followUps: FollowUpIndex = NO_FOLLOW_UPS;
  /** The sorted list, kept until something changes: listing 5,000 is then a copy. */
  #listed: ProspectSummary[] | null = null;
  /** Ids given to imports in this process: two imports of one person at once never share one. */
  readonly #claimed = new Set<string>();

  private constructor(
    readonly folder: string,
    private readonly now: () => number,
  ) {}

  get dir(): string {
    return join(this.folder, PROSPECTS_DIR);
  }

  static async open(folder: string, options: { now?: () => number } = {}): Promise<ProspectStore> {
    const store = new ProspectStore(folder, options.now ?? Date.now);
    await mkdir(store.dir, { recursive: true });
    await store.#load();
    return store;
  }

  setFollowUps(index: FollowUpIndex): void {
    this.#followUps = index;
    this.#listed = null;
  }

  /** Something the list shows changed outside the store (a follow-up). */
  invalidate(): void {
    this.#listed = null;
  }

  get size(): number {
    return this.#entries.size;
  }

  async #load(): Promise<void> {
    const names = await readdir(this.dir, { withFileTypes: true });
    // A few at a time: thousands of prospects open in a fraction of a second without
    // exhausting file handles.
    const folders = names.filter((d) => d.isDirectory() && PROSPECT_ID.test(d.name)).map((d) => d.name);
    for (let i = 0; i < folders.length; i += 64) {
      await Promise.all(folders.slice(i, i + 64).map((id) => this.#loadOne(id)));
    }
  }

  async #loadOne(id: string): Promise<void> {
    const dir = join(this.dir, id);
    const [recordRead, intakeRead, draftRead] = await Promise.all([
      this.#readJson(dir, RECORD_FILE),
      this.#readJson(dir, INTAKE_FILE),
      this.#readJson(dir, DRAFT_FILE),
    ]);
    let record: ProspectRecord | undefined;
    if (recordRead !== undefined) {
      const checked = prospectRecordSchema.safeParse(recordRead);
      if (checked.success && checked.data.id === id) record = checked.data;
      else await this.#setAside(dir, RECORD_FILE, 'is not a valid prospect record');
    }
    let intake = isObject(intakeRead) ? intakeRead : null;
    let draft = isObject(draftRead) ? draftRead : null;
    if (intake && !checkIntake(intake).ok) {
      // Edited by hand into something the app cannot build from: the advisor fixes it in the form.
      await this.#setAside(dir, INTAKE_FILE, 'does not pass the intake check; its content is kept as a draft');
      draft ??= intake;
      intake = null;
    }
    if (!intake && !draft && !record) return;
    // A record lost to damage or a crash before its first write is made anew, not dropped.
    record ??= newProspectRecord(id, nowIso(this.now));
    this.#entries.set(id, { record, intake, draft });
  }

  /** undefined when the file is absent; a damaged file is set aside and reported. */
  async #readJson(dir: string, file: string): Promise<unknown> {
    let text: string;
    try {
      const info = await stat(join(dir, file));
      if (info.size > MAX_INTAKE_JSON) {
        await this.#setAside(dir, file, 'is too large');
        return undefined;
      }
      text = await readFile(join(dir, file), 'utf8');
    } catch {
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch {
      await this.#setAside(dir, file, 'is not valid JSON');
      return undefined;
    }
  }

  async #setAside(dir: string, file: string, why: string): Promise<void> {
    const aside = `${file.replace(/\.json$/, '')}.damaged-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}.json`;
    try {
      await rename(join(dir, file), join(dir, aside));
      this.problems.push({ file: join(dir, file), message: `${why}; kept as ${aside}` });
    } catch (error) {
      this.problems.push({
        file: join(dir, file),
        message: `${why}; could not be set aside (${(error as Error).message})`,
      });
    }
  }

  #summary(id: string, entry: Entry): ProspectSummary {
    const followUp = this.#followUps.get(id);
    return {
      id,
      ...rowFields(entry.intake ?? entry.draft),
      status: displayStatus(entry.record, entry.intake !== null, followUp?.due ?? false),
      ...(followUp ? { nextFollowUpAt: followUp.dueAt } : {}),
      updatedAt: entry.record.updatedAt,
      hasDraft: entry.intake !== null && entry.draft !== null,
    };
  }

  list(): ProspectSummary[] {
    this.#listed ??= [...this.#entries].map(([id, entry]) => this.#summary(id, entry)).sort(compareProspects);
    return this.#listed;
  }

  get(id: string): ProspectDetail {
    const entry = this.#require(id);
    return {
      summary: this.#summary(id, entry),
      intake: entry.intake,
      draft: entry.draft,
      history: entry.record.history,
      stage: entry.record.status,
      revision: this.#revision(entry),
    };
  }

  /** What the intake form was loaded from: intake.json and draft.json, as the store holds them. */
  #revision(entry: Entry | undefined): string {
    if (!entry) return revisionOf(null, null);
    return (entry.revision ??= revisionOf(
      entry.intake && JSON.stringify(entry.intake),
      entry.draft && JSON.stringify(entry.draft),
    ));
  }

  /** The saved, valid intake, for building; undefined while the prospect is a draft. */
  intake(id: string): Intake | undefined {
    const entry = this.#require(id);
    if (!entry.intake) return undefined;
    const checked = checkIntake(entry.intake);
    return checked.ok ? checked.value : undefined;
  }

  intakePath(id: string): string {
    return join(this.dir, id, INTAKE_FILE);
  }

  prospectDir(id: string): string {
    return join(this.dir, id);
  }

  #require(id: string): Entry {
    const entry = PROSPECT_ID.test(id) ? this.#entries.get(id) : undefined;
    if (!entry) throw new Error('This prospect no longer exists.');
    return entry;
  }

  #serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    // Every change goes through here: the cached list is dropped once the change is made.
    const run = async () => {
      try {
        return await work();
      } finally {
        this.#listed = null;
      }
    };
    const next = previous.then(run, run);
    this.#queues.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  #newId(): string {
    let id: string;
    do id = `p-${randomBytes(8).toString('hex')}`;
    while (this.#entries.has(id));
    return id;
  }

  /**
   * A new prospect's folder, all or nothing: its first file and its record are written into a
   * temporary folder beside the others (named like a temporary file, so the list never reads it
   * and the next start removes it if this process dies: orphanTemps.ts), which is then renamed
   * into place. A failed first save leaves no folder with a record and nothing else.
   */
  async #create(id: string, event: string, first: { file: string; text: string }): Promise<Entry> {
    const record = newProspectRecord(id, nowIso(this.now));
    if (event !== 'created') record.history.push({ at: record.createdAt, event });
    const staging = join(this.dir, `.${id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(staging);
      await writeFileAtomic(join(staging, first.file), first.text);
      await writeFileAtomic(join(staging, RECORD_FILE), json(record));
      await rename(staging, join(this.dir, id)).catch(async (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        // A folder this store did not list (only files set aside in it): the files go into it.
        await rename(join(staging, first.file), join(this.dir, id, first.file));
        await rename(join(staging, RECORD_FILE), join(this.dir, id, RECORD_FILE));
        await rm(staging, { recursive: true, force: true });
      });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    const entry: Entry = { record, intake: null, draft: null };
    this.#entries.set(id, entry);
    return entry;
  }

  /**
   * Writes `file` of the prospect, made on first use: the window chooses a new prospect's id
   * itself, so a reload during the first save finds the same prospect. An id in the trash is
   * not reused.
   */
  async #writeOrCreate(id: string, file: string, text: string): Promise<Entry> {
    const entry = this.#entries.get(id);
    if (entry) {
      await writeFileAtomic(join(this.dir, id, file), text);
      return entry;
    }
    if (!PROSPECT_ID.test(id)) throw new Error('This prospect no longer exists.');
    const trashed = await readdir(join(this.folder, TRASH_DIR)).catch(() => [] as string[]);
    if (trashed.some((name) => name.startsWith(`${id}.`))) throw new Error('This prospect is in the trash.');
    return this.#create(id, 'created', { file, text });
  }

  /**
   * Keeps what was typed, valid or not. Creates the prospect when it does not exist yet.
   * `base`: the revision the window's form was loaded at; another one is refused (StaleError).
   */
  saveDraft(
    id: string | undefined,
    draft: Record<string, unknown>,
    base?: string,
  ): Promise<ProspectSummary & { revision: string }> {
    const target = id ?? this.#newId();
    // Never a draft the next start would set aside as too large (#readJson): refused whole.
    const text = json(draft);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_INTAKE_JSON) {
      return Promise.reject(
        new Error(
          `The draft is too large to keep (${formatBytes(bytes)}, at most ${formatBytes(MAX_INTAKE_JSON)}): shorten the longest fields.`,
        ),
      );
    }
    return this.#serial(target, async () => {
      checkRevision(base, this.#revision(this.#entries.get(target)));
      const entry = await this.#writeOrCreate(target, DRAFT_FILE, text);
      entry.draft = draft;
      entry.revision = undefined;
      return { ...this.#summary(target, entry), revision: this.#revision(entry) };
    });
  }

  /** Writes intake.json only when the form passes the intake schema; the draft then goes. */
  save(id: string | undefined, input: Record<string, unknown>, base?: string): Promise<SaveOutcome<ProspectSummary>> {
    const checked = checkIntake(input);
    if (!checked.ok) return Promise.resolve({ saved: false, problems: checked.problems });
    // The file holds the checked intake: trimmed, NFC, defaults written out, so the CLI reads
    // exactly what the app will build from.
    const intake = JSON.parse(JSON.stringify(checked.value)) as Record<string, unknown>;
    const target = id ?? this.#newId();
    return this.#serial(target, async () => {
      checkRevision(base, this.#revision(this.#entries.get(target)));
      const entry = await this.#writeOrCreate(target, INTAKE_FILE, json(intake));
      entry.intake = intake;
      entry.revision = undefined;
      await rm(join(this.dir, target, DRAFT_FILE), { force: true });
      entry.draft = null;
      await this.#record(target, entry, withEvent(entry.record, 'intake saved', nowIso(this.now)));
      return { saved: true as const, value: this.#summary(target, entry), revision: this.#revision(entry) };
    });
  }

  discardDraft(id: string): Promise<ProspectSummary | null> {
    return this.#serial(id, async () => {
      const entry = this.#require(id);
      await rm(join(this.dir, id, DRAFT_FILE), { force: true });
      entry.draft = null;
      entry.revision = undefined;
      if (entry.intake) return this.#summary(id, entry);
      // A prospect that never had a valid intake is nothing without its draft.
      await this.#moveToTrash(id);
      return null;
    });
  }

  /** The secret hidden in the prospect's intake forms (prospect.json), once `Send intake form` made one. */
  formSecret(id: string): string | undefined {
    return this.#require(id).record.formSecret;
  }

  setFormSecret(id: string, secret: string): Promise<void> {
    return this.#serial(id, async () => {
      const entry = this.#require(id);
      await this.#record(id, entry, { ...entry.record, formSecret: secret });
    });
  }

  /** A step in the prospect's history that changes nothing else (a follow-up came due). */
  note(id: string, event: string): Promise<void> {
    if (!this.#entries.has(id)) return Promise.resolve();
    return this.#serial(id, async () => {
      const entry = this.#require(id);
      await this.#record(id, entry, withEvent(entry.record, event, nowIso(this.now)));
    });
  }

  setStatus(id: string, status: StoredStatus, event: string): Promise<ProspectSummary> {
    return this.#serial(id, async () => {
      const entry = this.#require(id);
      await this.#record(id, entry, withEvent(entry.record, event, nowIso(this.now), { status }));
      return this.#summary(id, entry);
    });
  }

  async #record(id: string, entry: Entry, record: ProspectRecord): Promise<void> {
    await writeFileAtomic(join(this.dir, id, RECORD_FILE), json(record));
    entry.record = record;
  }

  /**
   * Imports one intake file's text as a new prospect; problems are listed by field. The new
   * prospect gets the id the CLI's batch build names its folder after (prospects/ids.ts) when
   * that id is free (not in the store, not in the trash, not taken by an import under way);
   * otherwise a random one, as before: importing the same file twice makes two prospects.
   */
  async importIntake(text: string): Promise<SaveOutcome<ProspectSummary>> {
    const parsed = parseIntakeText(text);
    if (!parsed.ok) return { saved: false, problems: parsed.problems };
    return this.save(
      await this.#importId(parsed.value),
      JSON.parse(JSON.stringify(parsed.value)) as Record<string, unknown>,
    );
  }

  async #importId(intake: Intake): Promise<string> {
    const stable = prospectIdOf(intake);
    if (this.#entries.has(stable) || this.#claimed.has(stable)) return this.#newId();
    this.#claimed.add(stable);
    const trashed = await readdir(join(this.folder, TRASH_DIR)).catch(() => [] as string[]);
    return trashed.some((name) => name.startsWith(`${stable}.`)) ? this.#newId() : stable;
  }

  delete(id: string): Promise<{ trashId: string }> {
    return this.#serial(id, async () => {
      this.#require(id);
      return { trashId: await this.#moveToTrash(id) };
    });
  }

  async #moveToTrash(id: string): Promise<string> {
    const trashId = `${id}.${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    await mkdir(join(this.folder, TRASH_DIR), { recursive: true });
    await rename(join(this.dir, id), join(this.folder, TRASH_DIR, trashId));
    this.#entries.delete(id);
    return trashId;
  }

  async restore(trashId: string): Promise<ProspectSummary> {
    const match = /^(p-[0-9a-f]{16}|[a-z0-9][a-z0-9-]{0,63})\.[0-9TZ-]+$/.exec(trashId);
    const id = match?.[1];
    if (!id) throw new Error('Nothing to restore.');
    if (this.#entries.has(id)) throw new Error('This prospect is already back.');
    await rename(join(this.folder, TRASH_DIR, trashId), join(this.dir, id));
    await this.#loadOne(id);
    this.#listed = null;
    const entry = this.#require(id);
    return this.#serial(id, async () => {
      await this.#record(id, entry, withEvent(entry.record, 'restored from trash', nowIso(this.now)));
      return this.#summary(id, entry);
    });
  }

  /** Waits for every write in flight (tests, and a clean stop). */
  async flush(): Promise<void> {
    await Promise.all([...this.#queues.values()]);
  }
}
