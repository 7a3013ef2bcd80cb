import type { ReactNode } from 'react';
import { fill } from '../../core/locale/format';

/**
 * What the three charts share: their size, type size, colours and the figure that carries the
 * hypothetical notice. Colours are the deck theme's custom properties (with fallbacks), set as
 * SVG presentation attributes: the app's CSP (style-src 'self') refuses inline style attributes.
 */

/** Drawn 1:1 in a 1024 × 768 slide. */
export const CHART_WIDTH = 760;
/** Axis labels, legends and values: fine print, never below 16 px at the intended size. */
export const FONT_SIZE = 18;

export const COLOURS = {
  /** The deck theme's primary corrected to 3:1 on the page; the raw primary otherwise. */
  primary: 'var(--primary-graphic, var(--primary, #1f4e79))',
  /** The deck theme's accent corrected to 3:1 on the page (a line, not text); the raw accent otherwise. */
  accent: 'var(--accent-graphic, var(--accent, #2f6f73))',
  muted: 'var(--muted, #6b7780)',
  /** Gaps between donut slices: the slide's background. */
  background: 'var(--background, #ffffff)',
} as const;

/** Fills a trusted label template; a missing value leaves the template as written. */
export function label(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return fill(template, values) ?? template;
}

interface ChartFigureProps {
  /** Unique in the page: the ids of the SVG's title and description derive from it. */
  id: string;
  title: string;
  width: number;
  height: number;
  /** The caption's first lines: the hypothetical notice and the risk. */
  notice: readonly string[];
  /** The line of assumptions, when the chart is a projection. */
  assumptions?: string;
  children: ReactNode;
}

export function ChartFigure({ id, title, width, height, notice, assumptions, children }: ChartFigureProps) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const noticeText = notice.join(' ');
  return (
    <figure className="chart" id={id}>
      {/* The chart's labels and legend are fine print: they sit in <small> like the rest of it. */}
      <small className="chart-graphic">
        <svg
          xmlns="http://www.w3.org/2000/svg"
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          fontSize={FONT_SIZE}
          fill="currentColor"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{assumptions ? `${noticeText} ${assumptions}` : noticeText}</desc>
          {children}
        </svg>
      </small>
      <figcaption className="chart-caption fineprint">
        <p className="chart-notice">{noticeText}</p>
        {assumptions ? <p className="chart-assumptions">{assumptions}</p> : null}
      </figcaption>
    </figure>
  );
}
