// clip() measures a leading window of the text, finding graphemes by the rules of UAX #29 where
// they decide alone and asking Intl.Segmenter for the rest: it must cut exactly where measuring
// every grapheme of the whole text with the segmenter cuts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../../core/locale/format';
import { typed } from '../support/arbitraries';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]|\p{Extended_Pictographic}/u;

/** clip() as it was: the whole text folded, then every grapheme measured by the segmenter. */
function reference(text: string, max: number): string {
  const folded = text.replace(/[ \t\n\r]+/g, ' ').trim();
  if (folded.length * 2 <= max) return folded;
  let width = 0;
  let kept = '';
  let fitsWithEllipsis = -1;
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

const MAXES = [1, 2, 3, 7, 20, 40, 110, 240];

// Each is long enough to need more than the first window, and made of what the rules cover.
const TEXTS = [
  'a'.repeat(600),
  `a${' '.repeat(1000)}b`,
  '\t\n  word\r\n'.repeat(100),
  '850\u00A0000\u00A0$ '.repeat(60),
  'e\u0301\u0302\u0303 '.repeat(150),
  '👨‍👩‍👧‍👦'.repeat(80),
  '👩🏽‍💻❤️‍🔥🏳️‍🌈'.repeat(60),
  '🇫🇷🇯🇵'.repeat(100),
  '🇫'.repeat(301),
  'x\u200Dy\u200C '.repeat(120),
  'क्ष'.repeat(200),
  'क्‍ष '.repeat(120),
  'नमस्ते क्षत्रज्ञ '.repeat(40),
  'ক্ষ্ম '.repeat(100),
  'ကြ္မ '.repeat(100),
  'می‌خواهم '.repeat(80),
  '한국어로'.repeat(100),
  '\u1100\u1161\u11A8'.repeat(150),
  '\u0600١٢٣ '.repeat(100),
  'ำกำ'.repeat(150),
  '山田花子、東京。'.repeat(60),
  '\u202Eabc\u202C \u2066x\u2069 '.repeat(80),
];

describe('clip', () => {
  it('cuts where measuring every grapheme cuts: letters, accents, emoji, flags, joiners, conjuncts, jamo', () => {
    for (const text of TEXTS)
      for (const max of MAXES)
        expect(clip(text, max), `${JSON.stringify(text.slice(0, 12))} at ${max}`).toBe(reference(text, max));
  });

  // Texts up to their stated lengths (size: 'max'): the reference measures every prefix, so this takes seconds.
  it('cuts where measuring every grapheme cuts, over random text of every kind', { timeout: 120_000 }, () => {
    const text = fc.oneof(
      typed(2000),
      fc.string({ unit: 'grapheme', maxLength: 500, size: 'max' }),
      fc.string({ unit: 'binary', maxLength: 300, size: 'max' }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...MAXES), (t, max) => {
        expect(clip(t, max)).toBe(reference(t, max));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
