// Numbers, money, dates and lists in the prospect's locale, and text clipped by what a person
// sees (grapheme clusters, wide characters): what every slide, summary and email prints.
import { segmentGraphemes } from '../text/graphemes';

/** Formatting in the prospect's locale (full BCP 47 tag) with Intl only: pure and deterministic. */

// Building an Intl formatter costs far more than using one: keep one per locale and options.
const cache = new Map<string, { format(value: never): string }>();
function cached<T extends { format(value: never): string }>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

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
  return cached('l', locale, {}, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(
    items as never,
  );
}

// East Asian wide and full-width characters, and emoji, take about two Latin letters' room.
const WIDE = new RegExp(
  String.raw`[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3` +
    String.raw`\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]|\p{Extended_Pictographic}`,
  'u',
);

/** How much room text takes, in Latin letters: a CJK character or an emoji counts two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmentGraphemes(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

/**
 * Shortens text to `max` units of width (a Latin letter is one, a CJK character two) with an
 * ellipsis, at a word boundary when one is near, never inside a character (grapheme), so a long
 * answer never overflows a slide. The full text stays in the speaker notes.
 *
 * Linear in what it keeps: only a leading window of the text is folded and measured, twice as
 * long each time it turns out too short, so a 2,000-character answer clipped to 110 costs about
 * what a 110-character one does. Graphemes are found by the rules of UAX #29 for what is common
 * (letters, accents, emoji, flags, Indic conjuncts) and by Intl.Segmenter for the rest, with the
 * same result: the segmenter alone takes about a microsecond a grapheme, and planDeck clips
 * some fifty texts.
 */
export function clip(text: string, max: number): string {
  // No character is wider than two units per UTF-16 code unit: short texts need no measuring.
  if (text.length * 2 <= max) return fold(text).trim();
  for (let size = 2 * max + 16; ; size *= 2) {
    const whole = size >= text.length;
    const folded = whole ? fold(text).trim() : fold(text.slice(0, size)).trimStart();
    if (whole && folded.length * 2 <= max) return folded;
    const cut = clipWindow(folded, max, whole);
    if (cut !== undefined) return cut;
    if (whole) return folded;
  }
}

/** Only ASCII white space is folded: the no-break spaces of formatted money (850 000 $) must stay. */
function fold(s: string): string {
  // Only the runs that change (two or more, or a tab or line break): a text with single spaces
  // only comes back as it is, not rebuilt piece by piece.
  return s.replace(/[\t\n\r][ \t\n\r]*| [ \t\n\r]+/g, ' ');
}

/**
 * clip() on the start of a text: the clipped text, or undefined when the window ran out before
 * the text was known to be too wide. A grapheme that reaches the end of a partial window may go
 * on past it: it is never measured.
 */
function clipWindow(folded: string, max: number, whole: boolean): string | undefined {
  let width = 0;
  let kept = 0;
  let fitsWithEllipsis = -1;
  let segments: Intl.Segments | undefined;
  while (kept < folded.length) {
    let next: number | undefined;
    let wide = false;
    const code = folded.charCodeAt(kept);
    const after = kept + 1 < folded.length ? folded.charCodeAt(kept + 1) : 0x20;
    // Printable ASCII followed by printable ASCII (or the end) is a grapheme of its own, one unit
    // wide: most of what an advisor types, without the lookups below.
    if (code >= 0x20 && code < 0x7f && after >= 0x20 && after < 0x7f) next = kept + 1;
    else {
      next = graphemeEnd(folded, kept);
      wide = clusterWide;
    }
    if (next === undefined) {
      // The rest: Hangul jamo, prepended marks, a grapheme that starts with a mark or a joiner,
      // a code point unknown to this version of Unicode.
      segments ??= segmentGraphemes(folded);
      const found = segments.containing(kept);
      next = Math.max(kept + 1, found ? found.index + found.segment.length : 0);
      wide = WIDE.test(folded.slice(kept, next));
    }
    if (next >= folded.length && !whole) return undefined;
    const w = wide ? 2 : 1;
    if (fitsWithEllipsis < 0 && width + w > max - 1) fitsWithEllipsis = kept;
    if (width + w > max) return ellipsized(folded.slice(0, fitsWithEllipsis));
    width += w;
    kept = next;
  }
  return whole ? folded : undefined;
}

/** The kept start of a clipped text, at a word boundary when one is near, with the ellipsis. */
function ellipsized(cut: string): string {
  const space = cut.lastIndexOf(' ');
  const base = space > cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.\-–—、。，]+$/u, '')}…`;
}

// What clip() needs to know of a code point, as bits: whether it is wide, and its part in the
// rules of UAX #29 that graphemeEnd() applies itself. Looked up once per code point and kept.
const WIDE_CP = 1;
/** GB4, GB5: alone, whatever surrounds it (but the prepended marks and the joiners). */
const CONTROL = 2;
/** GB9: always joins what precedes it. */
const EXTEND = 4;
/** GB11: a pictograph, joined to the one before it by a zero-width joiner. */
const PICTOGRAPH = 8;
/** GB12, GB13: a regional indicator, two of which make a flag. */
const REGIONAL = 16;
/** A letter or mark of a script where a virama may join two consonants (GB9c). */
const BRAHMIC = 32;
/** Joins what follows it, or is not known to be alone: prepended marks, joiners, Hangul jamo. */
const ASK_FIRST = 64;
/** May join what precedes it by another rule than GB9 and GB9a: Hangul jamo (GB6 to GB8). */
const ASK_AFTER = 128;
const KNOWN = 256;
// GB9c (Indic_Conjunct_Break): a consonant, then extenders with at least one linker (a virama)
// among them, joins the next consonant. The segmenter says which code points are which, once.
const CONSONANT = 512;
const LINKER = 1024;
const LINKABLE = 2048;

const within = (cp: number, ranges: readonly (readonly [number, number])[]) =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
// Prepended concatenation marks (format characters that join what follows) and the joiners.
const NOT_CONTROL: readonly (readonly [number, number])[] = [
  [0x200c, 0x200d],
  [0x600, 0x605],
  [0x6dd, 0x6dd],
  [0x70f, 0x70f],
  [0x890, 0x891],
  [0x8e2, 0x8e2],
  [0x110bd, 0x110bd],
  [0x110cd, 0x110cd],
];
// Other prepended letters, and Hangul jamo, which join by rules of their own.
const PREPENDED: readonly (readonly [number, number])[] = [
  [0xd4e, 0xd4e],
  [0x111c2, 0x111c3],
  [0x1193f, 0x1193f],
  [0x11941, 0x11941],
  [0x11a3a, 0x11a3a],
  [0x11a84, 0x11a89],
  [0x11d46, 0x11d46],
  [0x11f02, 0x11f02],
  [0x113d1, 0x113d1],
];
const JAMO: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0xa960, 0xa97f],
  [0xd7b0, 0xd7ff],
];
// Scripts whose letters a virama may join (Indic_Conjunct_Break), with room to spare: Indic,
// Tibetan, Myanmar, Khmer, Tai Tham, Balinese to Lepcha, Syloti Nagri to Meetei Mayek, Kharoshthi,
// and the historic Brahmic scripts.
const BRAHMIC_SCRIPTS: readonly (readonly [number, number])[] = [
  [0x900, 0xdff],
  [0xf00, 0xfff],
  [0x1000, 0x109f],
  [0x1780, 0x17ff],
  [0x1a20, 0x1aaf],
  [0x1b00, 0x1c4f],
  [0xa800, 0xa8ff],
  [0xa900, 0xaaff],
  [0xabc0, 0xabff],
  [0x10a00, 0x10a5f],
  [0x11000, 0x11fff],
];

function classify(cp: number): number {
  const char = String.fromCodePoint(cp);
  let bits = KNOWN;
  if (WIDE.test(char)) bits |= WIDE_CP;
  if (within(cp, BRAHMIC_SCRIPTS)) bits |= BRAHMIC;
  if (within(cp, JAMO)) bits |= ASK_FIRST | ASK_AFTER;
  // Letters, most of what is typed, are none of the rest but for a few (the halfwidth kana
  // voicing marks extend, Thai and Lao AM are spacing marks, some prepend; among the symbols
  // and emoji, ℹ is a pictograph): one test for them.
  if ((cp < 0x2000 || (cp >= 0x2c00 && cp < 0x1f000)) && cp !== 0xff9e && cp !== 0xff9f && /\p{L}/u.test(char)) {
    if (cp === 0xe33 || cp === 0xeb3) bits |= ASK_AFTER;
    if (within(cp, PREPENDED)) bits |= ASK_FIRST;
    if (bits & BRAHMIC && single(`क्${char}`)) bits |= CONSONANT;
    return bits;
  }
  const unknown = /[\p{Cn}\p{Cs}]/u.test(char);
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char) && !within(cp, NOT_CONTROL)) bits |= CONTROL;
  if (/[\p{Grapheme_Extend}\p{Emoji_Modifier}]/u.test(char)) bits |= EXTEND;
  if (/\p{Extended_Pictographic}/u.test(char)) bits |= PICTOGRAPH;
  if (/\p{Regional_Indicator}/u.test(char)) bits |= REGIONAL;
  if (unknown || /\p{Cf}/u.test(char) || within(cp, PREPENDED)) bits |= ASK_FIRST;
  if (unknown) bits |= ASK_AFTER;
  // A spacing mark joins what precedes it (GB9a), but for a few that do not: the segmenter says
  // which, once. Either way it is alone at the start of a grapheme (handled like an extender).
  if (/\p{Mc}/u.test(char) && single(`x${char}`)) bits |= EXTEND;
  if (bits & EXTEND || cp === 0x200d) {
    // Probed with क and the virama ्, an Indic consonant and linker: the rule is blind to scripts.
    if (single(`क${char}क`)) bits |= LINKER;
    else if (single(`क्${char}क`)) bits |= LINKABLE;
  }
  return bits;
}

// The Basic Multilingual Plane and the next three (emoji, historic scripts, rare ideographs)
// in one table, filled as code points are met; the few beyond in a map.
let table: Uint16Array | undefined;
const beyond = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x40000) {
    table ??= new Uint16Array(0x40000);
    return (table[cp] ||= classify(cp));
  }
  let bits = beyond.get(cp);
  if (bits === undefined) {
    bits = classify(cp);
    if (beyond.size >= 65536) beyond.clear();
    beyond.set(cp, bits);
  }
  return bits;
}

const single = (s: string) => [...segmentGraphemes(s)].length === 1;

function length(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Whether the grapheme graphemeEnd() last found is wide (any of its code points is). */
let clusterWide = false;

/**
 * Where the grapheme starting at `start` ends, for the common cases: a control alone; a letter,
 * a pictograph or a flag with its accents, modifiers and joined pictographs (GB9, GB11, GB12).
 * Everything else, and anything after it that a rule could join to it, is left to the
 * segmenter (undefined).
 */
function graphemeEnd(s: string, start: number): number | undefined {
  let cp = s.codePointAt(start) ?? 0;
  let bits = classOf(cp);
  let end = start + length(cp);
  clusterWide = (bits & WIDE_CP) !== 0;
  if (bits & CONTROL) return end;
  if (bits & (ASK_FIRST | EXTEND)) return undefined;
  let pictograph = (bits & PICTOGRAPH) !== 0;
  // In a conjunct: since its last consonant, only linkable extenders; `linked`: a linker too.
  let conjunct = (bits & CONSONANT) !== 0;
  let linked = false;
  // A flag: regional indicators pair from the start of the grapheme.
  if (bits & REGIONAL && end < s.length && classOf(s.codePointAt(end) ?? 0) & REGIONAL) end += 2;
  while (end < s.length) {
    cp = s.codePointAt(end) ?? 0;
    bits = classOf(cp);
    if (bits & ASK_AFTER) return undefined;
    if (bits & (EXTEND | LINKER | LINKABLE) || cp === 0x200d) {
      if (bits & LINKER) linked = true;
      else if (!(bits & LINKABLE)) conjunct = false;
    }
    if (conjunct && linked && bits & CONSONANT) {
      end += length(cp);
      linked = false;
      if (bits & WIDE_CP) clusterWide = true;
    } else if (bits & EXTEND) {
      end += length(cp);
      if (bits & WIDE_CP) clusterWide = true;
    } else if (cp === 0x200d) {
      end += 1;
      const after = end < s.length ? (s.codePointAt(end) ?? 0) : 0;
      const afterBits = classOf(after);
      if (pictograph && afterBits & PICTOGRAPH) {
        end += length(after);
        if (afterBits & WIDE_CP) clusterWide = true;
      } else pictograph = false;
    } else return end;
  }
  return end;
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
