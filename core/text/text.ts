// Text a person typed, as the schemas take it: length limits in characters as a person sees
// them, and the controls, bidi overrides and floods of marks that are refused or cleaned.
import { z } from 'zod';
import { LIMITS } from './limits';
import { segmentGraphemes } from './graphemes';
import { canonicalLocale } from '../locale/locale';

/** Length limits from the intake contract, counted in characters as a person sees them (grapheme clusters). */
export { LIMITS };

// C0 controls other than tab (\t) and newline (\n): they hide text, break files line-based
// formats (ICS, mail headers) and never come from a person typing.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F]/u;
// A lone surrogate (possible in JSON via "\ud800") is not a character: fonts, PDF and mail break on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * A text is refused uncounted past this many UTF-16 code units per allowed character: room for
 * the longest real clusters (a family emoji is 11 units, so a name of 100 of them still passes;
 * a flag is 4, a Devanagari conjunct with its vowel sign 4 to 6) while no text can be large
 * enough to make the checks below, or the .ics folding and font shaping after them, slow.
 */
export const UNITS_PER_CHARACTER = 12;

/**
 * Combining marks stacked on one letter: real scripts stack a few (Vietnamese typed decomposed
 * 2, Hebrew with niqqud and cantillation 3 or 4, Tibetan stacks a few more); a long run is
 * "Zalgo" text, or a way to make one character cost minutes downstream.
 */
export const MAX_COMBINING_RUN = 16;
// Zero-width joiners count too: they attach like marks (an emoji family has one between each
// person, never two in a row).
const COMBINING_RUN = new RegExp(String.raw`[\p{M}\u200C\u200D]{${MAX_COMBINING_RUN + 1},}`, 'u');

/**
 * Node 20's segmenter costs time and memory in the square of the text's length (every segment
 * it returns costs as much as the whole text: 80,000 characters exhaust a 4 GB heap), so it is
 * given short windows: each starts on a cluster boundary and its last
 * (perhaps cut) cluster is segmented again as the start of the next window. A window never
 * ends inside a surrogate pair, so the code point after every boundary it reports is whole.
 */
const WINDOW = 64;

/**
 * Characters that never join the one before or after them into a cluster (none is a mark, a
 * joiner, a prefix, a Hangul jamo or a regional indicator): two in a row are two clusters,
 * counted without the segmenter. ASCII (without CR), Latin, Greek, Cyrillic, Hebrew and Arabic
 * letters, kana and CJK ideographs: most of what people type.
 */
function isSimple(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) ||
    c === 0x09 ||
    c === 0x0a ||
    (c >= 0xa0 && c <= 0x24f) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x482) ||
    (c >= 0x48a && c <= 0x52f) ||
    (c >= 0x5d0 && c <= 0x5ea) ||
    (c >= 0x621 && c <= 0x64a) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x4e00 && c <= 0x9fff)
  );
}

/**
 * Characters as a person counts them: grapheme clusters, so an accent typed as a combining mark
 * or a family emoji (several code points) is one character. Linear in the text's length.
 */
export function characterCount(s: string): number {
  let count = 0;
  let start = 0;
  let width = WINDOW;
  while (start < s.length) {
    while (start + 1 < s.length && isSimple(s.charCodeAt(start)) && isSimple(s.charCodeAt(start + 1))) {
      count++;
      start++;
    }
    if (start + 1 === s.length && isSimple(s.charCodeAt(start))) return count + 1;
    let end = start + width;
    if (end >= s.length) {
      const rest = segmentGraphemes(start === 0 ? s : s.slice(start))[Symbol.iterator]();
      while (!rest.next().done) count++;
      return count;
    }
    const code = s.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    let last = 0;
    let whole = 0;
    for (const segment of segmentGraphemes(s.slice(start, end))) {
      if (segment.index > 0) whole++;
      last = segment.index;
    }
    if (last === 0) {
      // One cluster fills the window: widen it until the cluster's end is inside.
      width *= 2;
      continue;
    }
    count += whole;
    start += last;
    width = WINDOW;
  }
  return count;
}

/** Code points: what a person would call the characters of a text too long to segment. */
function codePointCount(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * Why a text is longer than `max` characters, or undefined. Cheapest first: the UTF-16 length
 * bounds the number of characters from above (no text within `max` units is too long) and the
 * work of counting them (nothing over `UNITS_PER_CHARACTER × max` units is segmented).
 */
function tooLong(value: string, max: number): string | undefined {
  if (value.length <= max) return undefined;
  if (value.length > max * UNITS_PER_CHARACTER)
    return `is too long: ${codePointCount(value)} characters, at most ${max}`;
  const length = characterCount(value);
  return length > max ? `is too long: ${length} characters, at most ${max}` : undefined;
}

/**
 * Free text as a person typed it. No character blacklist beyond controls: safety comes
 * from escaping at every output, so apostrophes, angle brackets, CJK and RTL all pass.
 * Leading and trailing white space is trimmed (a form's stray spaces are never meaningful).
 */
export function text(max: number, opts: { required?: boolean } = {}) {
  return (
    z
      .string()
      .check((ctx) => {
        const value = ctx.value;
        if (FORBIDDEN_CONTROL.test(value.replace(/\r\n/g, '\n'))) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: 'contains a control character (only tab and newline are allowed)',
          });
        } else if (LONE_SURROGATE.test(value)) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: 'contains an invalid Unicode character (a lone surrogate)',
          });
        }
        const run = COMBINING_RUN.exec(value);
        if (run) {
          // Said alone: its length in code points would only confuse ("200001 characters" for one letter).
          const message = `has ${run[0].length} combining marks in a row (accents stacked on one letter), at most ${MAX_COMBINING_RUN}`;
          ctx.issues.push({ code: 'custom', input: value, message });
          return;
        }
        const trimmed = value.trim();
        const long = tooLong(trimmed, max);
        if (long) ctx.issues.push({ code: 'custom', input: value, message: long });
        // A required text of only invisible characters (zero-width, bidi marks) is empty to a reader.
        if (opts.required && (trimmed.length === 0 || (!long && withoutInvisibles(trimmed).trim().length === 0))) {
          ctx.issues.push({ code: 'custom', input: value, message: 'must not be empty' });
        }
      })
      // Windows line ends (CRLF) count as newlines, so they are normalised rather than rejected.
      // NFC: a name typed with combining accents (as macOS may send it) prints and extracts whole.
      .transform((s) => s.replace(/\r\n/g, '\n').normalize('NFC').trim())
  );
}

// Invisible characters that change how the text around them reads: bidi embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069), the Arabic letter mark and the directional marks
// (U+061C, U+200E, U+200F), zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF).
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
// Joiners that are part of the spelling stay: a zero-width joiner inside an emoji sequence (a
// family, a profession), and a zero-width (non-)joiner between two letters of a script that uses
// it to choose letter forms (Persian, the Indic scripts). Neither can reorder or hide Latin text.
const EMOJI_JOINER =
  /(?<=\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D(?=\p{Extended_Pictographic})/uy;
const JOINING_SCRIPTS = ['Arabic', 'Syriac', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil'].concat([
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
]);
const JOINING_SCRIPT = `[${JOINING_SCRIPTS.map((script) => String.raw`\p{sc=${script}}`).join('')}]`;
const SCRIPT_JOINER = new RegExp(String.raw`(?<=${JOINING_SCRIPT}\p{M}*)[\u200C\u200D](?=${JOINING_SCRIPT})`, 'uy');

/** Whether the pattern (sticky) matches at `offset` of `s`, looking behind it as needed. */
function matchesAt(pattern: RegExp, s: string, offset: number): boolean {
  pattern.lastIndex = offset;
  return pattern.test(s);
}

/**
 * A name or a line as a mail header or a calendar title shows it: without the invisible characters
 * that could make it read as something else (an override that shows "moc.evil" as "live.com", a
 * "Ma\u200Bria" that is not Maria). Bodies keep the text as typed.
 */
export function withoutInvisibles(s: string): string {
  return s.replace(INVISIBLE, (c: string, offset: number) =>
    (c === '\u200D' && matchesAt(EMOJI_JOINER, s, offset)) ||
    ((c === '\u200C' || c === '\u200D') && matchesAt(SCRIPT_JOINER, s, offset))
      ? c
      : '',
  );
}

/** A list of short texts, at most `LIMITS.listItems` items; blank items are errors, not silently dropped. */
export function textList(maxItemLength: number, maxItems: number = LIMITS.listItems) {
  return z.array(text(maxItemLength, { required: true })).max(maxItems, `has too many items: at most ${maxItems}`);
}

/** A BCP 47 language tag (en-US, fr-CA, zh-Hant-TW), kept in its canonical form. */
export const localeTag = z
  .string()
  .refine((tag) => canonicalLocale(tag) !== undefined, 'must be a language tag like en-US or fr-CA')
  .transform((tag) => canonicalLocale(tag) ?? tag);

/** The HTML5 rule a browser's <input type="email"> applies: what an intake form would accept. */
export const email = z
  .string()
  .trim()
  .max(254, 'is too long: at most 254 characters')
  .pipe(z.email({ pattern: z.regexes.html5Email, message: 'must be an email address like name@example.com' }));
