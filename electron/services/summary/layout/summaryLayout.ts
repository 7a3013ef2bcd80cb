// The summary layout: the one page of the summary, fitted by measuring (see SummaryLayout).
import type { PageSize, SummarySection } from '../../../../core/summary/summary';
import { Caps, itemLines, type MeasuredBlock, measureBlock, sectionFrag } from './blocks';
import { type Frag, moved, moved2, type Op, stack } from './ops';
import { advisorCard, finePrint, pageHeader } from './pageParts';
import { MARGIN, PageText } from './pageText';

export const BODY_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8] as const;
/** The readable floor for body text. */
export const MIN_BODY = 8;
const COLUMN_GAP = 22;

export interface PageLayout {
  size: PageSize;
  width: number;
  height: number;
  bodySize: number;
  /** True when something was cut short to fit. */
  shortened: boolean;
  ops: Op[];
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

/**
 * Lays the summary out on exactly one page, by measuring (never by guessing):
 * 1. the body text shrinks step by step, 11 pt down to a floor of 8 pt;
 * 2. at the floor, the longest shortenable blocks are cut to a common number of lines (found by
 *    bisection): long items end with an ellipsis, then whole items give way to "+N more";
 * 3. only if the firm's disclosure alone leaves no room, it is printed smaller, then cut.
 * Everything is placed inside the margins; drawing is render.ts's job.
 */
export class SummaryLayout extends PageText {
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
      section?.blocks.map((b) => measureBlock(this, b, width, size)) ?? [];
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
    const header = this.memo(`header ${size}`, () => pageHeader(this, size));
    const heard = sectionFrag(this, this.content.heard, measured.heard, measured.half, size, cap);
    const covered = sectionFrag(this, this.content.covered, measured.covered, measured.half, size, cap);
    const questions = this.content.questions
      ? sectionFrag(this, this.content.questions, measured.questions, this.inner, size, cap)
      : undefined;
    const next = sectionFrag(this, this.content.next, measured.next, measured.nextWidth, size, cap);
    const card = this.memo(`card ${size}`, () => advisorCard(this, measured.cardWidth, size));
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
    const footer = this.memo(`footer ${fine} ${footerMax}`, () => finePrint(this, fine, footerMax));
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
