import { z } from 'zod';
import { canonicalLocale } from './locale';

/** Length limits from the intake contract, counted in characters as a person sees them (grapheme clusters). */
export const LIMITS = {
  name: 100,
  text: 2000,
  longText: 5000,
  listItems: 50,
} as const;

// C0 controls other than tab (\t) and newline (\n): they hide text, break files line-based
// formats (ICS, mail headers) and never come from a person typing.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F]/u;
// A lone surrogate (possible in JSON via "\ud800") is not a character: fonts, PDF and mail break on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters as a person counts them: grapheme clusters, so an accent typed as a combining mark
 * or a family emoji (several code points) is one character.
 */
export function characterCount(s: string): number {
  return Array.from(graphemes.segment(s)).length;
}

/**
 * Free text as a person typed it. No character blacklist beyond controls: safety comes
 * from escaping at every output, so apostrophes, angle brackets, CJK and RTL all pass.
 * Leading and trailing white space is trimmed (a form's stray spaces are never meaningful).
 */
export function text(max: number, opts: { required?: boolean } = {}) {
  return z
    .string()
    .check((ctx) => {
      const value = ctx.value;
      if (FORBIDDEN_CONTROL.test(value.replace(/\r\n/g, '\n'))) {
        ctx.issues.push({ code: 'custom', input: value, message: 'contains a control character (only tab and newline are allowed)' });
      } else if (LONE_SURROGATE.test(value)) {
        ctx.issues.push({ code: 'custom', input: value, message: 'contains an invalid Unicode character (a lone surrogate)' });
      }
      const length = characterCount(value.trim());
      if (length > max) {
        ctx.issues.push({ code: 'custom', input: value, message: `is too long: ${length} characters, at most ${max}` });
      }
      if (opts.required && length === 0) {
        ctx.issues.push({ code: 'custom', input: value, message: 'must not be empty' });
      }
    })
    // Windows line ends (CRLF) count as newlines, so they are normalised rather than rejected.
    // NFC: a name typed with combining accents (as macOS may send it) prints and extracts whole.
    .transform((s) => s.replace(/\r\n/g, '\n').normalize('NFC').trim());
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
