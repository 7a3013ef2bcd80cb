// The summary page as drawing operations: what render.ts draws, and fragments (ops with a
// height) that the layout stacks top to bottom and moves as whole pieces of the page.
import type { Line } from '../../pdf';

const LEADING = 1.3;

export type Op =
  | { kind: 'text'; x: number; baseline: number; line: Line; color: string; size: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'dot'; x: number; y: number; r: number; color: string }
  | { kind: 'image'; x: number; y: number; w: number; h: number }
  | { kind: 'link'; x: number; y: number; w: number; h: number; url: string };

/** Ops placed from y = 0 down, and the height they take. */
export interface Frag {
  ops: Op[];
  height: number;
}

/**
 * The ops moved by (dx, dy), as new ops: fitting stacks the page's fragments some twenty times,
 * so this is the layout's most frequent work. Ops are never changed once made: not moving
 * keeps them, and each kind is copied field by field (a spread of each op costs far more).
 */
export function moved(ops: readonly Op[], dx: number, dy: number): Op[] {
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
export function stack(frags: readonly (Frag | undefined)[], gap: number): Frag {
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

export function lineHeight(line: Line, size: number): number {
  return Math.max(size * LEADING, line.ascent + line.descent + size * 0.15);
}

/** Lines drawn top-down from y = 0 at x = indent (or right-aligned within `width`). */
export function textFrag(
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

/** The advisor card sits a little lower than the "Next steps" title, level with its first block. */
export function moved2(frag: Frag, dy: number): Frag {
  return { ops: moved(frag.ops, 0, dy), height: frag.height + dy };
}
