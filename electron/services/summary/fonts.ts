import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The faces the summary embeds, and which one draws each character. TTF only: pdfkit breaks
 * on accented glyphs of woff2. Inter covers Latin, Greek, Cyrillic and Vietnamese; the CJK,
 * Korean, Arabic and Hebrew faces are read from disk only the first time a text needs them
 * (a CJK font is 5 to 10 MB), then kept for the life of the process.
 */

export type Weight = 'regular' | 'bold';
export type Family = 'latin' | 'jp' | 'sc' | 'kr' | 'arabic' | 'hebrew';

const require = createRequire(import.meta.url);
const expo = (pkg: string, file: string) => () => require.resolve(`@expo-google-fonts/${pkg}/${file}`);
// This package exports only its index; the fonts sit beside its dist/ folder.
const hebrew = (file: string) => () => join(dirname(require.resolve('@embedpdf/fonts-hebrew')), '..', 'fonts', file);

const FILES: Record<Family, Record<Weight, () => string>> = {
  latin: { regular: expo('inter', '400Regular/Inter_400Regular.ttf'), bold: expo('inter', '600SemiBold/Inter_600SemiBold.ttf') },
  jp: { regular: expo('noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf'), bold: expo('noto-sans-jp', '700Bold/NotoSansJP_700Bold.ttf') },
  sc: { regular: expo('noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'), bold: expo('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf') },
  kr: { regular: expo('noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf'), bold: expo('noto-sans-kr', '700Bold/NotoSansKR_700Bold.ttf') },
  arabic: { regular: expo('noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'), bold: expo('noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf') },
  hebrew: { regular: hebrew('NotoSansHebrew-Regular.ttf'), bold: hebrew('NotoSansHebrew-Bold.ttf') },
};

export interface Face {
  /** Stable name for the PDF: latin-regular, jp-bold, … */
  key: string;
  family: Family;
  weight: Weight;
  font: fontkit.Font;
  /** In em: the height above and below the baseline that viewers and text extractors use. */
  ascent: number;
  descent: number;
}

const faces = new Map<string, Face>();
const widths = new Map<string, Map<string, number>>();

export function face(family: Family, weight: Weight): Face {
  const key = `${family}-${weight}`;
  let loaded = faces.get(key);
  if (!loaded) {
    const font = fontkit.create(readFileSync(FILES[family][weight]())) as fontkit.Font;
    loaded = { key, family, weight, font, ascent: font.ascent / font.unitsPerEm, descent: Math.abs(font.descent) / font.unitsPerEm };
    faces.set(key, loaded);
  }
  return loaded;
}

/** Width in em of a run drawn with one face, kerning included (what pdfkit will draw). */
export function emWidth(f: Face, text: string): number {
  let cache = widths.get(f.key);
  if (!cache) {
    cache = new Map();
    widths.set(f.key, cache);
  }
  let w = cache.get(text);
  if (w === undefined) {
    w = f.font.layout(text).advanceWidth / f.font.unitsPerEm;
    // Bounded: the worst page measures a few thousand distinct words.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, w);
  }
  return w;
}

// Characters that belong to no script: they stay in the face of the text around them, so a
// space or a comma between two Japanese words does not switch fonts.
const NEUTRAL = /^[\p{Zs}\p{P}\p{N}\p{S}\p{M}\u200B-\u200F]$/u;
const coverage = new Map<Family, Map<number, boolean>>();

function has(family: Family, cp: number): boolean {
  let cache = coverage.get(family);
  if (!cache) {
    cache = new Map();
    coverage.set(family, cache);
  }
  let yes = cache.get(cp);
  if (yes === undefined) {
    yes = face(family, 'regular').font.hasGlyphForCodePoint(cp);
    cache.set(cp, yes);
  }
  return yes;
}

const CHAINS = {
  ja: ['latin', 'arabic', 'hebrew', 'jp', 'sc', 'kr'],
  ko: ['latin', 'arabic', 'hebrew', 'kr', 'jp', 'sc'],
  other: ['latin', 'arabic', 'hebrew', 'sc', 'jp', 'kr'],
} as const satisfies Record<string, readonly Family[]>;

/** The order faces are tried in: Japanese readers get Japanese glyph forms first, others Chinese. */
export function fallbackChain(locale: string): readonly Family[] {
  const language = new Intl.Locale(locale).language;
  return language === 'ja' ? CHAINS.ja : language === 'ko' ? CHAINS.ko : CHAINS.other;
}

// Scripts Inter draws: everything below the Hebrew block, plus general punctuation and
// Latin Extended Additional (Vietnamese). Checked first so common text never loads a fallback.
const isLatinRange = (cp: number) => cp < 0x0590 || (cp >= 0x1e00 && cp <= 0x20cf);

/** The face for each code point; code points no face has stay Latin (drawn as a missing glyph). */
export function familyFor(cp: number, char: string, previous: Family | undefined, chain: readonly Family[]): Family {
  if (previous && previous !== 'latin' && NEUTRAL.test(char) && has(previous, cp)) return previous;
  if (isLatinRange(cp) && has('latin', cp)) return 'latin';
  for (const family of chain) {
    if (family === 'arabic' && !(cp >= 0x0600 && cp <= 0x08ff) && !(cp >= 0xfb50 && cp <= 0xfeff)) continue;
    if (family === 'hebrew' && !(cp >= 0x0590 && cp <= 0x05ff) && !(cp >= 0xfb1d && cp <= 0xfb4f)) continue;
    if (has(family, cp)) return family;
  }
  return 'latin';
}

const runsCache = new WeakMap<readonly Family[], Map<string, { family: Family; text: string }[]>>();

/** Splits a text into runs of one face each, in logical order. */
export function fontRuns(text: string, chain: readonly Family[]): { family: Family; text: string }[] {
  let cache = runsCache.get(chain);
  if (!cache) {
    cache = new Map();
    runsCache.set(chain, cache);
  }
  const cached = cache.get(text);
  if (cached) return cached;
  const runs: { family: Family; text: string }[] = [];
  let current: { family: Family; text: string } | undefined;
  for (const char of text) {
    const family = familyFor(char.codePointAt(0) ?? 0, char, current?.family, chain);
    if (current && current.family === family) current.text += char;
    else {
      current = { family, text: char };
      runs.push(current);
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(text, runs);
  return runs;
}
