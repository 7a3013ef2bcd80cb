// Books and records (DESIGN.md, "Records"): what was shown to a prospect and what was sent to
// them, as an append-only log in the data folder, records/log.jsonl. One line per event, each
// naming its files with their size and SHA-256 and carrying the SHA-256 of the line before it,
// so a file changed, a line changed, removed or put in between, all show. The pure parts live
// here: the shape of an entry, its one serialisation, the chain check, where each recorded file
// is expected now, and the manifest a compliance officer opens. Hashing is handed in (core does
// no I/O and imports no node:*), so the same check runs in the CLI, the app and the tests.
import { z } from 'zod';
import { RECORDS_LOG } from '../dataFolder';
import { PROSPECT_ID } from '../prospect/prospect';

/** What the first entry's `prev` is: no entry came before it. */
export const GENESIS = '0'.repeat(64);
/** A line longer than this is not one of ours: refused unparsed (an entry is a few hundred bytes). */
export const MAX_ENTRY_BYTES = 64 * 1024;

export const RECORD_EVENTS = ['summary and follow-up created', 'intake form sent', 'meeting rebuilt'] as const;
export type RecordEvent = (typeof RECORD_EVENTS)[number];

const SHA256 = /^[0-9a-f]{64}$/;
/**
 * A path inside the data folder, with forward slashes, never leaving it: every part a plain name
 * (no `..`, no `.`, nothing empty, no drive or backslash), so verify and export never read
 * outside the folder whatever a log says.
 */
const dataPath = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (p) => p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\:\0]/.test(part)),
    'must be a path inside the data folder (a/b/c)',
  );

const recordedFile = z.strictObject({
  path: dataPath,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(SHA256),
});
export type RecordedFile = z.infer<typeof recordedFile>;

/** An earlier version kept aside before a file of the same name was written again. */
const keptFile = recordedFile.extend({ from: dataPath });
export type KeptFile = z.infer<typeof keptFile>;

export const recordEntrySchema = z.strictObject({
  v: z.literal(1),
  /** When, from the app's clock: an instant in UTC (toISOString). */
  at: z.iso.datetime(),
  event: z.enum(RECORD_EVENTS),
  prospect: z.string().regex(PROSPECT_ID),
  advisor: z.strictObject({ name: z.string().max(400), firm: z.string().max(400) }),
  app: z.string().max(100),
  files: z.array(recordedFile).max(100),
  /** Earlier versions of these files, moved aside (never deleted) before they were written again. */
  kept: z.array(keptFile).max(100),
  /** SHA-256 of the previous line's bytes, or GENESIS for the first entry. */
  prev: z.string().regex(SHA256),
});
export type RecordEntry = z.infer<typeof recordEntrySchema>;

/**
 * The one way an entry is written: keys sorted at every level, no spaces, so the same entry is
 * the same bytes on every machine and the hash of a line can be made again from its content.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** An entry's line, without its newline. */
export function entryLine(entry: RecordEntry): string {
  return canonicalJson(entry);
}

export type Sha256 = (text: string) => string;

/** One line of the log, read and placed in the chain. */
export interface LogLine {
  /** 1-based, as an editor shows it. */
  line: number;
  entry: RecordEntry;
  /** The line's text as it is in the log (an export carries it unchanged). */
  text: string;
  /** SHA-256 of this line's bytes: the next entry's `prev`. */
  hash: string;
}

/** Something wrong at a line of the log, in words for a person. */
export interface LogProblem {
  line: number;
  message: string;
}

/**
 * Reads the log's text: every entry, and every line that is not a whole entry or does not link
 * to the one before. A cut-off last line (no newline after it: the app stopped during a write)
 * is reported, never dropped. An entry after a damaged line links to the last good one (that is
 * how the app appends), so one bad line is one problem, not a cascade. Linear in the text.
 */
export function readLog(text: string, sha256: Sha256): { lines: LogLine[]; problems: LogProblem[] } {
  const lines: LogLine[] = [];
  const problems: LogProblem[] = [];
  if (text === '') return { lines, problems };
  const raw = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) raw.pop();
  let prev = GENESIS;
  for (const [i, line] of raw.entries()) {
    const number = i + 1;
    const torn = !complete && i === raw.length - 1;
    if (torn) {
      problems.push({
        line: number,
        message: 'incomplete entry (the last line was cut short, as by a crash during a write); left as it is',
      });
      break;
    }
    if (line.length > MAX_ENTRY_BYTES) {
      problems.push({ line: number, message: `not an entry (longer than ${MAX_ENTRY_BYTES} characters)` });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({
        line: number,
        message: line.trim() === '' ? 'empty line where an entry should be' : 'not an entry (not valid JSON)',
      });
      continue;
    }
    const checked = recordEntrySchema.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      problems.push({
        line: number,
        message: `not an entry (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'bad shape'})`,
      });
      continue;
    }
    const hash = sha256(line);
    if (checked.data.prev !== prev) {
      problems.push({
        line: number,
        message:
          checked.data.prev === GENESIS
            ? 'broken link: starts a new chain after earlier entries'
            : `broken link: the previous entry is not the one this entry recorded (an entry before it was changed, removed or added)`,
      });
    }
    lines.push({ line: number, entry: checked.data, text: line, hash });
    prev = hash;
  }
  return { lines, problems };
}

/** The hash the next entry links to: the last whole entry's, or GENESIS. */
export function lastHash(lines: readonly LogLine[]): string {
  return lines.at(-1)?.hash ?? GENESIS;
}

/** A file version the log says exists, where it should be now. */
export interface ExpectedFile {
  path: string;
  size: number;
  sha256: string;
  /** The entry that recorded this version (its first line, when several did). */
  line: number;
}

/** One file of one entry, followed to where it is now. */
export interface TrackedFile extends ExpectedFile {
  /** The path the entry wrote down. */
  recordedAs: string;
  /** A version kept aside by this entry, rather than one it wrote. */
  kept: boolean;
}

/**
 * Every file of every entry, followed to where it should be now: a version kept aside by a
 * later entry moved with it (`kept[].from` → `kept[].path`). Linear in the files recorded.
 */
export function trackFiles(lines: readonly LogLine[]): TrackedFile[] {
  const all: TrackedFile[] = [];
  const at = new Map<string, TrackedFile[]>();
  const place = (file: TrackedFile) => {
    const list = at.get(file.path);
    if (list) list.push(file);
    else at.set(file.path, [file]);
  };
  const put = (file: TrackedFile) => {
    all.push(file);
    place(file);
  };
  for (const { line, entry } of lines) {
    for (const kept of entry.kept) {
      const moved = at.get(kept.from) ?? [];
      at.delete(kept.from);
      for (const f of moved) {
        f.path = kept.path;
        place(f);
      }
      put({ path: kept.path, recordedAs: kept.path, size: kept.size, sha256: kept.sha256, line, kept: true });
    }
    for (const file of entry.files) put({ ...file, recordedAs: file.path, line, kept: false });
  }
  return all;
}

/**
 * The versions expected at each path now, one per distinct content. Two different versions at
 * one path means an earlier one was overwritten without being kept: the file on disk can match
 * one at most.
 */
export function expectedFiles(lines: readonly LogLine[]): ExpectedFile[] {
  const at = new Map<string, ExpectedFile[]>();
  for (const f of trackFiles(lines)) {
    const list = at.get(f.path) ?? [];
    if (!list.some((e) => e.sha256 === f.sha256 && e.size === f.size))
      list.push({ path: f.path, size: f.size, sha256: f.sha256, line: f.line });
    at.set(f.path, list);
  }
  return [...at.values()].flat();
}

/** The line the CLI and the app show when everything checks. */
export function intactMessage(records: number, files: number): string {
  return `${records} record${records === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'}, chain intact`;
}

/** A problem as `records/log.jsonl:LINE: message`, one a line. */
export function problemLine(problem: LogProblem): string {
  return `${RECORDS_LOG}:${problem.line}: ${problem.message}`;
}

/** The entries an export keeps: by local day (YYYY-MM-DD, given by `dayOf`) and prospect. */
export function selectEntries(
  lines: readonly LogLine[],
  filter: { from?: string | undefined; to?: string | undefined; prospect?: string | undefined },
  dayOf: (at: string) => string,
): LogLine[] {
  return lines.filter(({ entry }) => {
    const day = dayOf(entry.at);
    if (filter.from !== undefined && day < filter.from) return false;
    if (filter.to !== undefined && day > filter.to) return false;
    return filter.prospect === undefined || entry.prospect === filter.prospect;
  });
}

/**
 * One cell of a CSV a spreadsheet opens: a cell starting with = + - @ (or a tab or carriage
 * return) would be read as a formula, so it gets a leading quote; then quoted when it holds a
 * comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const MANIFEST_HEADER = ['time', 'prospect', 'event', 'file', 'SHA-256'] as const;

/** manifest.csv: one row per file of each entry (kept versions too), with a BOM and CRLF for spreadsheets. */
export function manifestCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[MANIFEST_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
