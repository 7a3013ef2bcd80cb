// The summary's blocks (a paragraph, bullets, questions and answers, a highlight): measured once
// per body size, then drawn within a number of lines, long items cut with an ellipsis and the
// last ones giving way to "+N more". How many lines each block gets is the fitting's choice
// (summaryLayout.ts), through Caps.
import { fill } from '../../../../core/locale/format';
import type { SummaryBlock, SummarySection } from '../../../../core/summary/summary';
import type { Line, Style } from '../../pdf';
import { type Frag, moved, stack, textFrag } from './ops';
import { type PageText, type Part, RULE } from './pageText';

const WEIGHTS: Record<string, number> = { questions: 1.5, concerns: 1, takeaways: 1, urgent: 0.5, notes: 0.5 };

/** Lines each shortenable block may use: one for all, and per block once relaxed. */
export class Caps extends Map<MeasuredBlock, number> {
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

export interface MeasuredItem {
  main: Part;
  detail?: Part;
}

export interface MeasuredBlock {
  block: SummaryBlock;
  label?: Line[];
  /** The first items, as many as could ever fit on a page; the rest can only be "+N more". */
  items: MeasuredItem[];
  width: number;
  indent: number;
  /** How much further in than the main text a detail (an answer) is drawn. */
  detailIndent: number;
}

export const itemLines = (item: MeasuredItem) => item.main.lines.length + (item.detail?.lines.length ?? 0);
/** More characters than one page holds at the floor size: what lies beyond is never measured. */
const PAGE_CHARS = 9000;

export function measureBlock(t: PageText, block: SummaryBlock, width: number, size: number): MeasuredBlock {
  const c = t.content.colors;
  const indent = block.kind === 'bullets' || block.kind === 'qa' ? size * 1.1 : block.kind === 'highlight' ? 10 : 0;
  const w = width - indent - (block.kind === 'highlight' ? 8 : 0);
  // An answer sits further in than its question: its lines are that much shorter.
  const detailIndent = block.kind === 'qa' ? size * 0.9 : 0;
  const mainStyle: Style = { weight: block.kind === 'qa' || block.kind === 'highlight' ? 'bold' : 'regular', size };
  return {
    block,
    ...(block.label ? { label: t.lines({ text: block.label }, { weight: 'bold', size }, width) } : {}),
    width: w,
    indent,
    detailIndent,
    items: pageful(block).map((item) => ({
      main: t.part(item, mainStyle, c.text, w),
      ...(item.detail
        ? {
            detail: t.part(item.detail, { weight: 'regular', size }, item.pending ? c.muted : c.text, w - detailIndent),
          }
        : {}),
    })),
  };
}

function pageful(block: SummaryBlock): SummaryBlock['items'] {
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
function blockFrag(t: PageText, mb: MeasuredBlock, size: number, cap: number): { frag: Frag; shortened: boolean } {
  const { block } = mb;
  const c = t.content.colors;
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
      perItem = [8, 6, 5, 4, 3, 2].find((per) => per >= minPerItem && fits(per, mb.items.length) <= cap) ?? minPerItem;
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
      return last ? [...part.lines.slice(0, n - 1), t.ellipsized(part, last, part.width)] : [];
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
    const more = fill(t.content.more, { count: String(count - kept) }) ?? '';
    itemFrags.push(textFrag(t.lines({ text: more }, { weight: 'regular', size }, mb.width), size, c.muted, mb.indent));
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

export function sectionFrag(
  t: PageText,
  section: SummarySection,
  measured: MeasuredBlock[],
  width: number,
  size: number,
  cap: Caps,
): { frag: Frag; shortened: boolean } {
  const c = t.content.colors;
  const titleSize = size + 2.5;
  const title = textFrag(
    t.lines({ text: section.title }, { weight: 'bold', size: titleSize }, width),
    titleSize,
    c.heading,
  );
  const rule: Frag = { ops: [{ kind: 'rect', x: 0, y: 0, w: width, h: 0.6, color: RULE }], height: 0.6 };
  let shortened = false;
  const blocks = measured.map((mb) => {
    const r = blockFrag(t, mb, size, cap.capOf(mb));
    shortened ||= r.shortened;
    return r.frag;
  });
  return { frag: stack([stack([title, rule], 3), stack(blocks, size * 0.75)], size * 0.6), shortened };
}
