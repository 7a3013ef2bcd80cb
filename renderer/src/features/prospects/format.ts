// Dates in the list, in the UI language, in the meeting's own zone (as typed).
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, zone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      ...(zone ? { timeZone: zone } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/** `2026-12-03T14:00` is wall-clock time in its zone: shown as typed, with no conversion. */
export function formatLocalDateTime(value: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return Number.isNaN(date.getTime()) ? value : formatter(locale, 'UTC').format(date);
}

export function formatInstant(iso: string, locale: string, zone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(locale, zone).format(date);
  } catch {
    return formatter(locale).format(date);
  }
}
