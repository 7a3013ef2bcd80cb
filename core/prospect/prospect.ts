// A Prospect as the app keeps it: the intake (exactly the CLI's intake file), an unfinished
// draft kept apart until it validates, and the prospect's own record (status, times, history:
// core/prospect/record.ts). Pure, and free of zod: the Prospects screen loads only this.

/** File-name safe, like a follow-up id: the store names each prospect's folder after it. */
export const PROSPECT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What the advisor sets by hand; Draft and Ready follow from the intake, Follow-up due from the follow-ups. */
export const STORED_STATUSES = ['open', 'met', 'client', 'closed'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** What the Prospects screen shows. */
export const PROSPECT_STATUSES = ['draft', 'ready', 'met', 'follow-up-due', 'client', 'closed'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

/** One row of the Prospects screen. Names and meeting come from the intake, or the draft while there is none. */
export interface ProspectSummary {
  id: string;
  firstName: string;
  lastName: string;
  /** Local date and time in `timeZone`, as typed: `2026-12-03T14:00`. */
  meetingStartsAt?: string;
  timeZone?: string;
  status: ProspectStatus;
  /** The next open follow-up's due time (ISO with offset). */
  nextFollowUpAt?: string;
  updatedAt: string;
  /** True when unsaved form changes exist beside a saved intake. */
  hasDraft: boolean;
}

/** Reads the few fields a list row needs from an intake or a draft, whatever shape a draft is in. */
export function rowFields(
  value: unknown,
): Pick<ProspectSummary, 'firstName' | 'lastName' | 'meetingStartsAt' | 'timeZone'> {
  const obj = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);
  const prospect = obj(obj(value)['prospect']);
  const meeting = obj(obj(value)['meeting']);
  const startsAt = str(meeting['startsAt'], 40);
  const timeZone = str(meeting['timeZone'], 100);
  return {
    firstName: str(prospect['firstName'], 200) ?? '',
    lastName: str(prospect['lastName'], 200) ?? '',
    ...(startsAt ? { meetingStartsAt: startsAt } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

export function displayStatus(
  record: { status: StoredStatus },
  hasIntake: boolean,
  followUpDue: boolean,
): ProspectStatus {
  if (record.status === 'client' || record.status === 'closed') return record.status;
  if (followUpDue) return 'follow-up-due';
  if (record.status === 'met') return 'met';
  return hasIntake ? 'ready' : 'draft';
}

/** Meeting date first (soonest first), prospects without a meeting last, then by name. Stable for equal keys. */
export function compareProspects(a: ProspectSummary, b: ProspectSummary): number {
  const am = a.meetingStartsAt ?? '\uffff';
  const bm = b.meetingStartsAt ?? '\uffff';
  if (am !== bm) return am < bm ? -1 : 1;
  const an = `${a.lastName}\u0000${a.firstName}`;
  const bn = `${b.lastName}\u0000${b.firstName}`;
  if (an !== bn) return an < bn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Search as you type: every word of the query must start a word of the name (accents ignored). */
export function searchKey(p: Pick<ProspectSummary, 'firstName' | 'lastName'>): string {
  return fold(`${p.firstName} ${p.lastName}`);
}

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en');
}

/** The query's words, folded once per keystroke (not once per row). */
export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

export function matchesWords(key: string, words: readonly string[]): boolean {
  for (const w of words) if (!key.includes(w)) return false;
  return true;
}

export function matchesSearch(key: string, query: string): boolean {
  return matchesWords(key, searchWords(query));
}
