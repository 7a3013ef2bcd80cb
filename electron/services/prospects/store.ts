// The prospect store: one folder per prospect under <data>/prospects/<id>/:
//   intake.json    exactly the CLI's intake format, written only when it passes the schema
//   draft.json     what the advisor typed and has not saved as a valid intake yet
//   prospect.json  the prospect's record: status, times, history
// One small atomic write per change (never one big file: saving one prospect among 5,000 must
// cost a few milliseconds). The store keeps an in-memory index of the list rows, built once on
// open. A damaged file is renamed aside (never deleted) and reported; it never stops the app
// (folder.ts). Deleted prospects go to the trash (trash.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
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
import { newProspectRecord, withEvent, type ProspectRecord } from '../../../core/prospect/record';
import type { DataProblem, ProspectDetail, SaveOutcome } from '../../../core/api';
import { DRAFT_FILE, INTAKE_FILE, PROSPECT_FILE as RECORD_FILE, PROSPECTS_DIR } from '../../../core/dataFolder';
import { formatBytes, writeFileAtomic } from '../files';
import { KeyedQueue } from '../keyedQueue';
import { prospectIdOf } from './ids';
import { createProspectFolder, readProspectFolder, type ProspectFiles } from './folder';
import { MAX_INTAKE_JSON, parseIntakeText } from './intakeText';
import { checkRevision, revisionOf } from './revision';
import { inTrash, moveBack, moveToTrash, trashedId } from './trash';

interface Entry extends ProspectFiles {
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

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export class ProspectStore {
  readonly problems: DataProblem[] = [];
  readonly #entries = new Map<string, Entry>();
  /** One chain of writes per prospect, so a draft save never lands after the save it preceded. */
  readonly #queue = new KeyedQueue();
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
    const files = await readProspectFolder(join(this.dir, id), id, this.now, this.problems);
    if (files) this.#entries.set(id, files);
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
    // Every change goes through here: the cached list is dropped once the change is made.
    return this.#queue.run(id, async () => {
      try {
        return await work();
      } finally {
        this.#listed = null;
      }
    });
  }

  #newId(): string {
    let id: string;
    do id = `p-${randomBytes(8).toString('hex')}`;
    while (this.#entries.has(id));
    return id;
  }

  /** A new prospect: its first file and its record, all or nothing (folder.ts). */
  async #create(id: string, event: string, first: { file: string; text: string }): Promise<Entry> {
    const record = newProspectRecord(id, nowIso(this.now));
    if (event !== 'created') record.history.push({ at: record.createdAt, event });
    await createProspectFolder(this.dir, id, [first, { file: RECORD_FILE, text: json(record) }]);
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
    if (await inTrash(this.folder, id)) throw new Error('This prospect is in the trash.');
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
    // Never a draft the next start would set aside as too large (folder.ts): refused whole.
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
    return (await inTrash(this.folder, stable)) ? this.#newId() : stable;
  }

  delete(id: string): Promise<{ trashId: string }> {
    return this.#serial(id, async () => {
      this.#require(id);
      return { trashId: await this.#moveToTrash(id) };
    });
  }

  async #moveToTrash(id: string): Promise<string> {
    const trashId = await moveToTrash(this.folder, id, this.now());
    this.#entries.delete(id);
    return trashId;
  }

  async restore(trashId: string): Promise<ProspectSummary> {
    const id = trashedId(trashId);
    if (!id) throw new Error('Nothing to restore.');
    if (this.#entries.has(id)) throw new Error('This prospect is already back.');
    await moveBack(this.folder, trashId, id);
    await this.#loadOne(id);
    this.#listed = null;
    const entry = this.#require(id);
    return this.#serial(id, async () => {
      await this.#record(id, entry, withEvent(entry.record, 'restored from trash', nowIso(this.now)));
      return this.#summary(id, entry);
    });
  }

  /** Waits for every write in flight (tests, and a clean stop). */
  flush(): Promise<void> {
    return this.#queue.flush();
  }
}
