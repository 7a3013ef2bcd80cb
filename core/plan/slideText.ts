// How much of what a prospect said fits on a slide: the character limits and the helpers that
// cap a list at six lines with "+N more", so nothing is dropped without saying so.
import { clip, fill } from '../locale/format';
import type { AspectRatio, Slide } from './deckPlan';

export const MAX_POINTS = 6;
export const POINT_CHARS = 110;
export const QUOTE_CHARS = 180;
export const SUBTITLE_CHARS = 140;
export const CHIP_CHARS = 40;
// What of the disclosure fits the closing slide in fine print; the summary carries all of it.
export const DISCLOSURE_CHARS = 600;
// "What we heard" shows the urgent need beside everything else; its own slide shows more of it.
export const HEARD_QUOTE_CHARS = 120;

export function lines(templates: readonly string[], values: Readonly<Record<string, string | undefined>>): string[] {
  return templates.map((t) => fill(t, values)).filter((s): s is string => s !== undefined);
}

/** Up to six lines; past that, five and "+N more" (flagged `more`) so nothing is silently dropped. */
export function capped(
  items: readonly string[],
  more: (n: number) => string,
  max = MAX_POINTS,
): { points: string[]; more?: true } {
  const clipped = items.map((i) => clip(i, POINT_CHARS));
  if (clipped.length <= max) return { points: clipped };
  return { points: [...clipped.slice(0, max - 1), more(clipped.length - (max - 1))], more: true };
}

/** Credentials as a few short chips: six at most, the last saying how many more. */
export function cappedChips(items: readonly string[], more: (n: number) => string, max = MAX_POINTS): string[] {
  const clipped = items.map((i) => clip(i, CHIP_CHARS));
  return clipped.length <= max ? clipped : [...clipped.slice(0, max - 1), more(clipped.length - (max - 1))];
}

/** Groups many short labels onto at most six lines: "Tax · Estate · Debt". */
export function packLabels(labels: readonly string[], max = MAX_POINTS): string[] {
  const perLine = Math.ceil(labels.length / max);
  const out: string[] = [];
  for (let i = 0; i < labels.length; i += perLine) out.push(labels.slice(i, i + perLine).join(' · '));
  return out;
}

/**
 * How many points a slide's layout draws: the editor offers exactly these, the plan and the
 * advisor's words are cut to them, and the layouts draw them (one source of truth). A chart
 * leaves room for three short lines beside it (16:9) or two above it (4:3); the closing slide
 * draws none (contact and disclosure only).
 */
export function pointsShown(slide: Pick<Slide, 'layout' | 'chart'>, aspectRatio: AspectRatio): number {
  if (slide.layout === 'closing') return 0;
  if (slide.layout === 'goal' && slide.chart) return aspectRatio === '16:9' ? 3 : 2;
  return MAX_POINTS;
}
