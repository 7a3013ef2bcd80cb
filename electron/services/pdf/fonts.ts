import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { rawLayoutTable } from './layoutTables';
import { type LaidRun, quickLayout } from './quickLayout';

/**
 * The faces the summary embeds, and which one draws each character. TTF only: pdfkit breaks
 * on accented glyphs of woff2. Inter covers Latin, Greek, Cyrillic and Vietnamese; the CJK,
 * Korean, Arabic and Hebrew faces are read from disk only the first time a text needs them
 * (a CJK font is 5 to 10 MB), then kept for the life of the process.
 */

export type Weight = 'regular' | 'bold';
export type Family = 'latin' | 'jp' | 'sc' | 'kr' | 'arabic' | 'hebrew';

// Not named `require`: electron-vite's ES module shim declares a `require` of its own in the
// built main chunks, and a second one is a syntax error there (the packaged app's main process).
const packages = createRequire(import.meta.url);
const expo = (pkg: string, file: string) => () => packages.resolve(`@expo-google-fonts/${pkg}/${file}`);
// This package exports only its index; the fonts sit beside its dist/ folder.
const hebrew = (file: string) => () => join(dirname(packages.resolve('@embedpdf/fonts-hebrew')), '..', 'fonts', file);

const FILES: Record<Family, Record<Weight, () => string>> = {
  latin: {
    regular: expo('inter', '400Regular/Inter_400Regular.ttf'),
    bold: expo('inter', '600SemiBold/Inter_600SemiBold.ttf'),
  },
  jp: {
    regular: expo('noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf'),
    bold: expo('noto-sans-jp', '700Bold/NotoSansJP_700Bold.ttf'),
  },
  sc: {
    regular: expo('noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'),
    bold: expo('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'),
  },
  kr: {
    regular: expo('noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf'),
    bold: expo('noto-sans-kr', '700Bold/NotoSansKR_700Bold.ttf'),
  },
  arabic: {
    regular: expo('noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'),
    bold: expo('noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
  },
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

/** The file a face is read from. */
export function fontFile(family: Family, weight: Weight): string {
  return FILES[family][weight]();
}

export function face(family: Family, weight: Weight): Face {
  const key = `${family}-${weight}`;
  let loaded = faces.get(key);
  if (!loaded) {
    const font = fontkit.create(readFileSync(fontFile(family, weight))) as fontkit.Font;
    tolerateEmptyAnchors(font);
    rememberLayoutWork(font);
    loaded = {
      key,
      family,
      weight,
      font,
      ascent: font.ascent / font.unitsPerEm,
      descent: Math.abs(font.descent) / font.unitsPerEm,
    };
    faces.set(key, loaded);
  }
  return loaded;
}

/**
 * fontkit (2.0.4) throws when a mark's base has no anchor for it, which OpenType allows (no
 * attachment): Noto Sans Arabic has such for the dots of ڢ ڣ ڥ ݠ ݡ ࢤ ending a word. That text is
 * laid out again without mark positioning (the dots keep their default place) rather than
 * failing the summary. On the font object itself, so pdfkit draws through the same layout.
 */
function tolerateEmptyAnchors(font: fontkit.Font): void {
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => {
    try {
      return layout(text, features, ...rest);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      const on = Array.isArray(features) ? Object.fromEntries(features.map((f) => [f, true])) : features;
      return layout(text, { ...on, mark: false, mkmk: false }, ...rest);
    }
  };
}

interface GlyphInternals {
  _metrics?: unknown;
  _getMetrics(): unknown;
}
interface FontInternals {
  _glyphs: Record<number, unknown>;
  _getBaseGlyph(id: number, codePoints?: number[]): GlyphInternals | null;
  _layoutEngine?: { engine?: { GSUBProcessor?: ProcessorInternals; GPOSProcessor?: ProcessorInternals } };
}
interface LookupEntry {
  feature: string;
  index: number;
  readonly lookup: unknown;
}
interface ProcessorInternals {
  scriptTag?: string;
  languageTag?: string | null;
  variationsIndex?: number;
  features?: Record<string, { lookupListIndexes: number[] } | undefined>;
  table?: { lookupList?: { get(index: number): unknown } };
  lookupsForFeatures(features?: string[], exclude?: number[]): LookupEntry[];
  applyLookups(lookups: LookupEntry[], glyphs: { id: number }[], positions?: unknown[]): void;
}

/**
 * What fontkit (2.0.4) works out again at every layout, kept per font instead. Both are pure
 * (the same glyphs and positions come out), and both are most of what shaping costs once a
 * process has laid out a few pages (a batch of summaries):
 * - a glyph's metrics (advance, bearings): fontkit reads them, and the glyph's outline for its
 *   box, for every new glyph object, and forgetGlyphs makes each layout's glyphs new;
 * - the lookups of a script, language and set of features: each layout lists and sorts them
 *   again. The list only depends on those (the font's tables do not change).
 */
function rememberLayoutWork(font: fontkit.Font): void {
  const internals = font as unknown as FontInternals;
  // Another fontkit, other internals: then it simply does its work again, as before.
  if (typeof internals._getBaseGlyph !== 'function' || typeof internals._glyphs !== 'object') return;
  const metrics = new Map<number, unknown>();
  const baseGlyph = internals._getBaseGlyph.bind(font);
  internals._getBaseGlyph = (id, codePoints) => {
    const fresh = !internals._glyphs[id];
    const glyph = baseGlyph(id, codePoints);
    if (fresh && glyph && typeof glyph._getMetrics === 'function') {
      const known = metrics.get(id);
      if (known) glyph._metrics = known;
      else metrics.set(id, glyph._getMetrics());
    }
    return glyph;
  };
  const layout = font.layout.bind(font);
  let remembering = false;
  font.layout = (...args) => {
    if (!remembering) {
      remembering = true;
      const engine = internals._layoutEngine?.engine;
      rememberLookups(font, engine?.GSUBProcessor, 'GSUB');
      rememberLookups(font, engine?.GPOSProcessor, 'GPOS');
    }
    return layout(...args);
  };
}

/**
 * A processor's lookups listed once per script, language and features, and each decoded only
 * when a glyph of the text it is run on is one it can start at (layoutTables.ts): fontkit lists
 * (and restructure decodes) every lookup of every feature at each layout, mark positioning and
 * all, though a Latin word meets a few. The lookups that do run are the same, in the same
 * order, on the same glyphs: a lookup skipped here would have found nothing to do.
 */
function rememberLookups(font: fontkit.Font, processor: ProcessorInternals | undefined, tag: 'GSUB' | 'GPOS'): void {
  if (typeof processor?.lookupsForFeatures !== 'function' || typeof processor.applyLookups !== 'function') return;
  const lookupsFor = processor.lookupsForFeatures.bind(processor);
  const raw = rawLayoutTable(font, tag);
  // fontkit's own listing (font variations choose other features), else one that decodes late.
  const lazy = raw && processor.variationsIndex === -1 && processor.table?.lookupList;
  const lists = new Map<string, LookupEntry[]>();
  processor.lookupsForFeatures = (features = [], exclude) => {
    const key = `${processor.scriptTag ?? ''}|${processor.languageTag ?? ''}|${features.join(',')}|${exclude?.join(',') ?? ''}`;
    let lookups = lists.get(key);
    if (!lookups) {
      if (lazy) {
        const list = lazy;
        lookups = [];
        for (const feature of features) {
          for (const index of processor.features?.[feature]?.lookupListIndexes ?? []) {
            if (exclude?.includes(index)) continue;
            let decoded: unknown;
            lookups.push({
              feature,
              index,
              get lookup() {
                return (decoded ??= list.get(index));
              },
            });
          }
        }
        lookups.sort((a, b) => a.index - b.index);
      } else lookups = lookupsFor(features, exclude);
      lists.set(key, lookups);
    }
    return lookups;
  };
  if (!raw) return;
  const apply = processor.applyLookups.bind(processor);
  processor.applyLookups = (lookups, glyphs, positions) => {
    // Sets up the processor for this text even if no lookup runs (GPOS reads it afterwards).
    apply([], glyphs, positions);
    for (const entry of lookups) {
      const starts = raw.startCoverage(entry.index);
      // Looked at as the lookup comes: the lookups before it may have changed the glyphs.
      if (starts && !glyphs.some((g) => starts[g.id] === 1)) continue;
      apply([entry], glyphs, positions);
    }
  };
}

/**
 * fontkit keeps one glyph object per glyph id, made with the characters of its first use, and
 * shaping reads those characters: a glyph first met as a zero-width joiner hides every later
 * missing character (an emoji), an Arabic letter first met as its presentation form stops
 * joining. Forgetting them before each layout makes a text's glyphs and widths depend on that
 * text alone, never on what the process measured or drew before. Measuring (emBox) and
 * drawing (render.ts, before each pdfkit text) both do it, so both lay out the same way.
 */
export function forgetGlyphs(f: Face): void {
  (f.font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
}

/** fontkit's layout of `text` in one face, from a clean glyph cache (see forgetGlyphs). */
export function shape(f: Face, text: string): fontkit.GlyphRun {
  forgetGlyphs(f);
  return f.font.layout(text);
}

/**
 * A text's glyphs and positions in font units, as fontkit lays it out: read straight from the
 * font's tables for everyday Latin words (quickLayout.ts), else shaped by fontkit.
 */
export function layoutText(f: Face, text: string): LaidRun {
  return quickLayout(f.font, text) ?? shape(f, text);
}

/**
 * The room a run drawn with one face takes, in em, kerning included (what pdfkit will draw).
 * `advance` is how far the pen moves. A glyph's box, as viewers and text extractors see it, runs
 * from where it is drawn (the pen plus its offset) for its width in the font; a combining mark
 * with no base in the run (an accent after an Arabic letter, which the Arabic face has no
 * accent for) is drawn before the pen: `lead` is how far boxes reach before the start, `trail`
 * how far past the advance. Accents stacked on one letter are drawn higher (or lower) than the
 * face's ascent: `rise` and `fall`. All are 0 for ordinary text.
 */
export interface EmBox {
  advance: number;
  lead: number;
  trail: number;
  rise: number;
  fall: number;
}

const boxes = new Map<string, Map<string, EmBox>>();

export function emBox(f: Face, text: string): EmBox {
  let cache = boxes.get(f.key);
  if (!cache) {
    cache = new Map();
    boxes.set(f.key, cache);
  }
  let box = cache.get(text);
  if (box === undefined) {
    const run = layoutText(f, text);
    let pen = 0;
    let min = 0;
    let max = 0;
    let up = 0;
    let down = 0;
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i];
      const origin = pen + (position?.xOffset ?? 0);
      min = Math.min(min, origin);
      max = Math.max(max, origin + glyph.advanceWidth);
      up = Math.max(up, position?.yOffset ?? 0);
      down = Math.max(down, -(position?.yOffset ?? 0));
      pen += position?.xAdvance ?? 0;
    });
    const em = f.font.unitsPerEm;
    box = {
      advance: pen / em,
      lead: Math.max(0, -min) / em,
      trail: Math.max(0, max - pen) / em,
      rise: up / em,
      fall: down / em,
    };
    // Bounded: the worst page measures a few thousand distinct words.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, box);
  }
  return box;
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
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Splits a text into runs of one face each, in logical order. An invisible character (a joiner,
 * a variation selector, a bidi control) that its face has no glyph for is left out: fontkit
 * would draw it as the missing-glyph box or as nothing, depending on the glyphs it met before.
 */
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
    const cp = char.codePointAt(0) ?? 0;
    const family = familyFor(cp, char, current?.family, chain);
    if (IGNORABLE.test(char) && !has(family, cp)) continue;
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
