// The files in follow-ups/: `<id>.<rev>.<status>.<when>.json` for a record, plus the temporary
// files of a write under way and the records set aside because they could not be read.
//
// Why the record's status and due time are also in its file name
// (`<id>.<rev>.<status>.<when>.json`): opening the store must take under 100 ms with 10,000
// records, and reading and checking 10,000 files takes 150 to 300 ms here. The folder listing
// alone (about 8 ms) gives everything the in-memory index needs (what fires next, what is
// open); a record's content is read, zod-checked and cached the first time it is needed. The
// name and the content are written together by one rename, so they cannot disagree. `rev`
// grows with every write of a record: a crash between writing rev N+1 and deleting rev N
// leaves both, and the higher one wins on the next open.
import {
  checkFollowUp,
  FOLLOW_UP_ID,
  FOLLOW_UP_STATUSES,
  whenDue,
  type FollowUp,
  type FollowUpStatus,
} from '../../../core/followUp/record';

/** One record as its file name tells it: what the in-memory index holds. */
export interface Entry {
  id: string;
  rev: number;
  status: FollowUpStatus;
  /** whenDue(record), epoch ms. */
  when: number;
  file: string;
}

const ID = FOLLOW_UP_ID.source.slice(1, -1);
const NAME = new RegExp(`^(${ID})\\.(\\d{1,12})\\.(${FOLLOW_UP_STATUSES.join('|')})\\.(-?\\d{1,16})\\.json$`);
// writeFileAtomicSync's temporary files: .<name>.<pid>.<random>.tmp
const TEMP = /^\..*\.(\d+)\.[0-9a-f]+\.tmp$/;
// A record set aside because it could not be read: <its record name minus .json>.damaged-<time>.json
const DAMAGED = new RegExp(`^(${ID})\\..*\\.damaged-([0-9TZ-]+)\\.json$`);

/** The file of one revision of a record: its id, revision, status and due time, the index. */
export function recordFileName(record: FollowUp, rev: number): string {
  return `${record.id}.${rev}.${record.status}.${whenDue(record)}.json`;
}

/** The entry a record's file name describes, or undefined when it is not a record's name. */
function entryOf(name: string): Entry | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  return { id: m[1] as string, rev: Number(m[2]), status: m[3] as FollowUpStatus, when: Number(m[4]), file: name };
}

/** What a listing of follow-ups/ holds, told by the names alone. */
export interface RecordFiles {
  /** The newest revision of each record. */
  entries: Entry[];
  /** Older revisions, left by a crash between writing a newer one and deleting the older. */
  superseded: string[];
  /** The other files, in the listing's order. */
  others: OtherFile[];
}

export type OtherFile =
  /** A temporary file of a write, and its writer's process id. */
  | { kind: 'temp'; name: string; writer: number }
  /** A record set aside by an earlier run: its id, and when. */
  | { kind: 'set aside'; name: string; id: string; since: string }
  /** Anything else. */
  | { kind: 'stranger'; name: string };

export function listRecordFiles(names: readonly string[]): RecordFiles {
  const newest = new Map<string, Entry>();
  const out: RecordFiles = { entries: [], superseded: [], others: [] };
  for (const name of names) {
    const entry = entryOf(name);
    if (!entry) {
      const temp = TEMP.exec(name);
      const damaged = DAMAGED.exec(name);
      // A temporary file of a writer that died mid-write: never renamed, so never a record.
      if (temp) out.others.push({ kind: 'temp', name, writer: Number(temp[1]) });
      else if (damaged)
        out.others.push({ kind: 'set aside', name, id: damaged[1] as string, since: damaged[2] as string });
      else out.others.push({ kind: 'stranger', name });
      continue;
    }
    const seen = newest.get(entry.id);
    if (seen && seen.rev >= entry.rev) {
      out.superseded.push(name);
      continue;
    }
    if (seen) out.superseded.push(seen.file);
    newest.set(entry.id, entry);
  }
  out.entries = [...newest.values()];
  return out;
}

/** A record file's content, checked against its schema and against its name. */
export function checkRecordText(text: string, entry: Entry): { record?: FollowUp; problem?: string } {
  try {
    const checked = checkFollowUp(JSON.parse(text));
    if (!checked.ok) return { problem: checked.message };
    if (checked.value.id !== entry.id || checked.value.status !== entry.status || whenDue(checked.value) !== entry.when)
      return { problem: 'its content does not match its file name' };
    return { record: checked.value };
  } catch (error) {
    return { problem: `is not valid JSON (${(error as Error).message})` };
  }
}

/** A record in one of these states waits for its due time. */
export const fires = (status: FollowUpStatus): boolean => status === 'scheduled' || status === 'snoozed';
