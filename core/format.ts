/** Formatting in the prospect's locale (full BCP 47 tag) with Intl only: pure and deterministic. */

// Building an Intl formatter costs far more than using one: keep one per locale and options.
const cache = new Map<string, { format(value: never): string }>();
function cached<T extends { format(value: never): string }>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) => cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export function formatMoney(locale: string, currency: string, amount: number): string {
  return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(locale: string, n: number): string {
  return numberFormat(locale, {}).format(n);
}

/** A wall-clock date (YYYY-MM-DD) in words: "Thursday, December 3, 2026". */
export function formatLongDate(locale: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant in words in a zone, without the year: "Tuesday, December 8 at 10:00 AM". */
export function formatDayAndTime(locale: string, isoInstant: string, timeZone: string): { day: string; time: string } {
  const instant = new Date(isoInstant);
  const day = dateFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(instant);
  const time = dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
  return { day, time };
}

export function formatList(locale: string, items: readonly string[]): string {
  return cached('l', locale, {}, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items as never);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// East Asian wide and full-width characters, and emoji, take about two Latin letters' room.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]|\p{Extended_Pictographic}/u;

/** How much room text takes, in Latin letters: a CJK character or an emoji counts two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

/**
 * Shortens text to `max` units of width (a Latin letter is one, a CJK character two) with an
 * ellipsis, at a word boundary when one is near, never inside a character (grapheme), so a long
 * answer never overflows a slide. The full text stays in the speaker notes.
 */
export function clip(text: string, max: number): string {
  // Only ASCII white space is folded: the no-break spaces of formatted money (850 000 $) must stay.
  const folded = text.replace(/[ \t\n\r]+/g, ' ').trim();
  // No character is wider than two units per UTF-16 code unit: short texts need no measuring.
  if (folded.length * 2 <= max) return folded;
  let width = 0;
  let kept = '';
  let fitsWithEllipsis = -1;
  // One pass that stops as soon as the text is known to be too wide: long texts stay cheap.
  for (const { segment } of graphemes.segment(folded)) {
    const w = WIDE.test(segment) ? 2 : 1;
    if (fitsWithEllipsis < 0 && width + w > max - 1) fitsWithEllipsis = kept.length;
    if (width + w > max) {
      const cut = kept.slice(0, fitsWithEllipsis);
      const space = cut.lastIndexOf(' ');
      const base = space > cut.length * 0.6 ? cut.slice(0, space) : cut;
      return `${base.replace(/[\s,;:.\-–—、。，]+$/u, '')}…`;
    }
    width += w;
    kept += segment;
  }
  return folded;
}

/**
 * Fills {name} placeholders of a trusted template with values, in one pass, so text a person
 * typed (which may itself contain "{firstName}" or "${x}") is never interpreted again.
 * Returns undefined when a placeholder has no value: the caller drops that line.
 */
export function fill(template: string, values: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const out = template.replace(/\{([A-Za-z]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? undefined : out;
}
