// Times as the advisor reads them: in the window's language, in a given zone.
import type { UiLanguage } from '../../i18n';

/** The system's regional format when it speaks the window's language (en-GB, fr-CA), else the language. */
export function uiLocale(language: UiLanguage): string {
  const system = globalThis.navigator?.language ?? '';
  return system.toLowerCase().startsWith(language) ? system : language;
}

export function advisorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Tuesday, December 8, 2026 at 10:00 AM". */
export function formatInstant(language: UiLanguage, iso: string, zone: string): string {
  return new Intl.DateTimeFormat(uiLocale(language), { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(
    new Date(iso),
  );
}

/** "Tuesday, December 8, 2026". */
export function formatDay(language: UiLanguage, iso: string, zone: string): string {
  return new Intl.DateTimeFormat(uiLocale(language), { dateStyle: 'full', timeZone: zone }).format(new Date(iso));
}

/** A wall-clock value (YYYY-MM-DDTHH:mm) in words, without converting it anywhere. */
export function formatLocal(language: UiLanguage, local: string): string {
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat(uiLocale(language), { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d, hh, mm)),
  );
}

/** "2 min 05 s" from seconds. */
export function minutesAndSeconds(seconds: number): { m: number; s: string } {
  return { m: Math.floor(seconds / 60), s: String(seconds % 60).padStart(2, '0') };
}
