import { DateTime } from 'luxon';
import { isoWithOffset, wallClockInZone } from './time';

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
  chosen ??= candidates.find((c) => !(c.date.weekday === MONDAY && !isAfternoon) && !(c.date.weekday === FRIDAY && isAfternoon));
  if (!chosen) {
    do {
      day = day.plus({ days: 1 });
      if (isBusinessDay(day)) count++;
    } while (!(isBusinessDay(day) && isMidweek(day.weekday)));
    chosen = { date: day, count };
  }

  const local = wallClockInZone({ year: chosen.date.year, month: chosen.date.month, day: chosen.date.day, hour, minute }, rule.timeZone);
  return { dueAt: isoWithOffset(local), timeZone: rule.timeZone, businessDaysAfter: chosen.count };
}
