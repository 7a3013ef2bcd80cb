// Follow-up times in the advisor's zone (the machine's), in the window's language, and the
// datetime-local values the advisor picks them with.
import { DateTime } from 'luxon';
import { isoWithOffset, wallClockInZone } from '../../../../core/locale/time';
import type { FollowUp } from '../../../../core/followUp/record';
import type { UiLanguage } from '../../i18n';

let zone: string | undefined;
/** The machine's zone, asked once: a new Intl.DateTimeFormat per row costs milliseconds. */
export function advisorZone(): string {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}|${options.timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** The system's regional format when it speaks the window's language (en-GB, fr-CA), else the language. */
function uiLocale(language: UiLanguage): string {
  const system = globalThis.navigator?.language ?? '';
  return system.toLowerCase().startsWith(language) ? system : language;
}

/** "Tuesday, December 8, 2026 at 10:00 AM". */
export function formatInstant(language: UiLanguage, iso: string, zone: string): string {
  return formatter(uiLocale(language), { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

export function formatTime(language: UiLanguage, iso: string, zone: string): string {
  return formatter(uiLocale(language), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

/** When it is (or was) due: the end of its snooze once snoozed, else its due time. */
export function dueInstant(f: Pick<FollowUp, 'status' | 'snoozedUntil' | 'dueAt'>): string {
  return f.status !== 'scheduled' && f.snoozedUntil ? f.snoozedUntil : f.dueAt;
}

/** An instant as a datetime-local value in `zone`: 2026-12-08T10:00. */
export function toLocalInput(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A datetime-local value read in `zone`, as ISO with that zone's offset; undefined when it is no date and time. */
export function fromLocalInput(local: string, zone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const dt = wallClockInZone(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) },
    zone,
  );
  return dt.isValid ? isoWithOffset(dt) : undefined;
}
