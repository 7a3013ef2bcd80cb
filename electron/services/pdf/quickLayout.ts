import type * as fontkit from 'fontkit';
import { type RawLayoutTable, rawLayoutTable } from './layoutTables';
import { fontTable } from './openTypeTable';
import { type Effect, effectOf, Producible } from './lookupEffects';
import { ScriptLayout } from './scriptLayout';

/**
 * Everyday Latin text laid out straight from the font's bytes: the glyphs and positions
 * fontkit's layout gives (2.0.4, its default shaper), for a fraction of the cost. Shaping with
 * fontkit runs every lookup of every feature over every glyph (and restructure decodes each
 * lookup record by record first): most of the time a summary took to lay out and draw. Yet for
 * a Latin word nothing happens but pair kerning, and now and then one of Inter's contextual
 * forms (a colon between digits, a hyphen before a capital, ×).
 *
 * A text takes this path when this module can tell exactly what fontkit does to it:
 * - every character is in the Latin and common ranges below (no combining mark, no invisible
 *   character, no fraction slash, which switches fontkit's fraction features on), its glyph is
 *   in the font and is no mark;
 * - every lookup that can start at one of its glyphs is pair kerning (applied here), or rules
 *   (ligatures, contexts) that either do not match in the text or apply single substitutions
 *   whose new glyph no later lookup can start at (applied here too; see substitute()).
 * Anything else returns undefined, and the caller shapes with fontkit. Everything is applied as
 * fontkit applies it: lookups in index order, the first subtable (or rule) that matches wins,
 * kerning's value1 to the glyph and value2 to the next one, a repeated glyph carrying the
 * characters of its first use. Tests compare both paths glyph for glyph on every character of
 * the ranges, every ASCII pair, random texts, and whole summaries byte for byte.
 */

export interface LaidGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
export interface LaidPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
export interface LaidRun {
  glyphs: LaidGlyph[];
  positions: LaidPosition[];
}

interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface FontInternals {
  GDEF?: { glyphClassDef?: ClassDef };
  _cmapProcessor?: { lookup(codePoint: number): number };
}

// --- what fontkit's default shaper applies, in its order --------------------------------------
// The plan's features for a left-to-right script, less frac/numr/dnom: fontkit gives those only
// to digits around U+2044, which never takes this path.
const FEATURES = [
  'rvrn',
  'ltra',
  'ltrm',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
];
/** fontkit's script for a text: the first character of a script other than Common. */
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The characters of this path: Latin and common ones whose script and nature (no marks,
 * nothing invisible) are long settled. Not U+00AD (fontkit hides it) nor U+2044 (fractions).
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x24f],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
  [0x2030, 0x2043],
  [0x2045, 0x205e],
  [0x20a0, 0x20c0],
];

function inRange(cp: number): boolean {
  for (const [from, to] of RANGES) if (cp >= from && cp <= to) return true;
  return false;
}

/** fontkit's class lookup (GDEF glyph classes): 0 when not listed. */
function classOf(glyph: number, classDef: ClassDef): number {
  if (classDef.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    const values = classDef.classValueArray ?? [];
    if (i >= 0 && i < values.length) return values[i] ?? 0;
  } else if (classDef.version === 2) {
    for (const range of classDef.classRangeRecord ?? [])
      if (range.start <= glyph && glyph <= range.end) return range.class;
  }
  return 0;
}

class FontLayout {
  private readonly scripts = new Map<string, ScriptLayout>();
  private readonly effects = new Map<string, Effect>();
  /** Per code point: its glyph, or -1 when the character never takes this path. */
  private readonly glyphs = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly glyphClass: (g: number) => number;
  private readonly cmap: (cp: number) => number;
  private readonly hmtx?: (id: number) => number;
  private made?: Producible;

  constructor(
    private readonly font: fontkit.Font,
    private readonly gsub: RawLayoutTable,
    private readonly gpos: RawLayoutTable,
  ) {
    const internals = font as unknown as FontInternals;
    const classDef = internals.GDEF?.glyphClassDef;
    // Without a GDEF table fontkit takes every glyph of these characters for a base glyph.
    this.glyphClass = classDef ? (g) => classOf(g, classDef) : () => 1;
    const hhea = fontTable(font, 'hhea', 36);
    const hmtx = fontTable(font, 'hmtx');
    const count = hhea?.bytes.getUint16(hhea.offset + 34) ?? 0;
    if (hmtx && count > 0 && count * 4 <= hmtx.length)
      this.hmtx = (id) => hmtx.bytes.getUint16(hmtx.offset + Math.min(id, count - 1) * 4);
    // fontkit's own character map (glyphForCodePoint's), without making glyph objects.
    const processor = internals._cmapProcessor;
    this.cmap =
      typeof processor?.lookup === 'function' ? (cp) => processor.lookup(cp) : (cp) => font.glyphForCodePoint(cp).id;
  }

  private producible(): Producible {
    if (!this.made) {
      const has = new Uint8Array(this.font.numGlyphs + 1);
      for (const [from, to] of RANGES)
        for (let cp = from; cp <= to; cp++) {
          const id = this.cmap(cp);
          // A superset is safe (more glyphs that may follow means fewer texts on this path).
          if (id > 0) has[id] = 1;
        }
      this.made = new Producible(has);
    }
    return this.made;
  }

  /** One lookup's effect, shared by the scripts that apply it. */
  private effect(raw: RawLayoutTable, index: number): Effect {
    const key = `${raw.gpos ? 'P' : 'S'}${index}`;
    let effect = this.effects.get(key);
    if (!effect) {
      effect = effectOf(raw, index, this.producible(), this.glyphClass);
      this.effects.set(key, effect);
    }
    return effect;
  }

  private script(tag: string): ScriptLayout {
    let script = this.scripts.get(tag);
    if (!script) {
      const list = (raw: RawLayoutTable): { index: number; effect: Effect }[] | undefined => {
        try {
          return raw.lookupIndexes(tag, FEATURES)?.map((index) => ({ index, effect: this.effect(raw, index) }));
        } catch {
          return undefined;
        }
      };
      script = new ScriptLayout(
        this.gsub,
        this.gpos,
        this.font.numGlyphs,
        list(this.gsub),
        list(this.gpos),
        this.glyphClass,
      );
      this.scripts.set(tag, script);
    }
    return script;
  }

  private glyphFor(cp: number): number {
    let id = this.glyphs.get(cp);
    if (id === undefined) {
      id = inRange(cp) ? this.cmap(cp) : -1;
      // The missing glyph, or a glyph the font calls a mark (fontkit may skip or zero it).
      if (id === 0 || (id > 0 && this.glyphClass(id) === 3)) id = -1;
      this.glyphs.set(cp, id);
    }
    return id;
  }

  /**
   * A glyph's advance as fontkit gives it for a font without variations: its hmtx entry (the
   * last entry's for glyphs past numberOfHMetrics). Read from the bytes: making a glyph object
   * would leave it in fontkit's glyph cache with no characters.
   */
  private advance(id: number): number {
    let width = this.advances.get(id);
    if (width === undefined) {
      width = this.hmtx?.(id) ?? this.font.getGlyph(id).advanceWidth;
      this.advances.set(id, width);
    }
    return width;
  }

  layout(text: string): LaidRun | undefined {
    let ids: number[] = [];
    const codePoints: number[] = [];
    let latin = false;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      const id = this.glyphFor(cp);
      if (id < 0) return undefined;
      if (!latin && LATIN_LETTER.test(char)) latin = true;
      ids.push(id);
      codePoints.push(cp);
    }
    if (ids.length === 0) return undefined;
    const script = this.script(latin ? 'latn' : 'zzzz');
    let contextual = false;
    for (const id of ids) {
      if (script.touched[id] === 1) return undefined;
      if (script.touched[id] === 2) contextual = true;
    }
    const mapped = ids;
    if (contextual) {
      const substituted = script.substitute(ids);
      if (!substituted) return undefined;
      ids = substituted;
    }
    const kerning: (number[] | null)[] = [];
    for (let i = 0; i + 1 < ids.length; i++) {
      const adds = script.pair(ids[i] as number, ids[i + 1] as number);
      if (adds === undefined) return undefined;
      kerning.push(adds);
    }
    // fontkit makes one glyph object per id and layout, with the characters of the first
    // character that mapped to it, and gives a substituted glyph those of the glyph it replaced:
    // the same glyph twice in a text always carries the same characters.
    const characters = new Map<number, number[]>();
    mapped.forEach((id, i) => {
      if (!characters.has(id)) characters.set(id, [codePoints[i] as number]);
    });
    const glyphs: LaidGlyph[] = [];
    const positions: LaidPosition[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      let chars = characters.get(id);
      if (!chars) {
        chars = [...(characters.get(mapped[i] as number) ?? [])];
        characters.set(id, chars);
      }
      const advanceWidth = this.advance(id);
      glyphs.push({ id, advanceWidth, codePoints: [...chars] });
      positions.push({ xAdvance: advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    kerning.forEach((adds, i) => {
      if (!adds) return;
      const a = positions[i] as LaidPosition;
      const b = positions[i + 1] as LaidPosition;
      a.xAdvance += adds[0] ?? 0;
      a.yAdvance += adds[1] ?? 0;
      a.xOffset += adds[2] ?? 0;
      a.yOffset += adds[3] ?? 0;
      b.xAdvance += adds[4] ?? 0;
      b.yAdvance += adds[5] ?? 0;
      b.xOffset += adds[6] ?? 0;
      b.yOffset += adds[7] ?? 0;
    });
    return { glyphs, positions };
  }
}

const layouts = new WeakMap<fontkit.Font, FontLayout | null>();
let enabled = true;

/** For tests: lay every text out with fontkit, to compare with this path. */
export function useQuickLayout(on: boolean): void {
  enabled = on;
}

/**
 * The layout of `text` in `font` as fontkit would give it, or undefined when fontkit must shape
 * it. Fonts with variations, or without GSUB and GPOS tables, always go to fontkit.
 */
export function quickLayout(font: fontkit.Font, text: string): LaidRun | undefined {
  if (!enabled) return undefined;
  let layout = layouts.get(font);
  if (layout === undefined) {
    const gsub = rawLayoutTable(font, 'GSUB');
    const gpos = rawLayoutTable(font, 'GPOS');
    // Without both tables fontkit positions by other means (the kern table, Unicode classes).
    const varies = Object.keys(font.variationAxes ?? {}).length > 0;
    layout = gsub && gpos && !varies ? new FontLayout(font, gsub, gpos) : null;
    layouts.set(font, layout);
  }
  return layout?.layout(text);
}
