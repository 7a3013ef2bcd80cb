// One script's lookups of a font applied to a text as fontkit applies them: the substitutions
// quickLayout can make itself and the pair kerning, each lookup's effect known beforehand
// (lookupEffects.ts).
import type { ContextRule, RawLayoutTable, RawLookup } from './layoutTables';
import type { Effect } from './lookupEffects';

/** One script's worth of knowledge of a font: which glyphs take this path, and its kerning. */
export class ScriptLayout {
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
