import type * as fontkit from 'fontkit';
import { fontTable, OpenTypeTable } from './openTypeTable';

/**
 * A font's GSUB and GPOS lookups read straight from its bytes. fontkit decodes every lookup of
 * every feature the first time it shapes anything, with restructure (a decoder object per
 * record: ~55 ms per face of Inter, half of it the mark positioning no Latin word needs).
 * - Where each lookup can start: the glyphs of its subtables' first coverage. A lookup fires
 *   only at a glyph that coverage lists (every lookup type checks it first), so one none of
 *   whose glyphs is in a text does nothing to it and need not be decoded (fonts.ts).
 * - For the quick Latin layout (quickLayout.ts): the lookups of a script and features, ligatures,
 *   context rules of each format, single substitutions and pair kerning values, read as fontkit
 *   reads their decoded form.
 *
 * The offsets are OpenType's (https://learn.microsoft.com/typography/opentype/spec/chapter2).
 * Whatever this reader does not know (a lookup type or format, a table cut short) is answered
 * "may start anywhere" or "not known", which only means fontkit does the work, as before.
 */

export interface RawSubtable {
  /** The subtable's own type (an extension subtable's is the type it holds). */
  type: number;
  format: number;
  /** Where it starts in the font's bytes. */
  at: number;
}

export interface RawLookup {
  type: number;
  flags: number;
  subtables: RawSubtable[];
}

/** The bytes of a value record of this format (two per field present). */
function valueSize(format: number): number {
  let size = 0;
  for (let bit = 0; bit < 8; bit++) if (format & (1 << bit)) size += 2;
  return size;
}

/**
 * A context rule of format 1 (glyphs) or 2 (classes, of the class definitions given for the
 * backtrack, the input and the lookahead), for the glyphs it starts at.
 */
export interface RawContextRule {
  firsts: number[];
  backtrack: number[];
  input: number[];
  lookahead: number[];
  /** False for a rule that substitutes nothing (an "ignore" rule: it stops the rules after it). */
  applies: boolean;
  classDefs?: [number, number, number];
}

/** A context rule of format 3: one coverage set per glyph around and of the sequence. */
export interface ContextRule {
  backtrack: Uint8Array[];
  input: Uint8Array[];
  lookahead: Uint8Array[];
  /** False for a rule that substitutes nothing (an "ignore" rule: it stops the rules after it). */
  applies: boolean;
  /** What it applies (format 3): [position in the sequence, lookup index], in order. */
  records?: [number, number][];
}

export class RawLayoutTable extends OpenTypeTable {
  private readonly lookups = new Map<number, RawLookup | null>();
  private readonly starts = new Map<number, Uint8Array | null>();
  private readonly lookupList: number;

  private constructor(
    bytes: DataView,
    start: number,
    end: number,
    readonly gpos: boolean,
    numGlyphs: number,
  ) {
    super(bytes, start, end, numGlyphs);
    this.lookupList = start + this.u16(start + 8);
  }

  static of(font: fontkit.Font, tag: 'GSUB' | 'GPOS'): RawLayoutTable | undefined {
    const table = fontTable(font, tag, 10);
    if (!table || table.bytes.getUint16(table.offset) !== 1) return undefined;
    return new RawLayoutTable(table.bytes, table.offset, table.offset + table.length, tag === 'GPOS', font.numGlyphs);
  }

  /**
   * The lookups fontkit applies for a script and features with the default language, as its
   * selectScript and lookupsForFeatures list them: the script by tag, else the first of DFLT,
   * dflt, latn; its features by tag (a later one of a tag wins); each feature's lookups in the
   * order the features are asked for, then sorted by index (duplicates kept). Undefined when the
   * font has none of those scripts (fontkit then keeps the last script it used).
   */
  lookupIndexes(scriptTag: string, features: readonly string[]): number[] | undefined {
    const scriptList = this.start + this.u16(this.start + 4);
    const featureList = this.start + this.u16(this.start + 6);
    const scripts = new Map<string, number>();
    for (let i = 0, n = this.u16(scriptList); i < n; i++) {
      const record = scriptList + 2 + i * 6;
      const tag = this.tag(record);
      if (!scripts.has(tag)) scripts.set(tag, scriptList + this.u16(record + 4));
    }
    const script =
      scripts.get(scriptTag) ?? ['DFLT', 'dflt', 'latn'].map((t) => scripts.get(t)).find((at) => at !== undefined);
    if (script === undefined) return undefined;
    const langSys = this.u16(script);
    if (langSys === 0) return [];
    const byTag = new Map<string, number>();
    const at = script + langSys;
    for (let i = 0, n = this.u16(at + 4); i < n; i++) {
      const record = featureList + 2 + this.u16(at + 6 + i * 2) * 6;
      byTag.set(this.tag(record), featureList + this.u16(record + 4));
    }
    const indexes: number[] = [];
    for (const feature of features) {
      const table = byTag.get(feature);
      if (table === undefined) continue;
      for (let i = 0, n = this.u16(table + 2); i < n; i++) indexes.push(this.u16(table + 4 + i * 2));
    }
    return indexes.sort((a, b) => a - b);
  }

  /** A ligature substitution's ligatures: the first glyph and the glyphs that must follow it. */
  ligatures(sub: RawSubtable): { first: number; rest: number[] }[] {
    if (sub.format !== 1) throw new RangeError(`ligature format ${sub.format}`);
    const { at } = sub;
    const out: { first: number; rest: number[] }[] = [];
    const sets = this.u16(at + 4);
    this.eachCovered(at + this.u16(at + 2), (first, index) => {
      if (index >= sets) return;
      const set = at + this.u16(at + 6 + index * 2);
      for (let i = 0, n = this.u16(set); i < n; i++) {
        const ligature = set + this.u16(set + 2 + i * 2);
        const count = this.u16(ligature + 2);
        out.push({
          first,
          rest: Array.from({ length: Math.max(0, count - 1) }, (_, k) => this.u16(ligature + 4 + k * 2)),
        });
      }
    });
    return out;
  }

  /**
   * A context subtable of format 1 or 2 (rules by glyphs or by classes), rule by rule: the
   * glyphs it starts at (those whose rule set it is: by coverage index in format 1, by input
   * class in format 2), and what must come before, after the first glyph, and after the
   * sequence, each a glyph (format 1) or a class of a class definition (format 2).
   */
  contextRules(sub: RawSubtable): RawContextRule[] {
    const { at, format } = sub;
    const chained = sub.type === (this.gpos ? 8 : 6);
    const list = (from: number, count: number) => Array.from({ length: count }, (_, k) => this.u16(from + k * 2));
    /** A rule's glyphs or classes: [backtrack, input after the first, lookahead], and whether it substitutes. */
    const parts = (rule: number): [number[], number[], number[], boolean] => {
      if (!chained) return [[], list(rule + 4, Math.max(0, this.u16(rule) - 1)), [], this.u16(rule + 2) > 0];
      const bt = this.u16(rule);
      const input = Math.max(0, this.u16(rule + 2 + bt * 2) - 1);
      const la = this.u16(rule + 4 + bt * 2 + input * 2);
      return [
        list(rule + 2, bt),
        list(rule + 4 + bt * 2, input),
        list(rule + 6 + bt * 2 + input * 2, la),
        this.u16(rule + 6 + bt * 2 + input * 2 + la * 2) > 0,
      ];
    };
    const rulesOf = (set: number) =>
      Array.from({ length: this.u16(set) }, (_, i) => parts(set + this.u16(set + 2 + i * 2)));
    const out: RawContextRule[] = [];
    if (format === 1) {
      const sets = this.u16(at + 4);
      this.eachCovered(at + this.u16(at + 2), (first, index) => {
        if (index >= sets) return;
        for (const [backtrack, input, lookahead, applies] of rulesOf(at + this.u16(at + 6 + index * 2)))
          out.push({ firsts: [first], backtrack, input, lookahead, applies });
      });
      return out;
    }
    if (format !== 2) throw new RangeError(`context format ${format}`);
    const defs = chained
      ? [at + this.u16(at + 4), at + this.u16(at + 6), at + this.u16(at + 8)]
      : [at + this.u16(at + 4)];
    const inputDef = (chained ? defs[1] : defs[0]) as number;
    const backDef = (chained ? defs[0] : inputDef) as number;
    const aheadDef = (chained ? defs[2] : inputDef) as number;
    const sets = this.u16(at + (chained ? 10 : 6));
    const setsAt = at + (chained ? 12 : 8);
    const firstsByClass = new Map<number, number[]>();
    this.eachCovered(at + this.u16(at + 2), (first) => {
      const cls = this.classOf(inputDef, first);
      const firsts = firstsByClass.get(cls) ?? [];
      firsts.push(first);
      firstsByClass.set(cls, firsts);
    });
    for (const [cls, firsts] of firstsByClass) {
      const offset = cls < sets ? this.u16(setsAt + cls * 2) : 0;
      if (offset === 0) continue;
      for (const [backtrack, input, lookahead, applies] of rulesOf(at + offset))
        out.push({ firsts, backtrack, input, lookahead, applies, classDefs: [backDef, inputDef, aheadDef] });
    }
    return out;
  }

  /**
   * What pair kerning subtable `sub` adds for `first` then `second`, as fontkit applies it:
   * [xAdvance, yAdvance, xOffset, yOffset] for the first glyph, then the second; null when it
   * does not apply (fontkit tries the next subtable), undefined when fontkit would fail on it.
   */
  pair(sub: RawSubtable, first: number, second: number): number[] | null | undefined {
    const { at, format } = sub;
    const index = this.coverageIndexes(at + this.u16(at + 2))[first] ?? -1;
    if (index === -1) return null;
    const format1 = this.u16(at + 4);
    const format2 = this.u16(at + 6);
    const size1 = valueSize(format1);
    if (format === 1) {
      if (index >= this.u16(at + 8)) return undefined;
      const set = at + this.u16(at + 10 + index * 2);
      const record = 2 + size1 + valueSize(format2);
      for (let i = 0, n = this.u16(set); i < n; i++) {
        const r = set + 2 + i * record;
        if (this.u16(r) === second) return [...this.value(r + 2, format1), ...this.value(r + 2 + size1, format2)];
      }
      return null;
    }
    if (format !== 2) return undefined;
    const class1 = this.classes(at + this.u16(at + 8))[first] ?? 0;
    const class2 = this.classes(at + this.u16(at + 10))[second] ?? 0;
    const count1 = this.u16(at + 12);
    const count2 = this.u16(at + 14);
    if (class1 >= count1 || class2 >= count2) return undefined;
    const r = at + 16 + (class1 * count2 + class2) * (size1 + valueSize(format2));
    return [...this.value(r, format1), ...this.value(r + size1, format2)];
  }

  /**
   * The glyph a single substitution lookup puts for `glyph`, as fontkit applies one inside a
   * context rule (the first subtable that lists the glyph): null when none lists it, undefined
   * when the lookup is not single substitutions.
   */
  singleSubstitute(index: number, glyph: number): number | null | undefined {
    const lookup = this.lookup(index);
    if (
      this.gpos ||
      !lookup ||
      !lookup.subtables.every((sub) => sub.type === 1 && (sub.format === 1 || sub.format === 2))
    )
      return undefined;
    for (const { at, format } of lookup.subtables) {
      const i = this.coverageIndexes(at + this.u16(at + 2))[glyph] ?? -1;
      if (i === -1) continue;
      if (format === 1) return (glyph + this.bytes.getInt16(at + 4)) & 0xffff;
      return i < this.u16(at + 4) ? this.u16(at + 6 + i * 2) : undefined;
    }
    return null;
  }

  /** A value record's advances and placements, in fontkit's order of application. */
  private value(at: number, format: number): [number, number, number, number] {
    const out: [number, number, number, number] = [0, 0, 0, 0];
    let offset = at;
    // Bits: x placement, y placement, x advance, y advance (then device tables, not applied).
    const slot = [2, 3, 0, 1];
    for (let bit = 0; bit < 4; bit++) {
      if (!(format & (1 << bit))) continue;
      out[slot[bit] as number] = this.bytes.getInt16(offset);
      offset += 2;
    }
    return out;
  }

  get lookupCount(): number {
    return this.u16(this.lookupList);
  }

  /** A lookup's type, flags and subtables (extensions resolved), or undefined if unreadable. */
  lookup(index: number): RawLookup | undefined {
    let lookup = this.lookups.get(index);
    if (lookup === undefined) {
      try {
        if (index >= this.u16(this.lookupList)) throw new RangeError('no such lookup');
        const at = this.lookupList + this.u16(this.lookupList + 2 + index * 2);
        const type = this.u16(at);
        const count = this.u16(at + 4);
        const subtables: RawSubtable[] = [];
        for (let i = 0; i < count; i++) {
          let sub = at + this.u16(at + 6 + i * 2);
          let subType = type;
          if (type === (this.gpos ? 9 : 7)) {
            subType = this.u16(sub + 2);
            sub += this.u32(sub + 4);
          }
          subtables.push({ type: subType, format: this.u16(sub), at: sub });
        }
        lookup = { type, flags: this.u16(at + 2), subtables };
      } catch {
        lookup = null;
      }
      this.lookups.set(index, lookup);
    }
    return lookup ?? undefined;
  }

  /** Where a subtable's first coverage starts, as fontkit reads each type (see quickLayout.ts). */
  firstCoverage(sub: RawSubtable): number | undefined {
    const { type, format, at } = sub;
    const context = this.gpos ? 7 : 5;
    const chained = this.gpos ? 8 : 6;
    if (type === context) {
      if (format === 1 || format === 2) return at + this.u16(at + 2);
      if (format === 3) return this.u16(at + 2) > 0 ? at + this.u16(at + 6) : undefined;
      return undefined;
    }
    if (type === chained) {
      if (format === 1 || format === 2) return at + this.u16(at + 2);
      if (format !== 3) return undefined;
      const backtrack = this.u16(at + 2);
      const inputs = this.u16(at + 4 + backtrack * 2);
      return inputs > 0 ? at + this.u16(at + 6 + backtrack * 2) : undefined;
    }
    // GSUB 1-4 and 8, GPOS 1-3: the coverage; GPOS 4-6: the mark (or first mark) coverage. All
    // at the same place, after the format.
    const known = this.gpos ? type >= 1 && type <= 6 : (type >= 1 && type <= 4) || type === 8;
    return known ? at + this.u16(at + 2) : undefined;
  }

  /**
   * A context subtable of format 3 (a coverage per glyph of the sequence) as coverage sets: the
   * glyphs before (backtrack), the sequence itself (input) and after (lookahead). Undefined for
   * other formats.
   */
  contextRule(sub: RawSubtable): ContextRule | undefined {
    if (sub.format !== 3) return undefined;
    const { at } = sub;
    const list = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => this.coverage(at + this.u16(from + i * 2)));
    const records = (from: number, count: number): [number, number][] =>
      Array.from({ length: count }, (_, i) => [this.u16(from + i * 4), this.u16(from + i * 4 + 2)]);
    if (sub.type === (this.gpos ? 7 : 5)) {
      const glyphs = this.u16(at + 2);
      const count = this.u16(at + 4);
      return {
        backtrack: [],
        input: list(at + 6, glyphs),
        lookahead: [],
        applies: count > 0,
        records: records(at + 6 + glyphs * 2, count),
      };
    }
    if (sub.type !== (this.gpos ? 8 : 6)) return undefined;
    const backtrack = this.u16(at + 2);
    const inputs = this.u16(at + 4 + backtrack * 2);
    const lookaheads = this.u16(at + 6 + backtrack * 2 + inputs * 2);
    const count = this.u16(at + 8 + backtrack * 2 + inputs * 2 + lookaheads * 2);
    return {
      backtrack: list(at + 4, backtrack),
      input: list(at + 6 + backtrack * 2, inputs),
      lookahead: list(at + 8 + backtrack * 2 + inputs * 2, lookaheads),
      applies: count > 0,
      records: records(at + 10 + backtrack * 2 + inputs * 2 + lookaheads * 2, count),
    };
  }

  /** The glyphs lookup `index` can start at, or undefined when that is not known (anywhere). */
  startCoverage(index: number): Uint8Array | undefined {
    let set = this.starts.get(index);
    if (set === undefined) {
      try {
        const lookup = this.lookup(index);
        if (!lookup) throw new RangeError('unreadable lookup');
        set = new Uint8Array(this.numGlyphs + 1);
        for (const sub of lookup.subtables) {
          const first = this.firstCoverage(sub);
          if (first === undefined) throw new RangeError('unknown subtable');
          this.markCoverage(first, set);
        }
      } catch {
        set = null;
      }
      this.starts.set(index, set);
    }
    return set ?? undefined;
  }
}

const tables = new WeakMap<fontkit.Font, Record<'GSUB' | 'GPOS', RawLayoutTable | undefined>>();

/** The font's raw GSUB or GPOS, read once per font. */
export function rawLayoutTable(font: fontkit.Font, tag: 'GSUB' | 'GPOS'): RawLayoutTable | undefined {
  let both = tables.get(font);
  if (!both) {
    both = { GSUB: RawLayoutTable.of(font, 'GSUB'), GPOS: RawLayoutTable.of(font, 'GPOS') };
    tables.set(font, both);
  }
  return both[tag];
}
