import type * as fontkit from 'fontkit';

/**
 * A font's GSUB and GPOS lookups read straight from its bytes, only as far as telling where each
 * lookup can start: the glyphs of its subtables' first coverage. A lookup fires only at a glyph
 * that coverage lists (every lookup type checks it first), so a lookup none of whose glyphs is
 * in a text does nothing to it, and need not be decoded at all. fontkit decodes every lookup of
 * every feature the first time it shapes anything, with restructure (a decoder object per
 * record: ~55 ms per face of Inter, half of it the mark positioning no Latin word needs).
 *
 * The offsets are OpenType's (https://learn.microsoft.com/typography/opentype/spec/chapter2).
 * Whatever this reader does not know (a lookup type or format, a table cut short) is answered
 * "may start anywhere", which only means the lookup is decoded and run as before.
 */

interface FontFile {
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer?: Uint8Array };
}

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

/** A context rule of format 3: one coverage set per glyph around and of the sequence. */
export interface ContextRule {
  backtrack: Uint8Array[];
  input: Uint8Array[];
  lookahead: Uint8Array[];
}

export class RawLayoutTable {
  private readonly lookups = new Map<number, RawLookup | null>();
  private readonly starts = new Map<number, Uint8Array | null>();
  private readonly coverages = new Map<number, Uint8Array>();
  private readonly lookupList: number;

  private constructor(
    private readonly bytes: DataView,
    private readonly start: number,
    private readonly end: number,
    readonly gpos: boolean,
    readonly numGlyphs: number,
  ) {
    this.lookupList = start + this.u16(start + 8);
  }

  static of(font: fontkit.Font, tag: 'GSUB' | 'GPOS'): RawLayoutTable | undefined {
    const file = font as unknown as FontFile;
    const entry = file.directory?.tables?.[tag];
    const buffer = file.stream?.buffer;
    if (!entry || !(buffer instanceof Uint8Array) || entry.offset + Math.max(entry.length, 10) > buffer.length) return undefined;
    const bytes = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (bytes.getUint16(entry.offset) !== 1) return undefined;
    return new RawLayoutTable(bytes, entry.offset, entry.offset + entry.length, tag === 'GPOS', font.numGlyphs);
  }

  /** Reads past the table throw, and whoever asked takes "anywhere". */
  private u16(at: number): number {
    if (at < this.start || at + 2 > this.end) throw new RangeError('outside the table');
    return this.bytes.getUint16(at);
  }

  private u32(at: number): number {
    if (at < this.start || at + 4 > this.end) throw new RangeError('outside the table');
    return this.bytes.getUint32(at);
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

  /** A coverage table as one byte per glyph (1: listed). */
  coverage(at: number): Uint8Array {
    let set = this.coverages.get(at);
    if (!set) {
      set = new Uint8Array(this.numGlyphs + 1);
      this.markCoverage(at, set);
      this.coverages.set(at, set);
    }
    return set;
  }

  /** Sets to 1 the bytes of the glyphs a coverage table lists. */
  private markCoverage(at: number, set: Uint8Array): void {
    const format = this.u16(at);
    const count = this.u16(at + 2);
    if (format === 1) {
      for (let i = 0; i < count; i++) {
        const g = this.u16(at + 4 + i * 2);
        if (g < set.length) set[g] = 1;
      }
    } else if (format === 2) {
      for (let i = 0; i < count; i++) {
        const range = at + 4 + i * 6;
        set.fill(1, this.u16(range), Math.min(this.u16(range + 2) + 1, set.length));
      }
    } else throw new RangeError(`coverage format ${format}`);
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
    const list = (from: number, count: number) => Array.from({ length: count }, (_, i) => this.coverage(at + this.u16(from + i * 2)));
    if (sub.type === (this.gpos ? 7 : 5)) return { backtrack: [], input: list(at + 6, this.u16(at + 2)), lookahead: [] };
    if (sub.type !== (this.gpos ? 8 : 6)) return undefined;
    const backtrack = this.u16(at + 2);
    const inputs = this.u16(at + 4 + backtrack * 2);
    const lookaheads = this.u16(at + 6 + backtrack * 2 + inputs * 2);
    return {
      backtrack: list(at + 4, backtrack),
      input: list(at + 6 + backtrack * 2, inputs),
      lookahead: list(at + 8 + backtrack * 2 + inputs * 2, lookaheads),
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
