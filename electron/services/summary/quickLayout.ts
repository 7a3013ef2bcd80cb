import type * as fontkit from 'fontkit';
import { type ContextRule, type RawLayoutTable, rawLayoutTable } from './layoutTables';

/**
 * Everyday Latin text laid out straight from the font's tables: the glyphs and positions
 * fontkit's layout gives (2.0.4, its default shaper), for a fraction of the cost. Shaping with
 * fontkit runs every lookup of every feature over every glyph, most of the time a summary takes
 * to lay out and draw; yet for most words of a Latin text no substitution can apply and the
 * positions are the glyphs' advances plus pair kerning.
 *
 * A text takes this path only when nothing else could happen to it in fontkit:
 * - every character is in the Latin and common ranges below (no combining mark, no invisible
 *   character, no fraction slash, which switches fontkit's fraction features on);
 * - every glyph is in the font, and no GSUB lookup of the features fontkit applies starts at it
 *   (a lookup only fires at a glyph its first coverage lists);
 * - every GPOS lookup that could start at it is pair kerning, whose flags never skip it.
 * Anything else returns undefined, and the caller shapes with fontkit. Pair kerning is then
 * applied as fontkit applies it: lookups in index order, the first subtable that matches wins,
 * value1 to the glyph and value2 to the next one. Tests compare both paths glyph for glyph on
 * every character of the ranges and on random texts, and whole summaries byte for byte.
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

// --- fontkit's parsed OpenType tables, as far as they are read here --------------------------
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface ValueRecord {
  xPlacement?: number | null;
  yPlacement?: number | null;
  xAdvance?: number | null;
  yAdvance?: number | null;
}
interface List<T> {
  length: number;
  get(index: number): T;
}
interface Subtable {
  /** Where restructure read it from, in the font's bytes (not enumerable). */
  _startOffset?: number;
  version?: number;
  valueFormat1?: Record<string, boolean>;
  valueFormat2?: Record<string, boolean>;
  class2Count?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  pairSets?: List<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }[]>;
  ligatureSets?: List<{ components: number[] }[]>;
  // Contexts (GSUB 5, GPOS 7) and chained contexts (GSUB 6, GPOS 8).
  classDef?: ClassDef;
  ruleSets?: ({ input: number[] }[] | null)[];
  classSet?: ({ classes: number[] }[] | null)[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  backtrackClassDef?: ClassDef;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  chainRuleSets?: (ChainRule[] | null)[];
  chainClassSet?: (ChainRule[] | null)[];
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: List<List<{ value1?: ValueRecord; value2?: ValueRecord }>>;
}
interface ChainRule {
  backtrack: number[];
  input: number[];
  lookahead: number[];
}
interface Lookup {
  lookupType: number;
  flags: { markAttachmentType: number; flags: { ignoreBaseGlyphs?: boolean; ignoreLigatures?: boolean; ignoreMarks?: boolean } };
  subTables: Subtable[];
}
interface LayoutTable {
  scriptList?: { tag: string; script: { defaultLangSys?: { featureIndexes: number[] } | null } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: List<Lookup>;
  featureVariations?: unknown;
}
interface FontBytes {
  stream?: { buffer?: Uint8Array };
  _cmapProcessor?: { lookup(codePoint: number): number };
}
interface FontTables {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
}

// --- what fontkit's default shaper applies, in its order --------------------------------------
// The plan's features for a left-to-right script, less frac/numr/dnom: fontkit gives those only
// to digits around U+2044, which never takes this path.
const FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];
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

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs?.indexOf(glyph) ?? -1;
  if (coverage.version === 2) {
    for (const range of coverage.rangeRecords ?? []) if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
  }
  return -1;
}

function classOf(glyph: number, classDef: ClassDef): number {
  if (classDef.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    const values = classDef.classValueArray ?? [];
    if (i >= 0 && i < values.length) return values[i] ?? 0;
  } else if (classDef.version === 2) {
    for (const range of classDef.classRangeRecord ?? []) if (range.start <= glyph && glyph <= range.end) return range.class;
  }
  return 0;
}

function mark(touched: Uint8Array, coverage: Coverage | undefined): void {
  if (!coverage) return;
  if (coverage.version === 1) for (const g of coverage.glyphs ?? []) touched[g] = 1;
  else if (coverage.version === 2) for (const r of coverage.rangeRecords ?? []) touched.fill(1, r.start, r.end + 1);
}

/**
 * The glyphs texts on this path are made of (those of its characters). No substitution fires on
 * such a text, so a ligature or a context can only form from them. Coverages can list thousands
 * of glyphs: they are read range by range against these few hundred, never expanded.
 */
class Producible {
  readonly has: Uint8Array;
  /** prefix[g]: how many producible glyphs come before glyph g. */
  private readonly prefix: Int32Array;
  /** Their ids, in order. */
  readonly sorted: number[];

  constructor(has: Uint8Array) {
    this.has = has;
    this.prefix = new Int32Array(has.length + 1);
    this.sorted = [];
    for (let g = 0; g < has.length; g++) {
      this.prefix[g + 1] = (this.prefix[g] ?? 0) + (has[g] ?? 0);
      if (has[g] === 1) this.sorted.push(g);
    }
  }

  private inRange(start: number, end: number): number {
    const to = Math.min(end + 1, this.has.length);
    return start >= to ? 0 : (this.prefix[to] ?? 0) - (this.prefix[start] ?? 0);
  }

  /** Whether any of them is among `glyphs` (one byte per glyph); unknown glyphs (undefined) may be. */
  meets(glyphs: Uint8Array | undefined): boolean {
    if (!glyphs) return true;
    for (const g of this.sorted) if (glyphs[g] === 1) return true;
    return false;
  }

  /** Whether a coverage lists any of them. */
  any(coverage: Coverage): boolean {
    if (coverage.version === 1) return (coverage.glyphs ?? []).some((g) => this.has[g] === 1);
    return (coverage.rangeRecords ?? []).some((r) => this.inRange(r.start, r.end) > 0);
  }

  /** Each of them a coverage lists, with its coverage index. */
  eachCovered(coverage: Coverage, visit: (glyph: number, index: number) => void): void {
    if (coverage.version === 1) {
      (coverage.glyphs ?? []).forEach((g, i) => {
        if (this.has[g] === 1) visit(g, i);
      });
      return;
    }
    for (const r of coverage.rangeRecords ?? []) {
      if (this.inRange(r.start, r.end) === 0) continue;
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.sorted[mid] ?? 0) < r.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.sorted.length && (this.sorted[k] ?? 0) <= r.end; k++) {
        const g = this.sorted[k] ?? 0;
        visit(g, r.startCoverageIndex + g - r.start);
      }
    }
  }
}

const CONTEXT = { gsub: 5, gpos: 7 };
const CHAINED = { gsub: 6, gpos: 8 };

/** The coverage of the glyph a subtable starts at (the current glyph when fontkit applies it). */
function startCoverage(table: Subtable, lookupType: number, gpos: boolean): Coverage | undefined {
  if (gpos && (lookupType === 4 || lookupType === 5)) return table.markCoverage;
  if (gpos && lookupType === 6) return table.mark1Coverage;
  if ((gpos ? lookupType === 7 : lookupType === 5) && table.version === 3) return table.coverages?.[0];
  if ((gpos ? lookupType === 8 : lookupType === 6) && table.version === 3) return table.inputCoverage?.[0];
  return table.coverage;
}

/** A subtable with its real type (an extension subtable holds one of another type). */
function unwrap(table: Subtable, lookupType: number, gpos: boolean): [Subtable, number] {
  if (lookupType === (gpos ? 9 : 7) && table.extension) return [table.extension, table.lookupType ?? 0];
  return [table, lookupType];
}

/** The lookups fontkit applies for a script (default language), sorted by index as it sorts them. */
function lookupsFor(table: LayoutTable, scriptTag: string): number[] | undefined {
  const scripts = table.scriptList ?? [];
  const entry = scripts.find((s) => s.tag === scriptTag) ?? DEFAULT_SCRIPTS.map((tag) => scripts.find((s) => s.tag === tag)).find((s) => s !== undefined);
  // No such script and no default: fontkit then keeps whichever script it laid out last.
  if (!entry) return undefined;
  const langSys = entry.script.defaultLangSys;
  if (!langSys) return [];
  const features = new Map<string, number[]>();
  for (const index of langSys.featureIndexes) {
    const record = table.featureList[index];
    if (record) features.set(record.tag, record.feature.lookupListIndexes);
  }
  const list: number[] = [];
  for (const tag of FEATURES) list.push(...(features.get(tag) ?? []));
  return list.sort((a, b) => a - b);
}

/**
 * Each lookup that can start at a glyph of these texts, decoded (in fontkit's order). One that
 * cannot, as read from the font's bytes (layoutTables.ts), is never decoded: mark positioning,
 * and most of a font's substitutions, for Latin text.
 */
function decodedLookups(table: LayoutTable, indexes: readonly number[], raw: RawLayoutTable | undefined, producible: Producible): Lookup[] {
  return indexes.filter((index) => producible.meets(raw?.startCoverage(index))).map((index) => table.lookupList.get(index));
}

// A value record's fields in the order the font stores them (OpenType ValueFormat bits).
const VALUE_FIELDS = ['xPlacement', 'yPlacement', 'xAdvance', 'yAdvance', 'xPlaDevice', 'yPlaDevice', 'xAdvDevice', 'yAdvDevice'] as const;

/**
 * Pair kerning values read straight from the font's bytes. restructure decodes each record of a
 * pair table by building a new decoder for it (tens of microseconds each), and a page meets a
 * thousand pairs; the bytes are where it read the subtable from. Undefined when that place is
 * not known (another restructure): the decoded tables are read instead.
 */
class PairBytes {
  constructor(private readonly bytes: DataView) {}

  static of(font: fontkit.Font): PairBytes | undefined {
    const buffer = (font as unknown as FontBytes).stream?.buffer;
    return buffer instanceof Uint8Array ? new PairBytes(new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)) : undefined;
  }

  private static size(format: Record<string, boolean> | undefined): number {
    return VALUE_FIELDS.reduce((n, field) => n + (format?.[field] ? 2 : 0), 0);
  }

  /** A value record at `at` in the given format, with only the fields fontkit applies. */
  private value(at: number, format: Record<string, boolean> | undefined): ValueRecord | undefined {
    if (!format || PairBytes.size(format) === 0) return undefined;
    const value: ValueRecord = {};
    let offset = at;
    for (const field of VALUE_FIELDS) {
      if (!format[field]) continue;
      if (field === 'xPlacement' || field === 'yPlacement' || field === 'xAdvance' || field === 'yAdvance') value[field] = this.bytes.getInt16(offset);
      offset += 2;
    }
    return value;
  }

  /** Format 1: the first record for `second` in the pair set at `index`; null when none. */
  pairSet(table: Subtable, index: number, second: number): { value1?: ValueRecord; value2?: ValueRecord } | null | undefined {
    const start = table._startOffset;
    if (start === undefined) return undefined;
    const set = start + this.bytes.getUint16(start + 10 + index * 2);
    const count = this.bytes.getUint16(set);
    const size1 = PairBytes.size(table.valueFormat1);
    const record = 2 + size1 + PairBytes.size(table.valueFormat2);
    for (let i = 0; i < count; i++) {
      const at = set + 2 + i * record;
      if (this.bytes.getUint16(at) === second) return { value1: this.value(at + 2, table.valueFormat1), value2: this.value(at + 2 + size1, table.valueFormat2) };
    }
    return null;
  }

  /** Format 2: the record of two classes. */
  classPair(table: Subtable, class1: number, class2: number): { value1?: ValueRecord; value2?: ValueRecord } | undefined {
    const start = table._startOffset;
    if (start === undefined || table.class2Count === undefined) return undefined;
    const size1 = PairBytes.size(table.valueFormat1);
    const record = size1 + PairBytes.size(table.valueFormat2);
    const at = start + 16 + (class1 * table.class2Count + class2) * record;
    return { value1: this.value(at, table.valueFormat1), value2: this.value(at + size1, table.valueFormat2) };
  }
}

/** One script's worth of knowledge of a font: which glyphs take this path, and its kerning. */
/** The lookup flags that make fontkit skip glyphs of a class (base glyphs, ligatures). */
const SKIPS_BASES_OR_LIGATURES = 0x2 | 0x4;

class ScriptLayout {
  /** 1: a glyph this path cannot lay out; 2: one it can unless a context rule matches around it. */
  readonly touched: Uint8Array;
  /** The context rules (format 3) that start at glyphs marked 2, checked against each text. */
  private readonly rules: ContextRule[] = [];
  private readonly kerning: Lookup[] = [];
  /** Per pair of glyphs: what kerning adds to both (8 numbers), or null for nothing. */
  private readonly pairs = new Map<number, Float64Array | null>();

  constructor(
    tables: FontTables,
    numGlyphs: number,
    scriptTag: string,
    glyphClass: (g: number) => number,
    producible: Producible,
    private readonly bytes: PairBytes | undefined,
    raw: { GSUB?: RawLayoutTable; GPOS?: RawLayoutTable },
  ) {
    this.touched = new Uint8Array(numGlyphs + 1);
    const substitutionIndexes = tables.GSUB ? lookupsFor(tables.GSUB, scriptTag) : [];
    const positioningIndexes = tables.GPOS ? lookupsFor(tables.GPOS, scriptTag) : [];
    if (!substitutionIndexes || !positioningIndexes) {
      this.touched.fill(1);
      return;
    }
    const substitutions = tables.GSUB ? decodedLookups(tables.GSUB, this.takeRules(substitutionIndexes, raw.GSUB, producible), raw.GSUB, producible) : [];
    const positionings = tables.GPOS ? decodedLookups(tables.GPOS, this.takeRules(positioningIndexes, raw.GPOS, producible), raw.GPOS, producible) : [];
    {
      for (const lookup of substitutions)
        for (const sub of lookup.subTables) {
          const [table, type] = unwrap(sub, lookup.lookupType, false);
          if (type === 4) this.markLigatures(table, producible);
          else if (type === CONTEXT.gsub || type === CHAINED.gsub) this.markContext(table, type === CHAINED.gsub, producible);
          else mark(this.touched, startCoverage(table, type, false));
        }
    }
    {
      for (const lookup of positionings) {
        let pairs = false;
        for (const sub of lookup.subTables) {
          const [table, type] = unwrap(sub, lookup.lookupType, true);
          if (type === 2) pairs = true;
          else if (type === CONTEXT.gpos || type === CHAINED.gpos) this.markContext(table, type === CHAINED.gpos, producible);
          else mark(this.touched, startCoverage(table, type, true));
        }
        if (!pairs) continue;
        this.kerning.push(lookup);
        // A glyph this lookup's flags skip would change which glyph is "next": not here.
        const { flags } = lookup.flags;
        if (flags.ignoreBaseGlyphs || flags.ignoreLigatures) {
          for (let g = 0; g < numGlyphs; g++) {
            const c = glyphClass(g);
            if ((flags.ignoreBaseGlyphs && c === 1) || (flags.ignoreLigatures && c === 2)) this.touched[g] = 1;
          }
        }
      }
    }
  }

  /**
   * Lookups made only of context rules of format 3 (Inter's case and arrow forms, × between
   * digits) are kept as rules, read from the font's bytes, and matched against each text as
   * fontkit matches them (matches() below): a hyphen or a colon takes this path unless it sits
   * where its rule applies. The other lookups are returned, to be decoded and looked at whole.
   */
  private takeRules(indexes: readonly number[], raw: RawLayoutTable | undefined, producible: Producible): number[] {
    if (!raw) return [...indexes];
    const rest: number[] = [];
    for (const index of indexes) {
      if (!producible.meets(raw.startCoverage(index))) continue;
      const lookup = raw.lookup(index);
      let rules: ContextRule[] | undefined;
      try {
        rules = lookup && (lookup.flags & SKIPS_BASES_OR_LIGATURES) === 0 ? lookup.subtables.map((sub) => raw.contextRule(sub)).filter((r) => r !== undefined) : undefined;
        if (rules && rules.length !== lookup?.subtables.length) rules = undefined;
      } catch {
        rules = undefined;
      }
      if (!rules) {
        rest.push(index);
        continue;
      }
      for (const rule of rules) {
        // A rule needing a glyph none of these texts has can never match them.
        if (![...rule.backtrack, ...rule.input, ...rule.lookahead].every((set) => producible.meets(set))) continue;
        const first = rule.input[0];
        if (!first) continue;
        this.rules.push(rule);
        for (const g of producible.sorted) if (first[g] === 1 && this.touched[g] === 0) this.touched[g] = 2;
      }
    }
    return rest;
  }

  /**
   * Whether a context rule matches anywhere in the text, as fontkit tests it: the backtrack
   * glyphs from `backtrack.length` before the glyph onwards (in that order, as fontkit reads
   * them), then the sequence, then the lookahead. No glyph of these texts is skipped (no marks).
   */
  matches(ids: readonly number[]): boolean {
    const at = (set: Uint8Array | undefined, i: number) => i >= 0 && i < ids.length && set?.[ids[i] as number] === 1;
    for (let i = 0; i < ids.length; i++) {
      if (this.touched[ids[i] as number] !== 2) continue;
      for (const rule of this.rules) {
        if (!at(rule.input[0], i)) continue;
        const start = i - rule.backtrack.length;
        if (rule.backtrack.every((set, k) => at(set, start + k)) && rule.input.every((set, k) => at(set, i + k)) && rule.lookahead.every((set, k) => at(set, i + rule.input.length + k))) return true;
      }
    }
    return false;
  }

  /**
   * A ligature's first glyph, when the rest of it can follow in such a text: fonts list many
   * ligatures of a letter with combining marks (ccmp), which these texts never hold.
   */
  private markLigatures(table: Subtable, producible: Producible): void {
    const { coverage, ligatureSets } = table;
    if (!coverage || !ligatureSets) return mark(this.touched, coverage);
    producible.eachCovered(coverage, (first, index) => {
      if (ligatureSets.get(index).some((ligature) => ligature.components.every((g) => producible.has[g] === 1))) this.touched[first] = 1;
    });
  }

  /**
   * The glyphs a context rule may start at, when every glyph (or class) it needs around them
   * can be there: the Latin forms fonts choose beside combining marks (ccmp) never apply, while
   * Inter's case forms (a hyphen between capitals) and × between digits do, and send the text
   * to fontkit. Read as fontkit reads each format.
   */
  private markContext(table: Subtable, chained: boolean, producible: Producible): void {
    const all = (glyphs: readonly number[]) => glyphs.every((g) => producible.has[g] === 1);
    const some = (coverage: Coverage) => producible.any(coverage);
    const classes = new Map<ClassDef, Set<number>>();
    const classesOf = (classDef: ClassDef | undefined) => {
      if (!classDef) return new Set<number>();
      let set = classes.get(classDef);
      if (!set) {
        set = new Set();
        for (const g of producible.sorted) set.add(classOf(g, classDef));
        classes.set(classDef, set);
      }
      return set;
    };
    const inClasses = (list: readonly number[], classDef: ClassDef | undefined) => {
      const set = classesOf(classDef);
      return list.every((c) => set.has(c));
    };
    if (table.version === 3) {
      const coverages = chained ? [...(table.backtrackCoverage ?? []), ...(table.inputCoverage ?? []), ...(table.lookaheadCoverage ?? [])] : (table.coverages ?? []);
      if (coverages.every(some)) mark(this.touched, startCoverage(table, chained ? CHAINED.gsub : CONTEXT.gsub, false));
      return;
    }
    if (!table.coverage) return;
    producible.eachCovered(table.coverage, (first, index) => {
      let fires: boolean;
      if (table.version === 1) {
        fires = chained
          ? (table.chainRuleSets?.[index] ?? []).some((r) => all(r.backtrack) && all(r.input) && all(r.lookahead))
          : (table.ruleSets?.[index] ?? []).some((r) => all(r.input));
      } else if (table.version === 2) {
        fires = chained
          ? (table.chainClassSet?.[classOf(first, table.inputClassDef ?? { version: 0 })] ?? []).some(
              (r) => inClasses(r.backtrack, table.backtrackClassDef) && inClasses(r.input, table.inputClassDef) && inClasses(r.lookahead, table.lookaheadClassDef),
            )
          : (table.classSet?.[classOf(first, table.classDef ?? { version: 0 })] ?? []).some((r) => inClasses(r.classes, table.classDef));
      } else fires = true;
      if (fires) this.touched[first] = 1;
    });
  }

  /** What pair kerning adds to a glyph and the one after it: [xAdv, yAdv, xOff, yOff] twice. */
  pair(first: number, second: number): Float64Array | null {
    const key = first * 65536 + second;
    let known = this.pairs.get(key);
    if (known !== undefined) return known;
    let sum: Float64Array | null = null;
    const add = (offset: number, value: ValueRecord | undefined) => {
      if (!value) return;
      const v = (sum ??= new Float64Array(8));
      if (value.xAdvance != null) v[offset] = (v[offset] ?? 0) + value.xAdvance;
      if (value.yAdvance != null) v[offset + 1] = (v[offset + 1] ?? 0) + value.yAdvance;
      if (value.xPlacement != null) v[offset + 2] = (v[offset + 2] ?? 0) + value.xPlacement;
      if (value.yPlacement != null) v[offset + 3] = (v[offset + 3] ?? 0) + value.yPlacement;
    };
    for (const lookup of this.kerning) {
      for (const sub of lookup.subTables) {
        const [table, type] = unwrap(sub, lookup.lookupType, true);
        if (type !== 2 || !table.coverage) continue;
        const index = coverageIndex(table.coverage, first);
        if (index === -1) continue;
        if (table.version === 1) {
          let found = this.bytes?.pairSet(table, index, second);
          if (found === undefined) found = table.pairSets?.get(index).find((p) => p.secondGlyph === second) ?? null;
          if (!found) continue;
          add(0, found.value1);
          add(4, found.value2);
          break;
        }
        if (table.version === 2 && table.classDef1 && table.classDef2) {
          const class1 = classOf(first, table.classDef1);
          const class2 = classOf(second, table.classDef2);
          const record = this.bytes?.classPair(table, class1, class2) ?? table.classRecords?.get(class1).get(class2);
          add(0, record?.value1);
          add(4, record?.value2);
          break;
        }
      }
    }
    known = sum;
    this.pairs.set(key, known);
    return known;
  }
}

class FontLayout {
  private readonly scripts = new Map<string, ScriptLayout>();
  /** Per code point: its glyph, or -1 when the character never takes this path. */
  private readonly glyphs = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly tables: FontTables;
  private readonly glyphClass: (g: number) => number;

  constructor(private readonly font: fontkit.Font) {
    this.tables = font as unknown as FontTables;
    const classDef = this.tables.GDEF?.glyphClassDef;
    // Without a GDEF table fontkit takes every glyph of these characters for a base glyph.
    this.glyphClass = classDef ? (g) => classOf(g, classDef) : () => 1;
  }

  private script(tag: string): ScriptLayout {
    let script = this.scripts.get(tag);
    if (!script) {
      const raw = { GSUB: rawLayoutTable(this.font, 'GSUB'), GPOS: rawLayoutTable(this.font, 'GPOS') };
      script = new ScriptLayout(this.tables, this.font.numGlyphs, tag, this.glyphClass, this.producible(), PairBytes.of(this.font), raw);
      this.scripts.set(tag, script);
    }
    return script;
  }

  private made?: Producible;
  private producible(): Producible {
    if (!this.made) {
      const has = new Uint8Array(this.font.numGlyphs + 1);
      // fontkit's character map alone: making glyph objects for every character would read outlines.
      const cmap = (this.font as unknown as FontBytes)._cmapProcessor;
      const lookup = typeof cmap?.lookup === 'function' ? (cp: number) => cmap.lookup(cp) : (cp: number) => this.font.glyphForCodePoint(cp).id;
      for (const [from, to] of RANGES)
        for (let cp = from; cp <= to; cp++) {
          const id = lookup(cp);
          // A superset is safe (more glyphs that may follow means fewer texts on this path).
          if (id > 0) has[id] = 1;
        }
      this.made = new Producible(has);
    }
    return this.made;
  }

  private glyphFor(cp: number): number {
    let id = this.glyphs.get(cp);
    if (id === undefined) {
      id = inRange(cp) ? this.font.glyphForCodePoint(cp).id : -1;
      // The missing glyph, or a glyph the font calls a mark (fontkit may skip or zero it).
      if (id === 0 || (id > 0 && this.glyphClass(id) === 3)) id = -1;
      this.glyphs.set(cp, id);
    }
    return id;
  }

  private advance(id: number): number {
    let width = this.advances.get(id);
    if (width === undefined) {
      width = this.font.getGlyph(id).advanceWidth;
      this.advances.set(id, width);
    }
    return width;
  }

  layout(text: string): LaidRun | undefined {
    const ids: number[] = [];
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
    if (contextual && script.matches(ids)) return undefined;
    const glyphs: LaidGlyph[] = [];
    const positions: LaidPosition[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const advanceWidth = this.advance(id);
      glyphs.push({ id, advanceWidth, codePoints: [codePoints[i] as number] });
      positions.push({ xAdvance: advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    for (let i = 0; i + 1 < ids.length; i++) {
      const adds = script.pair(ids[i] as number, ids[i + 1] as number);
      if (!adds) continue;
      const a = positions[i] as LaidPosition;
      const b = positions[i + 1] as LaidPosition;
      a.xAdvance += adds[0] as number;
      a.yAdvance += adds[1] as number;
      a.xOffset += adds[2] as number;
      a.yOffset += adds[3] as number;
      b.xAdvance += adds[4] as number;
      b.yAdvance += adds[5] as number;
      b.xOffset += adds[6] as number;
      b.yOffset += adds[7] as number;
    }
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
 * it. Fonts with variations, or whose features vary by them, always go to fontkit.
 */
export function quickLayout(font: fontkit.Font, text: string): LaidRun | undefined {
  if (!enabled) return undefined;
  let layout = layouts.get(font);
  if (layout === undefined) {
    const tables = font as unknown as FontTables;
    const varies = Object.keys(font.variationAxes ?? {}).length > 0 || tables.GSUB?.featureVariations != null || tables.GPOS?.featureVariations != null;
    layout = varies ? null : new FontLayout(font);
    layouts.set(font, layout);
  }
  return layout?.layout(text);
}
