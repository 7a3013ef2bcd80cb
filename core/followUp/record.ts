// A FollowUp as the follow-up store keeps it (follow-ups/<id>.json): status, due time, channel,
// snoozes and history; and the store's settings. Checked when read.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { isoWithOffset, isTimeZone } from '../locale/time';
import { atPreferredTime, dayInZone, nextBusinessDay } from './slotRule';

/**
 * A follow-up: the reminder that brings the advisor back to a prospect 2 to 3 business days
 * after the meeting, and what to send or say then. Pure: every transition takes `now` (epoch
 * milliseconds) and returns a new record; the store persists, the scheduler decides when.
 *
 * Life cycle:
 *   scheduled ──(its time comes)──▶ due ──▶ done | cancelled
 *        │  ▲                        │
 *        │  └──── reschedule ────────┤
 *        └──▶ snoozed ◀──── snooze ──┘   snoozed ──(its time comes)──▶ due
 * A record fires once per due time: firing moves it to `due`, which has no next fire time.
 */

export const FOLLOW_UP_STATUSES = ['scheduled', 'due', 'snoozed', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_CHANNELS = ['email', 'call'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

/** The version of a record as stored; a record from a newer app is reported, never rewritten. */
export const FOLLOW_UP_RECORD_VERSION = 1;

/** HH:mm, 24-hour. */
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** File-name safe: the store names each record's file after its id. */
export const FOLLOW_UP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

// Regex only (no luxon) so that checking 10,000 records on open stays cheap.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:[+-]\d{2}:\d{2}|Z)$/;
const instant = z
  .string()
  .regex(ISO_INSTANT, 'must be an ISO date and time with an offset, like 2026-12-08T10:00:00-08:00')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a real date and time');

// Control characters other than tab and newline never belong in a record: they would break
// the mail headers and calendar lines built from it.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !CONTROL.test(v), 'contains a control character');
// Checking a zone name costs ~75 µs (Intl); a store holds thousands of records in a few zones.
const zoneChecks = new Map<string, boolean>();
function knownZone(zone: string): boolean {
  let ok = zoneChecks.get(zone);
  if (ok === undefined) {
    ok = isTimeZone(zone);
    if (zoneChecks.size < 1000) zoneChecks.set(zone, ok);
  }
  return ok;
}
const line = (max: number) => safeText(max).refine((v) => !v.includes('\n'), 'must be one line');

export const followUpSchema = z.strictObject({
  v: z.literal(FOLLOW_UP_RECORD_VERSION),
  id: z.string().regex(FOLLOW_UP_ID, 'must be lowercase letters, digits and dashes'),
  prospectId: z.string().min(1).max(200),
  prospectName: line(300).min(1),
  /** When the advisor should follow up, with the offset of `timeZone` at that instant. */
  dueAt: instant,
  /** The zone the due time was chosen in (the meeting's): "tomorrow at 10:00" is read there. */
  timeZone: z.string().refine(knownZone, 'must be an IANA time zone'),
  status: z.enum(FOLLOW_UP_STATUSES),
  createdAt: instant,
  /** When it last fired (moved to `due`). */
  firedAt: instant.optional(),
  /** While snoozed: when it fires again. Kept after that firing, as the time it came due. */
  snoozedUntil: instant.optional(),
  doneAt: instant.optional(),
  cancelledAt: instant.optional(),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  subject: line(1000),
  // 50 questions with 2,000-character answers fit, with room to spare.
  body: safeText(1_000_000),
  prospectEmail: line(254).optional(),
  prospectPhone: line(2000).optional(),
});

export type FollowUp = z.output<typeof followUpSchema>;

export type RecordCheck = { ok: true; value: FollowUp } | { ok: false; message: string };

/**
 * Checks a record as read from disk. Older versions would be migrated here, one step per
 * version (there is only version 1 so far); a newer version is refused, so an older app
 * never rewrites a record it does not understand.
 */
export function checkFollowUp(input: unknown): RecordCheck {
  const version = typeof input === 'object' && input !== null ? (input as { v?: unknown }).v : undefined;
  if (typeof version === 'number' && version > FOLLOW_UP_RECORD_VERSION) {
    return { ok: false, message: `written by a newer version of the app (record version ${version})` };
  }
  const migrated = migrateRecord(input);
  const result = followUpSchema.safeParse(migrated);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    message: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
  };
}

/** Record migrations, keyed by the version they upgrade from. Empty until version 2 exists. */
const RECORD_MIGRATIONS: Readonly<Record<number, (record: Record<string, unknown>) => Record<string, unknown>>> = {};

function migrateRecord(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  let record = input as Record<string, unknown>;
  for (
    let v = typeof record['v'] === 'number' ? record['v'] : FOLLOW_UP_RECORD_VERSION;
    v < FOLLOW_UP_RECORD_VERSION;
    v++
  ) {
    const step = RECORD_MIGRATIONS[v];
    if (!step) break;
    record = step(record);
  }
  return record;
}

export class FollowUpTransitionError extends Error {
  override name = 'FollowUpTransitionError';
}

const ACTIVE: ReadonlySet<FollowUpStatus> = new Set(['scheduled', 'due', 'snoozed']);

export function isActive(record: FollowUp): boolean {
  return ACTIVE.has(record.status);
}

/** An instant as ISO with the offset of `zone` at that instant: 2026-12-08T10:00:00-08:00. */
export function isoAt(epochMs: number, zone: string): string {
  return isoWithOffset(DateTime.fromMillis(epochMs, { zone }));
}

const ms = (iso: string) => Date.parse(iso);

/** When the record fires next (epoch ms), or undefined when it has fired or is closed. */
export function nextFireAt(record: FollowUp): number | undefined {
  if (record.status === 'scheduled') return ms(record.dueAt);
  if (record.status === 'snoozed' && record.snoozedUntil) return ms(record.snoozedUntil);
  return undefined;
}

/** The time the record is (or was) due: its snooze time if it was snoozed, else dueAt. */
export function whenDue(record: FollowUp): number {
  return ms(record.status !== 'scheduled' && record.snoozedUntil ? record.snoozedUntil : record.dueAt);
}

function requireActive(record: FollowUp, action: string): void {
  if (!isActive(record)) throw new FollowUpTransitionError(`cannot ${action} a follow-up that is ${record.status}`);
}

export interface NewFollowUp {
  id: string;
  prospectId: string;
  prospectName: string;
  dueAt: string;
  timeZone: string;
  channel: FollowUpChannel;
  subject: string;
  body: string;
  prospectEmail?: string | undefined;
  prospectPhone?: string | undefined;
}

// Line breaks and ordinary spaces fold to one space; no-break spaces stay.
const oneLine = (s: string) => s.replace(/[ \t\n\v\f\r\u0085\u2028\u2029]+/g, ' ').replace(/^ | $/g, '');

export function createFollowUp(input: NewFollowUp, now: number): FollowUp {
  const record: FollowUp = {
    v: FOLLOW_UP_RECORD_VERSION,
    id: input.id,
    prospectId: input.prospectId,
    // One line: a name is shown in a notification and a calendar title.
    prospectName: oneLine(input.prospectName),
    dueAt: normaliseInstant(input.dueAt, input.timeZone),
    timeZone: input.timeZone,
    status: 'scheduled',
    createdAt: isoAt(now, input.timeZone),
    channel: input.channel,
    subject: oneLine(input.subject),
    body: input.body,
    ...(input.prospectEmail ? { prospectEmail: input.prospectEmail } : {}),
    ...(input.prospectPhone ? { prospectPhone: oneLine(input.prospectPhone) } : {}),
  };
  const checked = followUpSchema.safeParse(record);
  if (!checked.success)
    throw new FollowUpTransitionError(
      `invalid follow-up: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return checked.data;
}

/** Any ISO instant the advisor gives, restated with the offset of the follow-up's zone. */
export function normaliseInstant(iso: string, zone: string): string {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    throw new FollowUpTransitionError(`"${iso}" is not a date and time with an offset, like 2026-12-08T10:00:00-08:00`);
  }
  return isoAt(parsed.toMillis(), zone);
}

/** The record came due: it shows as due until the advisor acts. */
export function markFired(record: FollowUp, now: number): FollowUp {
  if (nextFireAt(record) === undefined)
    throw new FollowUpTransitionError(`cannot fire a follow-up that is ${record.status}`);
  return { ...record, status: 'due', firedAt: isoAt(now, record.timeZone) };
}

export function snooze(record: FollowUp, until: number, now: number): FollowUp {
  requireActive(record, 'snooze');
  if (!(until > now)) throw new FollowUpTransitionError('a follow-up can only be snoozed until a later time');
  return { ...record, status: 'snoozed', snoozedUntil: isoAt(until, record.timeZone) };
}

/** A new due time: the record is scheduled again and fires once more, at that time. */
export function reschedule(record: FollowUp, dueAt: string): FollowUp {
  requireActive(record, 'reschedule');
  const next: FollowUp = { ...record, status: 'scheduled', dueAt: normaliseInstant(dueAt, record.timeZone) };
  delete next.firedAt;
  delete next.snoozedUntil;
  return next;
}

export function complete(record: FollowUp, now: number): FollowUp {
  requireActive(record, 'complete');
  return { ...record, status: 'done', doneAt: isoAt(now, record.timeZone) };
}

export function cancel(record: FollowUp, now: number): FollowUp {
  requireActive(record, 'cancel');
  return { ...record, status: 'cancelled', cancelledAt: isoAt(now, record.timeZone) };
}

export type SnoozeOption =
  | { kind: 'hour' }
  | { kind: 'tomorrow'; preferredTime: string; holidays?: readonly string[] | undefined }
  | { kind: 'at'; at: string };

/**
 * When a snooze ends; never earlier than the follow-up was due. "An hour" is an hour after the
 * later of its due time and now. "Tomorrow" is the next business day (not a weekend or holiday)
 * after that later day, in the follow-up's zone, at the advisor's preferred time there: a
 * Friday one goes to Monday, one due next Tuesday to next Wednesday. A preferred time that does
 * not exist that day (skipped by DST) moves forward, as clocks do.
 */
export function snoozeUntil(option: SnoozeOption, record: FollowUp, now: number): number {
  const from = Math.max(nextFireAt(record) ?? now, now);
  switch (option.kind) {
    case 'hour':
      return from + 60 * 60 * 1000;
    case 'tomorrow': {
      if (!HH_MM.test(option.preferredTime))
        throw new FollowUpTransitionError(`"${option.preferredTime}" is not a time like 10:00`);
      const day = nextBusinessDay(dayInZone(from, record.timeZone), option.holidays);
      return Date.parse(atPreferredTime(day, option.preferredTime, record.timeZone));
    }
    case 'at':
      return Date.parse(normaliseInstant(option.at, record.timeZone));
  }
}

export interface FollowUpLists {
  /** Came due (or should have) and not acted on yet, oldest first. */
  overdue: FollowUp[];
  /** Due later today, in the advisor's zone. */
  today: FollowUp[];
  /** Due after today. */
  upcoming: FollowUp[];
}

/** The open follow-ups in three lists, each by due time; done and cancelled ones are left out. */
export function groupFollowUps(records: Iterable<FollowUp>, now: number, zone: string): FollowUpLists {
  const sectionOf = sections(now, zone);
  const lists: FollowUpLists = { overdue: [], today: [], upcoming: [] };
  const timed: [number, FollowUp][] = [];
  for (const r of records) if (isActive(r)) timed.push([whenDue(r), r]);
  timed.sort((a, b) => a[0] - b[0] || (a[1].id < b[1].id ? -1 : 1));
  for (const [t, r] of timed) lists[sectionOf(r, t)].push(r);
  return lists;
}

/** Which list an open follow-up due at `t` (whenDue) is in, at `now` in `zone`. */
function sections(now: number, zone: string): (r: FollowUp, t: number) => keyof FollowUpLists {
  const endOfToday = DateTime.fromMillis(now, { zone }).endOf('day').toMillis();
  return (r, t) => (r.status === 'due' || t <= now ? 'overdue' : t <= endOfToday ? 'today' : 'upcoming');
}

/** How many of the open follow-ups each list of groupFollowUps holds, without sorting them. */
export function countFollowUps(
  records: Iterable<FollowUp>,
  now: number,
  zone: string,
): Record<keyof FollowUpLists, number> {
  const sectionOf = sections(now, zone);
  const counts = { overdue: 0, today: 0, upcoming: 0 };
  for (const r of records) if (isActive(r)) counts[sectionOf(r, whenDue(r))]++;
  return counts;
}

/**
 * A follow-up as the Follow-ups screen lists it: all but the words of its email (up to a
 * megabyte each), which are asked for when the advisor opens that one draft.
 */
export type FollowUpListItem = Omit<FollowUp, 'subject' | 'body'>;
export type FollowUpSection = keyof FollowUpLists;

/** What one call lists: the first items of each section, and how many each holds in all. */
export interface FollowUpPage {
  overdue: FollowUpListItem[];
  today: FollowUpListItem[];
  upcoming: FollowUpListItem[];
  counts: Record<FollowUpSection, number>;
}

export function listItem(f: FollowUp): FollowUpListItem {
  const { subject: _subject, body: _body, ...item } = f;
  void _subject;
  void _body;
  return item;
}

/**
 * The lists as a page: each section's first `limits[section]` items (every item when no limit
 * is given), plus the follow-up `include` wherever it is in its section (the one a reminder
 * opens), after the others.
 */
export function pageFollowUps(
  lists: FollowUpLists,
  options: { limits?: Partial<Record<FollowUpSection, number>> | undefined; include?: string | undefined } = {},
): FollowUpPage {
  const section = (key: FollowUpSection): FollowUpListItem[] => {
    const all = lists[key];
    const limit = options.limits?.[key];
    const first = limit === undefined ? all : all.slice(0, limit);
    const wanted =
      options.include !== undefined && first.length < all.length && !first.some((f) => f.id === options.include)
        ? all.find((f) => f.id === options.include)
        : undefined;
    return (wanted ? [...first, wanted] : first).map(listItem);
  };
  return {
    overdue: section('overdue'),
    today: section('today'),
    upcoming: section('upcoming'),
    counts: { overdue: lists.overdue.length, today: lists.today.length, upcoming: lists.upcoming.length },
  };
}

/** The advisor's follow-up settings, kept in the store's conf document. */
export const followUpSettingsSchema = z.strictObject({
  /** Keep running in the tray when the window closes, so reminders still fire. */
  keepInTray: z.boolean().default(true),
  /** Start (hidden, in the tray) when the advisor logs in. */
  openAtLogin: z.boolean().default(false),
  /** "Snooze until tomorrow" means tomorrow at this time (HH:mm). */
  preferredTime: z.string().regex(HH_MM, 'must be a time like 10:00').default('10:00'),
  /** A prospect whose follow-up is done with no next step is called back this many days later; 0 turns it off. */
  winBackDays: z.number().int().min(0).max(730).default(90),
});
export type FollowUpSettings = z.output<typeof followUpSettingsSchema>;
export const DEFAULT_SETTINGS: FollowUpSettings = followUpSettingsSchema.parse({});
