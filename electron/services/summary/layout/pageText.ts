// What every part of the summary layout shares: the page, the text engine in the summary's
// locale, and laying a text out in lines (remembered per size, cut short with an ellipsis).
import type { PageSize, SummaryContent, SummaryText } from '../../../../core/summary/summary';
import { fallbackChain, type Line, type Style, TextEngine } from '../../pdf';

export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  LETTER: { width: 612, height: 792 },
  A4: { width: 595.28, height: 841.89 },
};
export const MARGIN = 44;
/** The colour of the thin rules under section titles and above the fine print. */
export const RULE = '#D5DAE1';

/** A text laid out in lines, with what a line cut short must fit. */
export interface Part {
  text: SummaryText;
  style: Style;
  color: string;
  lines: Line[];
  /** What the lines were broken to, and what a line cut short with an ellipsis must fit. */
  width: number;
}

export class PageText {
  readonly engine: TextEngine;
  readonly page: { width: number; height: number };
  readonly inner: number;
  constructor(
    readonly content: SummaryContent,
    readonly logo?: { width: number; height: number },
  ) {
    this.engine = new TextEngine(fallbackChain(content.locale));
    this.page = PAGE_SIZES[content.page];
    this.inner = this.page.width - 2 * MARGIN;
  }

  protected readonly memos = new Map<string, unknown>();
  /** Parts that do not change while blocks are shortened are laid out once per size. */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  lines(text: SummaryText, style: Style, width: number): Line[] {
    return this.engine.lines(text, style, width);
  }

  /** The line cut short with an ellipsis: the rest of the text from where `line` starts. */
  private readonly cut = new WeakMap<Line, Line>();
  ellipsized(part: Part, line: Line, width: number): Line {
    // The same line is cut again at every step of the fitting: once is enough.
    const done = this.cut.get(line);
    if (done) return done;
    const made = this.ellipsize(part, line, width);
    this.cut.set(line, made);
    return made;
  }

  private ellipsize(part: Part, line: Line, width: number): Line {
    const rest = part.text.text.slice(line.start);
    const cut = this.engine.fitOne(rest, part.style, width);
    return this.lines({ text: cut }, part.style, width)[0] ?? line;
  }

  /** At most `max` lines, the last one cut short with an ellipsis when there were more. */
  atMost(text: SummaryText, style: Style, width: number, max: number): Line[] {
    const lines = this.lines(text, style, width);
    if (lines.length <= max) return lines;
    const part: Part = { text, style, color: '', lines, width };
    return [...lines.slice(0, max - 1), this.ellipsized(part, lines[max - 1] as Line, width)];
  }

  /**
   * Set when even the shortest body leaves the page too tall: only input far beyond what a
   * person types does it (two names of stacked accents, each line of the card as tall). The
   * title then keeps two lines, the meeting line and each line of the card one.
   */
  tight = false;

  part(text: SummaryText, style: Style, color: string, width: number): Part {
    return { text, style, color, width, lines: this.lines(text, style, width) };
  }
}
