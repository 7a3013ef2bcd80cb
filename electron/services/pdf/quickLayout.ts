import type * as fontkit from 'fontkit';
import { type ContextRule, fontTable, type RawLayoutTable, type RawLookup, rawLayoutTable } from './layoutTables';

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

/**
 * The glyphs texts on this path are made of (those of its characters). No substitution fires on
 * such a text, so a ligature or a context can only form from them.
 */
class Producible {
  /** Their ids, in order. */
  readonly sorted: number[] = [];
  constructor(readonly has: Uint8Array) {
    for (let g = 0; g < has.length; g++) if (has[g] === 1) this.sorted.push(g);
  }

  /** Whether any of them is among `glyphs` (one byte per glyph); unknown glyphs (undefined) may be. */
  meets(glyphs: Uint8Array | undefined): boolean {
    if (!glyphs) return true;
    for (const g of this.sorted) if (glyphs[g] === 1) return true;
    return false;
  }
}

/** What one lookup can do to texts of this path, worked out once per font. */
interface Effect {
  /** Glyphs where it may fire: texts holding one go to fontkit. */
  hard: number[];
  /**
   * Rules that may fire, by the glyph they start at (in the lookup's order), matched against
   * each text (ScriptLayout.substitute).
   */
  rules: Map<number, ContextRule[]>;
  /** Whether its rules hold every glyph they match (coverages); else only these texts' glyphs. */
  exact: boolean;
  /** Pair kerning: applied here. */
  kerning?: RawLookup;
}

/** The lookup flags that make fontkit skip glyphs of a class (base glyphs, ligatures). */
const SKIPS_BASES_OR_LIGATURES = 0x2 | 0x4;

/**
 * Works out each lookup's effect from the font's bytes (layoutTables.ts), decoding nothing:
 * - a lookup that cannot start at any glyph of these texts does nothing to them;
 * - a ligature, and a context rule of any format (by glyphs, classes or coverages: Inter's case
 *   and arrow forms, × between digits), becomes a rule matched against each text; one that can
 *   never match these texts is dropped (fonts list many ligatures of a letter with combining
 *   marks);
 * - pair kerning is applied here; any other lookup, a lookup whose flags skip letters, or
 *   anything unreadable, sends the glyphs it may start at to fontkit.
 */
function effectOf(
  raw: RawLayoutTable,
  index: number,
  producible: Producible,
  glyphClass: (g: number) => number,
): Effect {
  const starts = raw.startCoverage(index);
  if (!producible.meets(starts)) return { hard: [], rules: new Map(), exact: true };
  const all = (): Effect => ({
    hard: producible.sorted.filter((g) => !starts || starts[g] === 1),
    rules: new Map(),
    exact: false,
  });
  const lookup = raw.lookup(index);
  if (!lookup) return all();
  const context = raw.gpos ? 7 : 5;
  const chained = raw.gpos ? 8 : 6;
  try {
    if (raw.gpos && lookup.subtables.every((sub) => sub.type === 2 && (sub.format === 1 || sub.format === 2))) {
      // A glyph this lookup's flags skip would change which glyph is "next": not here.
      const skipped =
        (lookup.flags & SKIPS_BASES_OR_LIGATURES) === 0
          ? []
          : producible.sorted.filter((g) => {
              const c = glyphClass(g);
              return (lookup.flags & 0x2 && c === 1) || (lookup.flags & 0x4 && c === 2);
            });
      return { hard: skipped, rules: new Map(), exact: true, kerning: lookup };
    }
    const hard = new Set<number>();
    const rules: ContextRule[] = [];
    let exact = true;
    const skips = (lookup.flags & SKIPS_BASES_OR_LIGATURES) !== 0;
    // Sets of glyphs (one byte per glyph) for a glyph, or for the glyphs of these texts in a class.
    const singles = new Map<number, Uint8Array>();
    const single = (g: number) => {
      let set = singles.get(g);
      if (!set) {
        set = new Uint8Array(producible.has.length);
        if (g < set.length) set[g] = 1;
        singles.set(g, set);
      }
      return set;
    };
    const classSets = new Map<string, Uint8Array>();
    const inClass = (classDef: number, cls: number) => {
      const key = `${classDef}:${cls}`;
      let set = classSets.get(key);
      if (!set) {
        set = new Uint8Array(producible.has.length);
        const all = raw.classes(classDef);
        for (const g of producible.sorted) if (all[g] === cls) set[g] = 1;
        classSets.set(key, set);
      }
      return set;
    };
    /**
     * A rule goes to the matcher when it can start at a glyph of these texts and, for a rule of
     * single glyphs or classes (sets of these texts' glyphs only), when every glyph it needs can
     * be in them. A rule of coverages is kept whole: a glyph substituted before it (the case
     * form of a parenthesis) can complete it.
     */
    const keep = (rule: ContextRule, coverages = false) => {
      if (!producible.meets(rule.input[0])) return;
      if (coverages || [...rule.backtrack, ...rule.input, ...rule.lookahead].every((set) => producible.meets(set)))
        rules.push(rule);
    };
    const can = (g: number) => producible.has[g] === 1;
    // The classes the glyphs of these texts are in, per class definition.
    const present = new Map<number, Set<number>>();
    const classesThere = (classDef: number) => {
      let set = present.get(classDef);
      if (!set) {
        const all = raw.classes(classDef);
        set = new Set(producible.sorted.map((g) => all[g] ?? 0));
        present.set(classDef, set);
      }
      return set;
    };
    for (const sub of lookup.subtables) {
      const isContext = sub.type === context || sub.type === chained;
      if (!skips && !raw.gpos && sub.type === 4) {
        // A ligature fires where its glyphs follow one another: a rule of single glyphs.
        exact = false;
        for (const { first, rest } of raw.ligatures(sub))
          if (can(first) && rest.every(can))
            keep({ backtrack: [], input: [single(first), ...rest.map(single)], lookahead: [], applies: true });
      } else if (!skips && isContext && sub.format === 3) {
        const rule = raw.contextRule(sub);
        if (rule) keep(rule, true);
      } else if (!skips && isContext && (sub.format === 1 || sub.format === 2)) {
        exact = false;
        for (const r of raw.contextRules(sub)) {
          const needed = [
            ...r.backtrack.map((v) => [v, r.classDefs?.[0]] as const),
            ...r.input.map((v) => [v, r.classDefs?.[1]] as const),
            ...r.lookahead.map((v) => [v, r.classDefs?.[2]] as const),
          ];
          if (
            !r.firsts.some(can) ||
            !needed.every(([v, def]) => (def === undefined ? can(v) : classesThere(def).has(v)))
          )
            continue;
          const firsts = new Uint8Array(producible.has.length);
          for (const g of r.firsts) if (g < firsts.length) firsts[g] = 1;
          const [back, input, ahead] = r.classDefs ?? [0, 0, 0];
          const set = (defAt: number) => (value: number) => (r.classDefs ? inClass(defAt, value) : single(value));
          keep({
            backtrack: r.backtrack.map(set(back)),
            input: [firsts, ...r.input.map(set(input))],
            lookahead: r.lookahead.map(set(ahead)),
            applies: r.applies,
          });
        }
      } else {
        const first = raw.firstCoverage(sub);
        if (first === undefined) return all();
        const covered = raw.coverage(first);
        for (const g of producible.sorted) if (covered[g] === 1) hard.add(g);
      }
    }
    const byFirst = new Map<number, ContextRule[]>();
    for (const rule of rules) {
      const set = rule.input[0];
      if (!set) continue;
      for (const g of producible.sorted) {
        if (set[g] !== 1) continue;
        const list = byFirst.get(g);
        if (list) list.push(rule);
        else byFirst.set(g, [rule]);
      }
    }
    return { hard: [...hard], rules: byFirst, exact };
  } catch {
    return all();
  }
}

/** One script's worth of knowledge of a font: which glyphs take this path, and its kerning. */
class ScriptLayout {
  /** 1: a glyph this path cannot lay out; 2: one where rules start, matched against each text. */
  readonly touched: Uint8Array;
  /** The lookups of each table in fontkit's order, with what they do to these texts. */
  private readonly substitutions: { index: number; effect: Effect }[] = [];
  private readonly positionings: { index: number; effect: Effect }[] = [];
  private readonly kerning: RawLookup[] = [];
  /** Per pair of glyphs: what kerning adds to both (8 numbers), null for nothing, undefined: fontkit. */
  private readonly pairs = new Map<number, number[] | null | undefined>();

  constructor(
    private readonly gsub: RawLayoutTable,
    private readonly gpos: RawLayoutTable,
    numGlyphs: number,
    substitutions: { index: number; effect: Effect }[] | undefined,
    positionings: { index: number; effect: Effect }[] | undefined,
    private readonly glyphClass: (g: number) => number,
  ) {
    this.touched = new Uint8Array(numGlyphs + 1);
    // A table without this script or a default: fontkit then keeps the script it used last.
    if (!substitutions || !positionings) {
      this.touched.fill(1);
      return;
    }
    this.substitutions = substitutions;
    this.positionings = positionings;
    for (const { effect } of [...substitutions, ...positionings]) {
      for (const g of effect.hard) this.touched[g] = 1;
      if (effect.kerning) this.kerning.push(effect.kerning);
      for (const g of effect.rules.keys()) if (this.touched[g] === 0) this.touched[g] = 2;
    }
  }

  /**
   * The glyphs after fontkit's substitutions, or undefined when this path cannot tell them. In
   * each lookup, at each glyph, the first rule that matches is the one applied (an "ignore" rule
   * means nothing happens there); a rule matches on the backtrack glyphs from
   * `backtrack.length` before the glyph onwards (in that order, as fontkit reads them), then the
   * sequence, then the lookahead. A rule that applies single substitutions (a colon between
   * digits, a hyphen before a capital) is applied here, as long as the glyph it puts can start
   * no later lookup and is matched by coverages only; anything else goes to fontkit.
   */
  substitute(ids: readonly number[]): number[] | undefined {
    const out = [...ids];
    const made = new Set<number>();
    const at = (set: Uint8Array | undefined, i: number) => i >= 0 && i < out.length && set?.[out[i] as number] === 1;
    const matches = (rule: ContextRule, i: number) => {
      const start = i - rule.backtrack.length;
      return (
        rule.backtrack.every((set, k) => at(set, start + k)) &&
        rule.input.every((set, k) => at(set, i + k)) &&
        rule.lookahead.every((set, k) => at(set, i + rule.input.length + k))
      );
    };
    /** Whether a glyph made here could start, or be matched inexactly by, this lookup. */
    const reaches = (table: RawLayoutTable, index: number, effect: Effect, glyph: number) => {
      const starts = table.startCoverage(index);
      // Inexact: rules kept or dropped by these texts' glyphs alone, which a new glyph may complete.
      return !starts || starts[glyph] === 1 || !effect.exact;
    };
    for (const { index, effect } of this.substitutions) {
      for (const glyph of made) if (reaches(this.gsub, index, effect, glyph)) return undefined;
      if (effect.rules.size === 0) continue;
      for (let i = 0; i < out.length; i++) {
        for (const rule of effect.rules.get(out[i] as number) ?? []) {
          if (!matches(rule, i)) continue;
          if (!rule.applies) break;
          if (!rule.records) return undefined;
          for (const [sequence, lookup] of rule.records) {
            const j = i + sequence;
            if (j >= out.length) return undefined;
            const put = this.gsub.singleSubstitute(lookup, out[j] as number);
            if (put === undefined) return undefined;
            if (put === null || put === out[j]) continue;
            // A mark (fontkit zeroes or skips it), or a glyph this lookup may start at further on.
            if (this.glyphClass(put) === 3 || reaches(this.gsub, index, effect, put)) return undefined;
            out[j] = put;
            made.add(put);
          }
          break;
        }
      }
    }
    for (const { index, effect } of this.positionings) {
      // Positioning rules are not applied here: one that matches sends the text to fontkit.
      for (let i = 0; i < out.length; i++)
        for (const rule of effect.rules.get(out[i] as number) ?? []) if (matches(rule, i)) return undefined;
      for (const glyph of made) {
        if (!effect.exact) return undefined;
        if (effect.kerning) {
          const c = this.glyphClass(glyph);
          if ((effect.kerning.flags & 0x2 && c === 1) || (effect.kerning.flags & 0x4 && c === 2)) return undefined;
        } else if (reaches(this.gpos, index, effect, glyph)) return undefined;
      }
    }
    return out;
  }

  /**
   * What pair kerning adds to a glyph and the one after it ([xAdv, yAdv, xOff, yOff] twice),
   * null for nothing, undefined when fontkit must lay the text out. Lookups in order; in each,
   * the first subtable that applies.
   */
  pair(first: number, second: number): number[] | null | undefined {
    const key = first * 65536 + second;
    if (this.pairs.has(key)) return this.pairs.get(key);
    let sum: number[] | null | undefined = null;
    try {
      for (const lookup of this.kerning) {
        for (const sub of lookup.subtables) {
          const adds = this.gpos.pair(sub, first, second);
          if (adds === null) continue;
          if (adds === undefined) throw new RangeError('a pair fontkit fails on');
          sum = sum ? sum.map((v, i) => v + (adds[i] ?? 0)) : adds;
          break;
        }
      }
    } catch {
      sum = undefined;
    }
    this.pairs.set(key, sum);
    return sum;
  }
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
