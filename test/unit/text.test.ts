// Text limits: characters counted as a person sees them, in time linear in the text's length,
// and inputs that are large in other ways (stacked marks, UTF-16 length) refused cheaply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIntake } from '../../core/intake/intake';
import { characterCount, MAX_COMBINING_RUN, text, UNITS_PER_CHARACTER } from '../../core/text/text';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** The plain count, fine for short strings (it costs the square of the length on Node 20). */
const reference = (s: string) => Array.from(segmenter.segment(s)).length;

/** Pieces that join, or break, in every way the grapheme rules know. */
const PIECES = [
  'a',
  'é',
  'e\u0301',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0301',
  '\u0308',
  '\u200d',
  '\u200c',
  '\ufe0f',
  '\u20e3',
  '#',
  '1',
  '👨',
  '👩',
  '👧',
  '🏽',
  '🇫',
  '🇷',
  '🇩',
  '©',
  '\u00ad',
  '\u1100',
  '\u1161',
  '\u11a8',
  '가',
  '각',
  'क',
  '्',
  'ष',
  'ि',
  'ं',
  '\u0600',
  '\u0e01',
  '\u0e33',
  'ж',
  '\u0483',
  'α',
  'א',
  '\u05b8',
  '\u0591',
  'ب',
  '\u064e',
  '\u0651',
  'か',
  '\u3099',
  'カ',
  'ー',
  '山',
  'ễ',
  '\u00a0',
  '😀',
  '🏴\udb40\udc67\udb40\udc62\udb40\udc65\udb40\udc6e\udb40\udc67\udb40\udc7f',
];
const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 300, size: 'max' }).map((list) => list.join(''));

const limited = (max: number, value: string) => {
  const r = text(max).safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('characterCount', () => {
  it('counts grapheme clusters exactly as the segmenter does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          pieces,
          fc.string({ unit: 'grapheme', maxLength: 200, size: 'max' }),
          fc.string({ unit: 'binary', maxLength: 200, size: 'max' }),
        ),
        (s) => {
          expect(characterCount(s)).toBe(reference(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts long texts of every kind whole (300,000 units each: no quadratic segmenting)', () => {
    expect(characterCount('Maria López ❤️ '.repeat(20_000))).toBe(14 * 20_000);
    expect(characterCount('é'.repeat(300_000))).toBe(300_000);
    expect(characterCount('山田'.repeat(150_000))).toBe(300_000);
    expect(characterCount('👨‍👩‍👧‍👦'.repeat(30_000))).toBe(30_000);
    expect(characterCount('नमस्ते '.repeat(40_000))).toBe(4 * 40_000);
    expect(characterCount('a' + '\u0301'.repeat(300_000))).toBe(1);
  });
});

describe('text limits', () => {
  it('keeps the exact count in the message for a text within reach of its limit', () => {
    expect(limited(5000, 'n'.repeat(5001))).toEqual(['is too long: 5001 characters, at most 5000']);
    expect(limited(100, 'é'.repeat(1000))).toEqual(['is too long: 1000 characters, at most 100']);
  });

  it('refuses a text far over its limit by its length alone', () => {
    expect(limited(5000, 'n'.repeat(80_000))).toEqual(['is too long: 80000 characters, at most 5000']);
    // Within the grapheme limit, but more UTF-16 units than any real text of that many characters.
    expect(limited(100, '👨‍👩‍👧‍👦'.repeat(100) + 'x'.repeat(UNITS_PER_CHARACTER * 100))).toEqual([
      `is too long: ${7 * 100 + UNITS_PER_CHARACTER * 100} characters, at most 100`,
    ]);
  });

  it('refuses a long run of combining marks, naming how many', () => {
    expect(limited(100, 'a' + '\u0301'.repeat(200_000))).toEqual([
      `has 200000 combining marks in a row (accents stacked on one letter), at most ${MAX_COMBINING_RUN}`,
    ]);
    expect(limited(100, 'Zalgo' + '\u0336\u0334'.repeat(9))).toEqual([
      `has 18 combining marks in a row (accents stacked on one letter), at most ${MAX_COMBINING_RUN}`,
    ]);
    expect(limited(100, 'a' + '\u200d'.repeat(MAX_COMBINING_RUN + 1))).toHaveLength(1);
    expect(limited(100, 'a' + '\u0301'.repeat(MAX_COMBINING_RUN))).toEqual([]);
  });

  it('accepts the marks real scripts stack', () => {
    for (const word of [
      'Nguye\u0302\u0303n Thi\u0323', // Vietnamese typed decomposed, as macOS may send it
      'בְּרֵאשִׁ֖ית', // Hebrew with niqqud and a cantillation mark
      'مُحَمَّد', // Arabic with harakat and shadda
      'क्षत्रिय नमस्ते', // Devanagari conjuncts and vowel signs
      'ผู้ใหญ่', // Thai with a vowel and a tone mark on one letter
      'བསྒྲུབས', // Tibetan stacks
      '👨‍👩‍👧‍👦🇫🇷1️⃣',
    ]) {
      expect(limited(100, word), word).toEqual([]);
    }
  });

  it('accepts the sample intakes in every script', () => {
    for (const name of ['intake-rtl', 'intake-cjk', 'intake-cjk-long', 'intake-fr', 'intake-hostile', 'intake-long']) {
      const result = checkIntake(
        JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', `${name}.json`), 'utf8')),
      );
      expect(result.ok ? [] : result.problems, name).toEqual([]);
    }
  });
});
