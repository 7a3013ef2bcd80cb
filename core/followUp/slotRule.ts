// The follow-up slot rule: a follow-up 2 to 3 business days after the meeting, at the advisor's
// preferred time in their time zone, never on a weekend or one of their holidays. Pure (luxon).
import { DateTime } from 'luxon';
import { isoWithOffset, wallClockInZone } from '../locale/time';

export interface FollowUpRule {
  /** Wall-clock date of the meeting in its time zone, YYYY-MM-DD. */
  meetingDate: string;
  timeZone: string;
  /** HH:mm, the advisor's preferred time of day. */
  preferredTime: string;
  /** YYYY-MM-DD days the advisor does not work. */
  holidays: readonly string[];
}

export interface FollowUpSlot {
  dueAt: string;
  timeZone: string;
  businessDaysAfter: number;
}

// Luxon weekdays: 1 = Monday … 7 = Sunday.
const MONDAY = 1;
const FRIDAY = 5;
const isMidweek = (weekday: number) => weekday >= 2 && weekday <= 4;

/**
 * The follow-up slot: the 2nd or 3rd business day after the meeting, at the preferred time.
 * Tuesday to Thursday first; else the first candidate that is neither a Monday morning nor a
 * Friday afternoon; else the next Tuesday-to-Thursday after them. Days are counted on the
 * calendar (wall-clock dates), so daylight-saving changes cannot shift a day; only the final
 * local time is resolved in the zone.
 */
export function followUpSlot(rule: FollowUpRule): FollowUpSlot {
  const holidays = new Set(rule.holidays);
  // Calendar arithmetic in UTC: no DST, so every day is exactly one day.
  let day = DateTime.fromISO(rule.meetingDate, { zone: 'UTC' });
  const isBusinessDay = (d: DateTime) => d.weekday <= FRIDAY && !holidays.has(d.toISODate() ?? '');
  const [hour, minute] = rule.preferredTime.split(':').map(Number) as [number, number];
  const isAfternoon = hour >= 12;

  const candidates: { date: DateTime; count: number }[] = [];
  let count = 0;
  while (candidates.length < 2) {
    day = day.plus({ days: 1 });
    if (!isBusinessDay(day)) continue;
    count++;
    if (count >= 2) candidates.push({ date: day, count });
  }

  let chosen = candidates.find((c) => isMidweek(c.date.weekday));
  chosen ??= candidates.find(
    (c) => !(c.date.weekday === MONDAY && !isAfternoon) && !(c.date.weekday === FRIDAY && isAfternoon),
  );
  if (!chosen) {
    do {
      day = day.plus({ days: 1 });
      if (isBusinessDay(day)) count++;
    } while (!(isBusinessDay(day) && isMidweek(day.weekday)));
    chosen = { date: day, count };
  }

  const local = wallClockInZone(
    { year: chosen.date.year, month: chosen.date.month, day: chosen.date.day, hour, minute },
    rule.timeZone,
  );
  return { dueAt: isoWithOffset(local), timeZone: rule.timeZone, businessDaysAfter: chosen.count };
}

/** The calendar day of an instant in a zone, YYYY-MM-DD. */
export function dayInZone(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISODate() ?? new Date(epochMs).toISOString().slice(0, 10);
}

const calendarDay = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });
const businessDay = (d: DateTime, holidays: ReadonlySet<string>) =>
  d.weekday <= FRIDAY && !holidays.has(d.toISODate() ?? '');

/** The first business day (Monday to Friday, not a holiday) after `date`, YYYY-MM-DD. */
export function nextBusinessDay(date: string, holidays: readonly string[] = []): string {
  const off = new Set(holidays);
  let day = calendarDay(date).plus({ days: 1 });
  while (!businessDay(day, off)) day = day.plus({ days: 1 });
  return day.toISODate() ?? date;
}

/**
 * The first good day for a call at `preferredTime` on or after `date`: a business day that is
 * not a Monday morning or a Friday afternoon (the slot rule's bad slots), YYYY-MM-DD.
 */
export function goodDayFrom(date: string, preferredTime: string, holidays: readonly string[] = []): string {
  const off = new Set(holidays);
  const afternoon = Number(preferredTime.slice(0, 2)) >= 12;
  let day = calendarDay(date);
  while (!businessDay(day, off) || (day.weekday === MONDAY && !afternoon) || (day.weekday === FRIDAY && afternoon))
    day = day.plus({ days: 1 });
  return day.toISODate() ?? date;
}

/** `date` at the preferred time (HH:mm) in the zone, as ISO with its offset. */
export function atPreferredTime(date: string, preferredTime: string, zone: string): string {
  const d = calendarDay(date);
  const [hour, minute] = preferredTime.split(':').map(Number);
  return isoWithOffset(
    wallClockInZone({ year: d.year, month: d.month, day: d.day, hour: hour ?? 10, minute: minute ?? 0 }, zone),
  );
}
