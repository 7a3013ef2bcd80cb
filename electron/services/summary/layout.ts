import { fill } from '../../../core/locale/format';
import type {
  PageSize,
  SummaryBlock,
  SummaryContent,
  SummarySection,
  SummaryText,
} from '../../../core/summary/summary';
import { fallbackChain } from '../pdf/fonts';
import { type Line, type Style, TextEngine } from '../pdf/text';

/**
 * Lays the summary out on exactly one page, by measuring (never by guessing):
 * 1. the body text shrinks step by step, 11 pt down to a floor of 8 pt;
 * 2. at the floor, the longest shortenable blocks are cut to a common number of lines (found by
 *    bisection): long items end with an ellipsis, then whole items give way to "+N more";
 * 3. only if the firm's disclosure alone leaves no room, it is printed smaller, then cut.
 * Everything is placed inside the margins; drawing is render.ts's job.
 */

export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  LETTER: { width: 612, height: 792 },
  A4: { width: 595.28, height: 841.89 },
};
export const MARGIN = 44;
export const BODY_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8] as const;
/** The readable floor for body text. */
export const MIN_BODY = 8;
const TITLE_SIZES = [20, 18, 16, 15, 14, 13] as const;
const LEADING = 1.3;
const COLUMN_GAP = 22;
const RULE = '#D5DAE1';

export type Op =
  | { kind: 'text'; x: number; baseline: number; line: Line; color: string; size: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'dot'; x: number; y: number; r: number; color: string }
  | { kind: 'image'; x: number; y: number; w: number; h: number }
  | { kind: 'link'; x: number; y: number; w: number; h: number; url: string };

export interface PageLayout {
  size: PageSize;
  width: number;
  height: number;
  bodySize: number;
  /** True when something was cut short to fit. */
  shortened: boolean;
  ops: Op[];
}

const WEIGHTS: Record<string, number> = { questions: 1.5, concerns: 1, takeaways: 1, urgent: 0.5, notes: 0.5 };

/** Lines each shortenable block may use: one for all, and per block once relaxed. */
class Caps extends Map<MeasuredBlock, number> {
  constructor(readonly all: number) {
    super();
  }
  /** Questions weigh most for the prospect; a long paragraph (urgent need, notes) least. */
  capOf(block: MeasuredBlock): number {
    const own = this.get(block);
    if (own !== undefined) return own;
    if (this.all === Infinity) return Infinity;
    return Math.max(1, Math.round(this.all * (WEIGHTS[block.block.id] ?? 1)));
  }
  with(block: MeasuredBlock, cap: number): Caps {
    const next = new Caps(this.all);
    for (const [b, c] of this) next.set(b, c);
    next.set(block, cap);
    return next;
  }
}

interface Measured {
  half: number;
  cardWidth: number;
  nextWidth: number;
  heard: MeasuredBlock[];
  covered: MeasuredBlock[];
  questions: MeasuredBlock[];
  next: MeasuredBlock[];
  maxLines: number;
  all: MeasuredBlock[];
}

interface Composed {
  ops: Op[];
  height: number;
  /** Everything above the footer, with the gap before it. */
  bodyHeight: number;
  shortened: boolean;
}

interface Frag {
  ops: Op[];
  height: number;
}

/**
 * The ops moved by (dx, dy), as new ops: fitting stacks the page's fragments some twenty times,
 * so this is the layout's most frequent work. Ops are never changed once made: not moving
 * keeps them, and each kind is copied field by field (a spread of each op costs far more).
 */
function moved(ops: readonly Op[], dx: number, dy: number): Op[] {
  if (dx === 0 && dy === 0) return ops.slice();
  return ops.map((op) => {
    switch (op.kind) {
      case 'text':
        return {
          kind: 'text',
          x: op.x + dx,
          baseline: op.baseline + dy,
          line: op.line,
          color: op.color,
          size: op.size,
        };
      case 'rect':
        return { kind: 'rect', x: op.x + dx, y: op.y + dy, w: op.w, h: op.h, color: op.color };
      case 'dot':
        return { kind: 'dot', x: op.x + dx, y: op.y + dy, r: op.r, color: op.color };
      case 'image':
        return { kind: 'image', x: op.x + dx, y: op.y + dy, w: op.w, h: op.h };
      case 'link':
        return { kind: 'link', x: op.x + dx, y: op.y + dy, w: op.w, h: op.h, url: op.url };
    }
  });
}

/** Stacks fragments top to bottom with gaps. */
function stack(frags: readonly (Frag | undefined)[], gap: number): Frag {
  const ops: Op[] = [];
  let y = 0;
  for (const f of frags) {
    if (!f || f.height === 0) continue;
    if (ops.length) y += gap;
    ops.push(...moved(f.ops, 0, y));
    y += f.height;
  }
  return { ops, height: y };
}

function lineHeight(line: Line, size: number): number {
  return Math.max(size * LEADING, line.ascent + line.descent + size * 0.15);
}

/** Lines drawn top-down from y = 0 at x = indent (or right-aligned within `width`). */
function textFrag(
  lines: readonly Line[],
  size: number,
  color: string,
  indent = 0,
  align: 'left' | 'right' = 'left',
  width = 0,
): Frag {
  const ops: Op[] = [];
  let y = 0;
  for (const line of lines) {
    const h = lineHeight(line, size);
    const baseline = y + (h - line.ascent - line.descent) / 2 + line.ascent;
    const x = align === 'right' ? width - line.width : indent;
    ops.push({ kind: 'text', x, baseline, line, color, size });
    y += h;
  }
  return { ops, height: y };
}

interface Part {
  text: SummaryText;
  style: Style;
  color: string;
  lines: Line[];
  /** What the lines were broken to, and what a line cut short with an ellipsis must fit. */
  width: number;
}

interface MeasuredItem {
  main: Part;
  detail?: Part;
}

interface MeasuredBlock {
  block: SummaryBlock;
  label?: Line[];
  /** The first items, as many as could ever fit on a page; the rest can only be "+N more". */
  items: MeasuredItem[];
  width: number;
  indent: number;
  /** How much further in than the main text a detail (an answer) is drawn. */
  detailIndent: number;
}

const itemLines = (item: MeasuredItem) => item.main.lines.length + (item.detail?.lines.length ?? 0);
/** More characters than one page holds at the floor size: what lies beyond is never measured. */
const PAGE_CHARS = 9000;

export class SummaryLayout {
  private readonly engine: TextEngine;
  private readonly page: { width: number; height: number };
  private readonly inner: number;
  constructor(
    private readonly content: SummaryContent,
    private readonly logo?: { width: number; height: number },
  ) {
    this.engine = new TextEngine(fallbackChain(content.locale));
    this.page = PAGE_SIZES[content.page];
    this.inner = this.page.width - 2 * MARGIN;
  }

  private readonly memos = new Map<string, unknown>();
  /** Parts that do not change while blocks are shortened are laid out once per size. */
  private memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  private lines(text: SummaryText, style: Style, width: number): Line[] {
    return this.engine.lines(text, style, width);
  }

  /** The line cut short with an ellipsis: the rest of the text from where `line` starts. */
  private readonly cut = new WeakMap<Line, Line>();
  private ellipsized(part: Part, line: Line, width: number): Line {
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
  private atMost(text: SummaryText, style: Style, width: number, max: number): Line[] {
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
  private tight = false;

  private part(text: SummaryText, style: Style, color: string, width: number): Part {
    return { text, style, color, width, lines: this.lines(text, style, width) };
  }

  private measureBlock(block: SummaryBlock, width: number, size: number): MeasuredBlock {
    const c = this.content.colors;
    const indent = block.kind === 'bullets' || block.kind === 'qa' ? size * 1.1 : block.kind === 'highlight' ? 10 : 0;
    const w = width - indent - (block.kind === 'highlight' ? 8 : 0);
    // An answer sits further in than its question: its lines are that much shorter.
    const detailIndent = block.kind === 'qa' ? size * 0.9 : 0;
    const mainStyle: Style = { weight: block.kind === 'qa' || block.kind === 'highlight' ? 'bold' : 'regular', size };
    return {
      block,
      ...(block.label ? { label: this.lines({ text: block.label }, { weight: 'bold', size }, width) } : {}),
      width: w,
      indent,
      detailIndent,
      items: this.pageful(block).map((item) => ({
        main: this.part(item, mainStyle, c.text, w),
        ...(item.detail
          ? {
              detail: this.part(
                item.detail,
                { weight: 'regular', size },
                item.pending ? c.muted : c.text,
                w - detailIndent,
              ),
            }
          : {}),
      })),
    };
  }

  private pageful(block: SummaryBlock): SummaryBlock['items'] {
    let chars = 0;
    let n = 0;
    while (n < block.items.length && chars < PAGE_CHARS) {
      const item = block.items[n];
      chars += (item?.text.length ?? 0) + (item?.detail?.text.length ?? 0);
      n++;
    }
    return block.items.slice(0, n);
  }

  /** The block within `cap` lines: long items first end in an ellipsis, then items give way to "+N more". */
  private blockFrag(mb: MeasuredBlock, size: number, cap: number): { frag: Frag; shortened: boolean } {
    const { block } = mb;
    const c = this.content.colors;
    const count = block.items.length;
    const total = mb.items.length < count ? Infinity : mb.items.reduce((s, i) => s + itemLines(i), 0);
    let perItem = Infinity;
    let kept = mb.items.length;
    if (block.shortenable && total > cap) {
      const withDetail = mb.items.some((i) => i.detail);
      const minPerItem = withDetail ? 3 : 2;
      if (count === 1) perItem = Math.max(1, cap);
      else {
        const fits = (per: number, n: number) =>
          mb.items.slice(0, n).reduce((s, i) => s + Math.min(itemLines(i), per), 0);
        perItem =
          [8, 6, 5, 4, 3, 2].find((per) => per >= minPerItem && fits(per, mb.items.length) <= cap) ?? minPerItem;
        if (mb.items.length < count || fits(perItem, mb.items.length) > cap) {
          kept = 0;
          while (kept < mb.items.length && fits(perItem, kept + 1) <= cap - 1) kept++;
          if (kept === 0) {
            kept = 1;
            perItem = Math.max(1, cap - 1);
          }
        }
      }
    }
    const frags: Frag[] = [];
    let shortened = false;
    if (mb.label) frags.push(textFrag(mb.label, size, c.heading));
    const itemFrags: Frag[] = [];
    for (const item of mb.items.slice(0, kept)) {
      const lines = itemLines(item);
      let mainCap = item.main.lines.length;
      let detailCap = item.detail?.lines.length ?? 0;
      if (lines > perItem) {
        shortened = true;
        const detailShare = Math.min(detailCap, perItem - Math.min(mainCap, Math.ceil(perItem / 2)));
        mainCap = Math.min(mainCap, perItem - detailShare);
        detailCap = detailShare;
      }
      const cut = (part: Part, n: number): Line[] => {
        if (n >= part.lines.length) return part.lines;
        const last = part.lines[n - 1];
        return last ? [...part.lines.slice(0, n - 1), this.ellipsized(part, last, part.width)] : [];
      };
      const main = textFrag(cut(item.main, mainCap), size, item.main.color, mb.indent);
      const detail =
        item.detail && detailCap > 0
          ? textFrag(cut(item.detail, detailCap), size, item.detail.color, mb.indent + mb.detailIndent)
          : undefined;
      const frag = stack([main, detail], size * 0.12);
      if (block.kind === 'bullets' || block.kind === 'qa') {
        const first = frag.ops.find((op) => op.kind === 'text');
        if (first?.kind === 'text')
          frag.ops.push({
            kind: 'dot',
            x: size * 0.35,
            y: first.baseline - size * 0.32,
            r: size * 0.17,
            color: c.accent,
          });
      }
      itemFrags.push(frag);
    }
    if (kept < count) {
      shortened = true;
      const more = fill(this.content.more, { count: String(count - kept) }) ?? '';
      itemFrags.push(
        textFrag(this.lines({ text: more }, { weight: 'regular', size }, mb.width), size, c.muted, mb.indent),
      );
    }
    let body = stack(itemFrags, block.kind === 'qa' ? size * 0.5 : block.kind === 'bullets' ? size * 0.2 : 0);
    if (block.kind === 'highlight') {
      const pad = 5;
      body = {
        height: body.height + 2 * pad,
        ops: [
          { kind: 'rect', x: 0, y: 0, w: mb.width + mb.indent + 8, h: body.height + 2 * pad, color: c.tint },
          { kind: 'rect', x: 0, y: 0, w: 3, h: body.height + 2 * pad, color: c.accent },
          ...moved(body.ops, 0, pad),
        ],
      };
    }
    frags.push(body);
    return { frag: stack(frags, size * 0.2), shortened };
  }

  private sectionFrag(
    section: SummarySection,
    measured: MeasuredBlock[],
    width: number,
    size: number,
    cap: Caps,
  ): { frag: Frag; shortened: boolean } {
    const c = this.content.colors;
    const titleSize = size + 2.5;
    const title = textFrag(
      this.lines({ text: section.title }, { weight: 'bold', size: titleSize }, width),
      titleSize,
      c.heading,
    );
    const rule: Frag = { ops: [{ kind: 'rect', x: 0, y: 0, w: width, h: 0.6, color: RULE }], height: 0.6 };
    let shortened = false;
    const blocks = measured.map((mb) => {
      const r = this.blockFrag(mb, size, cap.capOf(mb));
      shortened ||= r.shortened;
      return r.frag;
    });
    return { frag: stack([stack([title, rule], 3), stack(blocks, size * 0.75)], size * 0.6), shortened };
  }

  private header(size: number): Frag {
    const c = this.content.colors;
    const h = this.content.header;
    const ops: Op[] = [];
    let logoBox = { w: 0, h: 0 };
    if (this.logo) {
      const scale = Math.min(170 / this.logo.width, 44 / this.logo.height);
      logoBox = { w: this.logo.width * scale, h: this.logo.height * scale };
      ops.push({ kind: 'image', x: 0, y: 0, w: logoBox.w, h: logoBox.h });
    }
    const firmWidth = this.logo ? this.inner - logoBox.w - 16 : this.inner;
    const firmStyle: Style = { weight: 'bold', size: this.logo ? 11 : 13 };
    const firmLines = this.atMost({ text: h.firm }, firmStyle, firmWidth, 2);
    const firm = textFrag(firmLines, firmStyle.size, c.heading, 0, this.logo ? 'right' : 'left', this.inner);
    const top = Math.max(logoBox.h, firm.height);
    ops.push(...moved(firm.ops, 0, (top - firm.height) / 2));
    ops.push({ kind: 'rect', x: 0, y: top + 7, w: this.inner, h: 1.5, color: c.accent });
    const band: Frag = { ops, height: top + 8.5 };

    const kickerSize = Math.max(8, size - 1);
    const kicker = textFrag(
      this.lines(
        { text: h.kicker.toLocaleUpperCase(this.content.language) },
        { weight: 'bold', size: kickerSize },
        this.inner,
      ),
      kickerSize,
      c.heading,
    );
    let titleSize = 13;
    let titleLines: Line[] = [];
    for (const t of TITLE_SIZES) {
      titleSize = t;
      titleLines = this.lines(h.preparedFor, { weight: 'bold', size: t }, this.inner);
      if (titleLines.length <= 2) break;
    }
    if (this.tight) titleLines = this.atMost(h.preparedFor, { weight: 'bold', size: titleSize }, this.inner, 2);
    const title = textFrag(titleLines, titleSize, c.text);
    const meeting = textFrag(
      this.atMost(h.meetingLine, { weight: 'regular', size }, this.inner, this.tight ? 1 : Infinity),
      size,
      c.muted,
    );
    return stack([band, stack([kicker, title, meeting], 2)], 12);
  }

  private card(width: number, size: number): Frag {
    const a = this.content.advisor;
    const c = this.content.colors;
    const pad = 8;
    const w = width - 2 * pad - 3;
    const cap = this.tight ? 1 : Infinity;
    const name = textFrag(
      this.atMost({ text: a.name, keep: [[0, a.name.length]] }, { weight: 'bold', size: size + 1.5 }, w, cap),
      size + 1.5,
      c.heading,
    );
    const line = (text: string | undefined, color = c.text, hyphenate = true) =>
      text ? textFrag(this.atMost({ text }, { weight: 'regular', size, hyphenate }, w, cap), size, color) : undefined;
    const email = line(a.email, c.text, false);
    const website = line(a.website, c.text, false);
    const label = textFrag(
      this.lines(
        { text: a.title.toLocaleUpperCase(this.content.language) },
        { weight: 'bold', size: Math.max(7.5, size - 1.5) },
        w,
      ),
      Math.max(7.5, size - 1.5),
      c.muted,
    );
    const parts: (Frag | undefined)[] = [label, name, line(a.credentials, c.muted), line(a.role), line(a.firm)];
    const contact = stack([email, line(a.phone), website], size * 0.15);
    const body = stack([stack(parts, size * 0.15), contact], size * 0.5);
    // Links cover exactly the lines of the email and the https website, nothing else.
    const links: Op[] = [];
    const linkFor = (frag: Frag | undefined, url: string | undefined) => {
      if (!frag || !url) return;
      const y0 = body.ops.length ? contactOffset(body, contact, frag) : 0;
      links.push({ kind: 'link', x: 0, y: y0, w, h: frag.height, url });
    };
    linkFor(email, `mailto:${a.email}`);
    linkFor(website, a.websiteUrl);
    const height = body.height + 2 * pad;
    return {
      height,
      ops: [
        { kind: 'rect', x: 0, y: 0, w: width, h: height, color: c.tint },
        { kind: 'rect', x: 0, y: 0, w: 3, h: height, color: c.heading },
        ...moved([...body.ops, ...links], pad + 3, pad),
      ],
    };
  }

  private footer(fineSize: number, maxHeight = Infinity): { frag: Frag; shortened: boolean } {
    const c = this.content.colors;
    const style: Style = { weight: 'regular', size: fineSize };
    const notice = this.content.hypothetical
      ? textFrag(
          this.lines({ text: this.content.hypothetical }, { weight: 'bold', size: fineSize }, this.inner),
          fineSize,
          c.muted,
        )
      : undefined;
    let lines = this.lines({ text: this.content.disclosure }, style, this.inner);
    let shortened = false;
    const rule: Frag = { ops: [{ kind: 'rect', x: 0, y: 0, w: this.inner, h: 0.6, color: RULE }], height: 0.6 };
    const build = () => stack([rule, notice, textFrag(lines, fineSize, c.muted)], 4);
    let frag = build();
    if (frag.height > maxHeight && lines.length > 1) {
      // Last resort only: a disclosure of thousands of characters beside a full page. Lines
      // differ in height (a CJK face is taller than Inter): the kept ones are added up.
      const all = lines;
      const part: Part = {
        text: { text: this.content.disclosure },
        style,
        color: c.muted,
        lines: all,
        width: this.inner,
      };
      const height = (ls: readonly Line[]) => ls.reduce((sum, l) => sum + lineHeight(l, fineSize), 0);
      const room = maxHeight - (frag.height - height(all));
      let keep = all.length;
      let used = height(all);
      while (keep > 1 && used > room) used -= lineHeight(all[--keep] as Line, fineSize);
      const cut = (n: number) => [...all.slice(0, n - 1), this.ellipsized(part, all[n - 1] as Line, this.inner)];
      lines = cut(keep);
      // The line cut short may be taller than the one it stands for.
      while (keep > 1 && height(lines) > room) lines = cut(--keep);
      shortened = true;
      frag = build();
    }
    return { frag, shortened };
  }

  /** Measures at each size, then shortens at the floor: always one page. */
  fit(): PageLayout {
    const available = this.page.height - 2 * MARGIN;
    for (let i = 0; i < BODY_SIZES.length - 1; i++) {
      const size = BODY_SIZES[i] ?? MIN_BODY;
      const full = this.compose(this.measure(size), size, new Caps(Infinity));
      if (full.height <= available) return this.page_(full, size);
      // Text shrinks in both directions, so the floor saves at most (floor / size)² of the
      // height: sizes that cannot fit are not measured at all.
      if (full.height * (MIN_BODY / size) ** 2 > available * 1.1) break;
    }
    const size = MIN_BODY;
    const measured = this.measure(size);
    // The fine print goes down to 6.5 pt only when 7 pt leaves no room for the body at all.
    for (const fine of [7, 6.5]) {
      const found = this.shorten(measured, size, fine, available);
      if (found) return this.page_(found, size);
    }
    // Last resort (a disclosure of thousands of characters beside a full page): the disclosure
    // gets what the shortest body leaves, and ends with an ellipsis.
    const shortest = this.compose(measured, size, new Caps(1), 6.5);
    const footerMax = available - shortest.bodyHeight;
    const last =
      this.shorten(measured, size, 6.5, available, footerMax) ??
      this.compose(measured, size, new Caps(1), 6.5, footerMax);
    if (last.height > available && !this.tight) {
      this.tight = true;
      this.memos.clear();
      return this.fit();
    }
    return this.page_(last, size);
  }

  /** At the floor size: the largest common line cap, then each cut block takes back what room is left. */
  private shorten(
    measured: Measured,
    size: number,
    fine: number,
    available: number,
    footerMax = Infinity,
  ): Composed | undefined {
    const fits = (caps: Caps) => {
      const attempt = this.compose(measured, size, caps, fine, footerMax);
      return attempt.height <= available ? attempt : undefined;
    };
    const full = fits(new Caps(Infinity));
    if (full) return full;
    // Bisection on the cap: the longest blocks are cut first, and as little as needed.
    let lo = 1;
    let hi = Math.max(1, measured.maxLines);
    let best: { caps: Caps; composed: Composed } | undefined;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      const caps = new Caps(mid);
      const attempt = fits(caps);
      if (attempt) {
        best = { caps, composed: attempt };
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!best) return undefined;
    // What room is left goes back to the cut blocks, a few lines at a time and in turns, the
    // prospect's questions first: the shorter of two columns can grow, as the taller one sets
    // the height of their row.
    const lineCount = (mb: MeasuredBlock) =>
      mb.items.length < mb.block.items.length ? Infinity : mb.items.reduce((s, i) => s + itemLines(i), 0);
    const priority: Record<string, number> = { questions: 0, concerns: 1, takeaways: 2, urgent: 3, notes: 4 };
    const floor = best.caps;
    let growing = measured.all
      .filter((mb) => mb.block.shortenable && lineCount(mb) > floor.capOf(mb))
      .sort((a, b) => (priority[a.block.id] ?? 9) - (priority[b.block.id] ?? 9));
    for (let step = 4; growing.length > 0; step = Math.max(1, step >> 1)) {
      const next: MeasuredBlock[] = [];
      for (const mb of growing) {
        const base: Caps = best.caps;
        const current: number = base.capOf(mb);
        const target = Math.min(current + step, lineCount(mb), measured.maxLines);
        const caps = base.with(mb, target);
        const attempt: Composed | undefined = target > current ? fits(caps) : undefined;
        if (attempt) {
          best = { caps, composed: attempt };
          if (target < lineCount(mb)) next.push(mb);
        } else if (step > 1) next.push(mb);
      }
      growing = next;
    }
    return best.composed;
  }

  private page_(composed: { ops: Op[]; shortened: boolean }, size: number): PageLayout {
    return {
      size: this.content.page,
      width: this.page.width,
      height: this.page.height,
      bodySize: size,
      shortened: composed.shortened,
      ops: moved(composed.ops, MARGIN, MARGIN),
    };
  }

  private measure(size: number): Measured {
    const half = (this.inner - COLUMN_GAP) / 2;
    const cardWidth = Math.round(this.inner * 0.38);
    const nextWidth = this.inner - cardWidth - COLUMN_GAP;
    const m = (section: SummarySection | undefined, width: number) =>
      section?.blocks.map((b) => this.measureBlock(b, width, size)) ?? [];
    const measured: Measured = {
      half,
      cardWidth,
      nextWidth,
      heard: m(this.content.heard, half),
      covered: m(this.content.covered, half),
      questions: m(this.content.questions, this.inner),
      next: m(this.content.next, nextWidth),
      maxLines: 0,
      all: [],
    };
    measured.all = [...measured.heard, ...measured.covered, ...measured.questions, ...measured.next];
    for (const mb of measured.all) {
      if (mb.block.shortenable)
        measured.maxLines = Math.max(
          measured.maxLines,
          mb.items.reduce((s, i) => s + itemLines(i), 0),
        );
    }
    return measured;
  }

  private compose(
    measured: Measured,
    size: number,
    cap: Caps,
    fine = size >= 9 ? 7.5 : 7,
    footerMax = Infinity,
  ): Composed {
    const header = this.memo(`header ${size}`, () => this.header(size));
    const heard = this.sectionFrag(this.content.heard, measured.heard, measured.half, size, cap);
    const covered = this.sectionFrag(this.content.covered, measured.covered, measured.half, size, cap);
    const questions = this.content.questions
      ? this.sectionFrag(this.content.questions, measured.questions, this.inner, size, cap)
      : undefined;
    const next = this.sectionFrag(this.content.next, measured.next, measured.nextWidth, size, cap);
    const card = this.memo(`card ${size}`, () => this.card(measured.cardWidth, size));
    const row = (left: Frag, right: Frag, rightX: number): Frag => ({
      ops: [...left.ops, ...moved(right.ops, rightX, 0)],
      height: Math.max(left.height, right.height),
    });
    const gap = size * 1.5;
    const body = stack(
      [
        header,
        row(heard.frag, covered.frag, measured.half + COLUMN_GAP),
        questions?.frag,
        row(next.frag, moved2(card, size * 0.2), measured.nextWidth + COLUMN_GAP),
      ],
      gap,
    );
    const footer = this.memo(`footer ${fine} ${footerMax}`, () => this.footer(fine, footerMax));
    const pageHeight = this.page.height - 2 * MARGIN;
    // The footer sits on the bottom margin; the body starts at the top.
    const footerY = Math.max(body.height + gap, pageHeight - footer.frag.height);
    return {
      ops: [...body.ops, ...moved(footer.frag.ops, 0, footerY)],
      height: footerY + footer.frag.height,
      bodyHeight: body.height + gap,
      shortened:
        heard.shortened || covered.shortened || (questions?.shortened ?? false) || next.shortened || footer.shortened,
    };
  }
}

/** The advisor card sits a little lower than the "Next steps" title, level with its first block. */
function moved2(frag: Frag, dy: number): Frag {
  return { ops: moved(frag.ops, 0, dy), height: frag.height + dy };
}

/** Where `frag` (a part of `contact`) lies inside `body`: both were stacked, so search by identity of ops. */
function contactOffset(body: Frag, contact: Frag, frag: Frag): number {
  const firstOp = frag.ops[0];
  const contactFirst = contact.ops[0];
  if (!firstOp || !contactFirst || firstOp.kind !== 'text' || contactFirst.kind !== 'text') return 0;
  // Text ops keep their line object through moves, so the line identifies the op.
  const inBody = body.ops.find((op) => op.kind === 'text' && op.line === firstOp.line);
  return inBody?.kind === 'text' ? inBody.baseline - firstOp.baseline : 0;
}
