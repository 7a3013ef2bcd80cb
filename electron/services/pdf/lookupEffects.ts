// What each lookup of a font's GSUB and GPOS can do to the texts quickLayout lays out (see
// quickLayout.ts), worked out once per font from the table bytes: the half of the quick path
// that decides, apart from the half that applies (scriptLayout.ts).
import type { ContextRule, RawLayoutTable, RawLookup } from './layoutTables';

/**
 * The glyphs texts on this path are made of (those of its characters). No substitution fires on
 * such a text, so a ligature or a context can only form from them.
 */
export class Producible {
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
export interface Effect {
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
export function effectOf(
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
