import type * as fontkit from 'fontkit';

// A font's tables as bytes, and the formats every OpenType layout table shares: coverage tables
// (which glyphs a subtable applies to) and class definitions. Read as fontkit reads them, for
// the lookups of layoutTables.ts; nothing here knows GSUB from GPOS.

interface FontFile {
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer?: Uint8Array };
}

/**
 * One table of a font parsed by fontkit, as bytes: where it starts in the file and the file,
 * or undefined when fontkit keeps them elsewhere or the table is not whole (read it decoded).
 */
export function fontTable(
  font: fontkit.Font,
  tag: string,
  minLength = 0,
): { bytes: DataView; offset: number; length: number } | undefined {
  const file = font as unknown as FontFile;
  const entry = file.directory?.tables?.[tag];
  const buffer = file.stream?.buffer;
  if (!entry || !(buffer instanceof Uint8Array) || entry.offset + Math.max(entry.length, minLength) > buffer.length)
    return undefined;
  return {
    bytes: new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    offset: entry.offset,
    length: entry.length,
  };
}

/** A table's bytes, with coverage and class definition tables read (and kept) by offset. */
export class OpenTypeTable {
  private readonly coverages = new Map<number, Uint8Array>();

  protected constructor(
    protected readonly bytes: DataView,
    protected readonly start: number,
    protected readonly end: number,
    readonly numGlyphs: number,
  ) {}

  /** Reads past the table throw, and whoever asked takes "anywhere". */
  protected u16(at: number): number {
    if (at < this.start || at + 2 > this.end) throw new RangeError('outside the table');
    return this.bytes.getUint16(at);
  }

  protected u32(at: number): number {
    if (at < this.start || at + 4 > this.end) throw new RangeError('outside the table');
    return this.bytes.getUint32(at);
  }

  protected tag(at: number): string {
    return String.fromCharCode(
      this.bytes.getUint8(at),
      this.bytes.getUint8(at + 1),
      this.bytes.getUint8(at + 2),
      this.bytes.getUint8(at + 3),
    );
  }

  private readonly indexArrays = new Map<number, Int32Array>();
  private readonly classArrays = new Map<number, Uint16Array>();

  /** Every glyph's index in a coverage table (-1: not listed), the first one as fontkit finds it. */
  coverageIndexes(at: number): Int32Array {
    let indexes = this.indexArrays.get(at);
    if (!indexes) {
      const made = new Int32Array(this.numGlyphs + 1).fill(-1);
      this.eachCovered(at, (g, i) => {
        if (g < made.length && made[g] === -1) made[g] = i;
      });
      indexes = made;
      this.indexArrays.set(at, indexes);
    }
    return indexes;
  }

  /** Every glyph's class in a class definition table, as classOf gives it. */
  classes(at: number): Uint16Array {
    let classes = this.classArrays.get(at);
    if (!classes) {
      classes = new Uint16Array(this.numGlyphs + 1);
      const format = this.u16(at);
      if (format === 1) {
        const first = this.u16(at + 2);
        for (let i = 0, n = this.u16(at + 4); i < n && first + i < classes.length; i++)
          classes[first + i] = this.u16(at + 6 + i * 2);
      } else if (format === 2) {
        // Backwards, so that where ranges overlap the first one listed wins, as in classOf.
        for (let i = this.u16(at + 2) - 1; i >= 0; i--) {
          const range = at + 4 + i * 6;
          classes.fill(this.u16(range + 4), this.u16(range), Math.min(this.u16(range + 2) + 1, classes.length));
        }
      }
      this.classArrays.set(at, classes);
    }
    return classes;
  }

  /** A glyph's index in a coverage table, -1 when not listed (as fontkit finds it). */
  coverageIndex(at: number, glyph: number): number {
    const format = this.u16(at);
    const count = this.u16(at + 2);
    if (format === 1) {
      for (let i = 0; i < count; i++) if (this.u16(at + 4 + i * 2) === glyph) return i;
    } else if (format === 2) {
      for (let i = 0; i < count; i++) {
        const range = at + 4 + i * 6;
        if (this.u16(range) <= glyph && glyph <= this.u16(range + 2))
          return this.u16(range + 4) + glyph - this.u16(range);
      }
    }
    return -1;
  }

  /** A glyph's class in a class definition table (0 when not listed). */
  classOf(at: number, glyph: number): number {
    const format = this.u16(at);
    if (format === 1) {
      const i = glyph - this.u16(at + 2);
      if (i >= 0 && i < this.u16(at + 4)) return this.u16(at + 6 + i * 2);
    } else if (format === 2) {
      for (let i = 0, n = this.u16(at + 2); i < n; i++) {
        const range = at + 4 + i * 6;
        if (this.u16(range) <= glyph && glyph <= this.u16(range + 2)) return this.u16(range + 4);
      }
    }
    return 0;
  }

  /** Each glyph a coverage table lists, with its index. */
  eachCovered(at: number, visit: (glyph: number, index: number) => void): void {
    const format = this.u16(at);
    const count = this.u16(at + 2);
    if (format === 1) for (let i = 0; i < count; i++) visit(this.u16(at + 4 + i * 2), i);
    else if (format === 2) {
      for (let i = 0; i < count; i++) {
        const range = at + 4 + i * 6;
        const first = this.u16(range);
        const index = this.u16(range + 4);
        for (let g = first, last = this.u16(range + 2); g <= last; g++) visit(g, index + g - first);
      }
    } else throw new RangeError(`coverage format ${format}`);
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
  protected markCoverage(at: number, set: Uint8Array): void {
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
}
