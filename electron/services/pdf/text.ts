import { segmentGraphemes } from '../../../core/text/graphemes';
import type { SummaryText } from '../../../core/summary/summary';
import { direction, drawnText, NUMBER, reorder, resolveDirections, RTL_CHAR } from './bidi';
import { emBox, face, type Face, type Family, fontRuns, type Weight } from './fonts';

/**
 * Line breaking for the summary, with mixed fonts in one line. pdfkit's own wrapping knows one
 * font per call, and breaks at hyphens (which pdftotext then joins, dropping the hyphen), so
 * the summary breaks its text itself:
 * - at spaces, and between CJK characters (never before closing punctuation);
 * - never inside a span kept whole (a name, a date) when that span fits on one line;
 * - a word wider than the line is cut between characters, with a hyphen in Latin scripts, so
 *   text extraction joins the halves back into the word.
 * Right-to-left words (Arabic, Hebrew) are ordered per line with a word-level version of the
 * bidi algorithm; each such word is its own run so extractors read it in logical order.
 * Limits (documented): no justification; RTL paragraphs are left-aligned like the rest.
 */

export interface Style {
  weight: Weight;
  size: number;
  /** Cut over-long words with a hyphen (off for emails and web addresses). */
  hyphenate?: boolean;
}

export interface Run {
  face: Face;
  text: string;
  /** A right-to-left word, drawn alone. */
  rtl?: boolean;
  /** From the start of the line, in points. */
  x: number;
  width: number;
}

export interface Line {
  runs: Run[];
  /** Where the line starts in the source text (UTF-16 index): to cut it short with an ellipsis. */
  start: number;
  width: number;
  /** Above and below the baseline, in points, from the faces the line uses. */
  ascent: number;
  descent: number;
}

interface Piece {
  family: Family;
  text: string;
  /** The room it takes: its advance, plus what its glyph boxes reach before and after it. */
  width: number;
  /** Drawn this far after where its room starts (see emBox). */
  lead: number;
  /** Its room goes this far past its advance: nothing can be drawn right after it. */
  trail: number;
  /** How far stacked accents reach above the face's ascent and below its descent. */
  rise: number;
  fall: number;
}

interface Segment {
  start: number;
  /** The text of the segment without its trailing space. */
  pieces: Piece[];
  width: number;
  /** Width of the space after it (0 when none): dropped at the end of a line. */
  space: number;
  spaceText: string;
  /** The face the space is measured in: that of the word before it, whose run draws it. */
  spaceFamily: Family;
  rtl: boolean | undefined;
  hardBreak: boolean;
  /** No break after it: it belongs to a span kept whole (a name, a date). */
  glue: boolean;
}

const CJK = /[\u2E80-\u2FFF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
// Kinsoku: these never start a line.
const NO_BREAK_BEFORE =
  /[、。，．・：；？！ー）」』】〕〉》,.!?:;)\]}%\u3001\u3002\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF01]/u;
export class TextEngine {
  /** By weight, then family: asked for every word measured, so no key is built. */
  private readonly faces: Record<Weight, Partial<Record<Family, Face>>> = { regular: {}, bold: {} };
  constructor(private readonly chain: readonly Family[]) {}

  face(family: Family, weight: Weight): Face {
    const byFamily = this.faces[weight];
    return (byFamily[family] ??= face(family, weight));
  }

  private pieces(text: string, style: Style): Piece[] {
    return fontRuns(text, this.chain).map((r) => {
      const box = emBox(this.face(r.family, style.weight), drawnText(r.text));
      const size = style.size;
      return {
        family: r.family,
        text: r.text,
        width: (box.lead + box.advance + box.trail) * size,
        lead: box.lead * size,
        trail: box.trail * size,
        rise: box.rise * size,
        fall: box.fall * size,
      };
    });
  }

  /** Width in points; a long text is measured word by word (each word's width is cached). */
  width(text: string, style: Style): number {
    if (text.length > 24 && text.includes(' ')) {
      const space = this.width(' ', style);
      return text.split(' ').reduce((sum, word, i) => sum + (i ? space : 0) + (word ? this.width(word, style) : 0), 0);
    }
    return this.pieces(text, style).reduce((sum, p) => sum + p.width, 0);
  }

  /** Splits at every break opportunity; spans in `keep` stay whole. */
  private segments(source: SummaryText, style: Style): Segment[] {
    const typed = source.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
    const kept = new Uint8Array(typed.length);
    for (const [a, b] of source.keep ?? []) kept.fill(1, a, b);
    // A span kept whole is a name or a date set in a sentence: a line break typed in it is a
    // space there (a name of fifty line breaks would otherwise make a title of fifty lines).
    const text = source.keep ? typed.replace(/\n/g, (m: string, i: number) => (kept[i] === 1 ? ' ' : m)) : typed;
    const raw: { start: number; text: string; space: string; hard: boolean; glue: boolean }[] = [];
    let word = '';
    let wordStart = 0;
    const chars = Array.from(text);
    let index = 0;
    const push = (space: string, hard = false, glue = false) => {
      if (word || space || hard) raw.push({ start: wordStart, text: word, space, hard, glue });
      word = '';
      wordStart = index;
    };
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i] ?? '';
      const at = index;
      index += char.length;
      if (char === '\n') {
        push('', true);
        continue;
      }
      if (char === ' ') {
        let space = ' ';
        while (chars[i + 1] === ' ') {
          i++;
          index++;
          space += ' ';
        }
        push(space, false, kept[at] === 1 && kept[index] === 1);
        continue;
      }
      word += char;
      const next = chars[i + 1];
      // A break after a CJK character, unless the next one may not start a line.
      if (CJK.test(char) && next !== undefined && next !== ' ' && next !== '\n' && !NO_BREAK_BEFORE.test(next))
        push('', false, kept[index] === 1 && kept[at] === 1);
    }
    push('');
    const anyRtl = RTL_CHAR.test(text);
    return raw.map((r) => {
      const pieces = r.text ? this.pieces(r.text, style) : [];
      const spaceFamily = pieces[pieces.length - 1]?.family ?? 'latin';
      return {
        start: r.start,
        pieces,
        width: pieces.reduce((s, p) => s + p.width, 0),
        space: r.space ? emBox(this.face(spaceFamily, style.weight), r.space).advance * style.size : 0,
        spaceText: r.space,
        spaceFamily,
        rtl: anyRtl ? direction(r.text) : undefined,
        hardBreak: r.hard,
        glue: r.glue,
      };
    });
  }

  /** Breaks a text into lines no wider than `width`. */
  lines(source: SummaryText, style: Style, width: number): Line[] {
    const segments = this.segments(source, style);
    const paragraphRtl = direction(source.text) === true;
    const lines: Segment[][] = [];
    let line: Segment[] = [];
    let used = 0;
    const flush = () => {
      lines.push(line);
      line = [];
      used = 0;
    };
    const add = (segment: Segment) => {
      if (segment.width > width) {
        for (const part of this.cut(segment, style, width, width - used)) {
          if (line.length && used + part.width > width + 0.01) flush();
          line.push(part);
          used += part.width + part.space;
        }
      } else {
        if (line.length && used + segment.width > width + 0.01) flush();
        if (segment.pieces.length || line.length) {
          line.push(segment);
          used += segment.width + segment.space;
        }
      }
    };
    // Units: words glued together (a kept span) go on one line when the span fits on one.
    let unit: Segment[] = [];
    const place = () => {
      const last = unit[unit.length - 1];
      if (!last) return;
      const unitWidth = unit.reduce((s, seg, i) => s + seg.width + (i < unit.length - 1 ? seg.space : 0), 0);
      if (unit.length > 1 && unitWidth <= width) {
        if (line.length && used + unitWidth > width + 0.01) flush();
        line.push(...unit);
        used += unitWidth + last.space;
      } else unit.forEach(add);
      if (last.hardBreak) flush();
      unit = [];
    };
    for (const segment of segments) {
      unit.push(segment);
      if (!segment.glue || segment.hardBreak) place();
    }
    place();
    if (line.length || lines.length === 0) flush();
    return lines.map((l) => this.place(l, paragraphRtl, style));
  }

  private graphemes(text: string): string[] {
    return Array.from(segmentGraphemes(text), (s) => s.segment);
  }

  /** How many graphemes from `start` fit in `room` with `tail` after them (at least one). */
  private fitting(graphemes: readonly string[], start: number, style: Style, room: number, tail: string): number {
    // Sum of single graphemes first (cached, cheap), then the whole part checked and trimmed,
    // since kerning can make the whole a little wider than its parts.
    const tailWidth = tail ? this.width(tail, style) : 0;
    let used = 0;
    let end = start;
    while (end < graphemes.length) {
      const w = this.width(graphemes[end] ?? '', style);
      if (used + w + (end + 1 < graphemes.length ? tailWidth : 0) > room) break;
      used += w;
      end++;
    }
    while (
      end > start + 1 &&
      this.width(graphemes.slice(start, end).join('') + (end < graphemes.length ? tail : ''), style) > room
    )
      end--;
    return Math.max(end, start + 1);
  }

  /** Cuts a word wider than the line between grapheme clusters. */
  private cut(segment: Segment, style: Style, width: number, firstWidth: number): Segment[] {
    const text = segment.pieces.map((p) => p.text).join('');
    const graphemes = this.graphemes(text);
    const hyphen =
      style.hyphenate !== false && /[\p{L}\p{N}]$/u.test(text) && !CJK.test(text) && !RTL_CHAR.test(text) ? '-' : '';
    const out: Segment[] = [];
    let room = firstWidth > width * 0.3 ? firstWidth : width;
    let start = 0;
    let offset = segment.start;
    while (start < graphemes.length) {
      const end = this.fitting(graphemes, start, style, room, hyphen);
      const isLast = end >= graphemes.length;
      const body = graphemes.slice(start, end).join('');
      const pieces = this.pieces(body + (isLast ? '' : hyphen), style);
      out.push({
        start: offset,
        pieces,
        width: pieces.reduce((s, p) => s + p.width, 0),
        space: isLast ? segment.space : 0,
        spaceText: isLast ? segment.spaceText : '',
        spaceFamily: segment.spaceFamily,
        rtl: segment.rtl,
        hardBreak: false,
        glue: false,
      });
      offset += body.length;
      start = end;
      room = width;
    }
    return out;
  }

  /** Visual order and x positions for one line. */
  private place(segments: Segment[], paragraphRtl: boolean, style: Style): Line {
    const hasRtl = segments.some((s) => s.rtl === true);
    // The words and the spaces between them, reordered together: a space is neutral (it takes
    // the direction of the words on both sides, else the paragraph's), so each space the line
    // was measured with is placed once, where the bidi order puts it.
    const resolved = hasRtl
      ? resolveDirections(
          segments.map((s) => s.rtl),
          paragraphRtl,
          segments.map((s) => NUMBER.test(s.pieces.map((p) => p.text).join(''))),
        )
      : [];
    const items: { segment: Segment; space: boolean }[] = [];
    const levels: boolean[] = [];
    segments.forEach((segment, i) => {
      items.push({ segment, space: false });
      levels.push(resolved[i] ?? false);
      if (i < segments.length - 1 && segment.space) {
        items.push({ segment, space: true });
        levels.push(resolved[i] === resolved[i + 1] ? (resolved[i] ?? false) : paragraphRtl);
      }
    });
    const order = hasRtl ? reorder(levels, paragraphRtl) : items.map((_, i) => i);
    const runs: Run[] = [];
    let x = 0;
    // Whether the last run ends at x, so that what follows can be drawn as part of it.
    let open = false;
    let ascent = 0;
    let descent = 0;
    for (const k of order) {
      const { segment, space } = items[k] as { segment: Segment; space: boolean };
      if (space) {
        const previous = runs[runs.length - 1];
        if (!hasRtl && open && previous?.face.family === segment.spaceFamily) {
          previous.text += segment.spaceText;
          previous.width += segment.space;
        } else open = false;
        x += segment.space;
        continue;
      }
      // Each word of a line with right-to-left text is drawn alone (fontkit orders the glyphs of
      // an Arabic or Hebrew word; extractors then read every word in logical order). Other lines
      // are drawn in as few runs as there are faces, spaces included.
      const pieces =
        hasRtl && segment.rtl && segment.pieces.length > 1 ? [...segment.pieces].reverse() : segment.pieces;
      for (const piece of pieces) {
        const f = this.face(piece.family, style.weight);
        ascent = Math.max(ascent, f.ascent * style.size + piece.rise);
        descent = Math.max(descent, f.descent * style.size + piece.fall);
        const previous = runs[runs.length - 1];
        const advance = piece.width - piece.lead - piece.trail;
        // Right-to-left letters are drawn alone (fontkit would reverse whatever shares their run).
        const rtl = RTL_CHAR.test(piece.text);
        if (!hasRtl && open && previous && previous.face === f && piece.lead === 0 && !rtl) {
          previous.text += piece.text;
          previous.width += advance;
        } else
          runs.push({ face: f, text: piece.text, x: x + piece.lead, width: advance, ...(rtl ? { rtl: true } : {}) });
        x += piece.width;
        open = piece.trail === 0 && !rtl;
      }
    }
    if (runs.length === 0) {
      const f = this.face('latin', style.weight);
      ascent = f.ascent * style.size;
      descent = f.descent * style.size;
    }
    return { runs, start: segments[0]?.start ?? 0, width: x, ascent, descent };
  }

  /**
   * The longest start of `text` that fits one line with `suffix` after it (an ellipsis), cut
   * after a whole word when there is one, else between characters.
   */
  fitOne(text: string, style: Style, width: number, suffix = '…'): string {
    // No line holds more characters than this: the rest is never measured.
    const limit = Math.ceil(width / (style.size * 0.2));
    const source = Array.from(text.replace(/\s+/gu, ' ')).slice(0, limit).join('');
    const room = width - this.width(suffix, style);
    let out = '';
    let used = 0;
    for (const seg of this.segments({ text: source }, style)) {
      const word = seg.pieces.map((p) => p.text).join('');
      if (used + seg.width <= room) {
        out += word + seg.spaceText;
        used += seg.width + seg.space;
        continue;
      }
      if (out === '' || CJK.test(word)) {
        const graphemes = this.graphemes(word);
        const end = this.fitting(graphemes, 0, style, room - used, '');
        const part = graphemes.slice(0, end).join('');
        if (out === '' || used + this.width(part, style) <= room) out += part;
      }
      break;
    }
    return `${out.replace(/[\s,;:.\-–—]+$/u, '')}${suffix}`;
  }
}
