import { DateTime, IANAZone } from 'luxon';

/** A real IANA zone name (America/Los_Angeles, Europe/Paris, UTC), not an offset or abbreviation. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) || !IANAZone.isValidZone(zone)) return false;
  // ICU also accepts abbreviations such as "PST" that are not zones and hide DST rules: a name
  // without a slash must be one of the canonical IANA names (UTC, EST5EDT, …).
  return zone.includes('/') || zone === 'UTC' || zone === 'GMT' || canonicalZones().has(zone);
}

let zones: Set<string> | undefined;
function canonicalZones(): Set<string> {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zones;
}

/** A local date-time string read as wall-clock time in `zone`. */
export function localDateTime(value: string, zone: string): DateTime {
  return DateTime.fromISO(value, { zone, setZone: true });
}

/** ISO 8601 with a numeric offset (never `Z`), to the second: 2026-12-08T10:00:00-08:00. */
export function isoWithOffset(dt: DateTime): string {
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
