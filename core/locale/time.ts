// Wall-clock times in a time zone, and instants with their offset: the few luxon calls every
// date of the app goes through.
import { DateTime, IANAZone } from 'luxon';

/** A real IANA zone name (America/Los_Angeles, Europe/Paris, UTC), not an offset or abbreviation. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) || !IANAZone.isValidZone(zone)) return false;
  // ICU also accepts abbreviations such as "PST" that are not zones and hide DST rules: a name
  // without a slash must be one of the few IANA zones named that way.
  return zone.includes('/') || SLASHLESS_ZONES.has(zone.toUpperCase());
}

/** The IANA time zone database's zone and link names without a slash. */
const SLASHLESS_ZONES = new Set(
  [
    'UTC',
    'UCT',
    'GMT',
    'GMT0',
    'GMT+0',
    'GMT-0',
    'Greenwich',
    'Universal',
    'Zulu',
    'CET',
    'CST6CDT',
    'EET',
    'EST',
    'EST5EDT',
    'HST',
    'MET',
    'MST',
    'MST7MDT',
    'PST8PDT',
    'WET',
    'Cuba',
    'Egypt',
    'Eire',
    'GB',
    'GB-Eire',
    'Hongkong',
    'Iceland',
    'Iran',
    'Israel',
    'Jamaica',
    'Japan',
    'Kwajalein',
    'Libya',
    'Navajo',
    'NZ',
    'NZ-CHAT',
    'Poland',
    'Portugal',
    'PRC',
    'ROC',
    'ROK',
    'Singapore',
    'Turkey',
    'W-SU',
  ].map((z) => z.toUpperCase()),
);

/**
 * A wall-clock time in a zone as an instant. When the clocks go back the time happens twice: the
 * first occurrence is taken (an advisor means the first 01:30). When they go forward it does not
 * happen at all: Luxon moves it forward by the gap.
 */
export function wallClockInZone(
  fields: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): DateTime {
  const guess = DateTime.fromObject(fields, { zone });
  const wallAsUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  const offsets = new Set([guess.offset, guess.minus({ hours: 3 }).offset, guess.plus({ hours: 3 }).offset]);
  const matches = [...offsets]
    .map((offset) => DateTime.fromMillis(wallAsUtc - offset * 60_000, { zone }))
    .filter(
      (dt) =>
        dt.year === fields.year &&
        dt.month === fields.month &&
        dt.day === fields.day &&
        dt.hour === fields.hour &&
        dt.minute === fields.minute,
    )
    .sort((a, b) => a.toMillis() - b.toMillis());
  return matches[0] ?? guess;
}

/** ISO 8601 with a numeric offset (never `Z`), to the second: 2026-12-08T10:00:00-08:00. */
export function isoWithOffset(dt: DateTime): string {
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
