import type { ReactNode } from 'react';
import type { Slide } from '../../core/plan/planDeck';
import { clip } from '../../core/locale/format';

/** The footer holds two names on one line at fine-print size. */
const FOOTER_CHARS = 48;
import type { DeckContext } from './context';

/**
 * Every slide: one <section> per plan slide, in order, with its id for reveal.js and the tests.
 * Text is only ever passed as React children, which escapes it: nothing typed becomes markup.
 */
export function SlideFrame({
  slide,
  context,
  children,
  footer = true,
  className,
}: {
  slide: Slide;
  context: DeckContext;
  children: ReactNode;
  footer?: boolean;
  className?: string;
}) {
  return (
    <section
      className={`slide slide--${slide.layout}${className ? ` ${className}` : ''}`}
      data-slide-id={slide.id}
      data-layout={slide.layout}
      data-minutes={slide.minutes}
      data-takeaway={slide.takeaway}
    >
      <div className="slide-body">{children}</div>
      {footer ? (
        <footer>
          <span dir="auto">{clip(context.advisor.firm, FOOTER_CHARS)}</span>
          <span dir="auto">{clip(context.plan.prospect.fullName, FOOTER_CHARS)}</span>
        </footer>
      ) : null}
      <aside className="notes" dir="auto">
        {slide.notes}
      </aside>
    </section>
  );
}

export function Heading({ slide }: { slide: Slide }) {
  return <h2 dir="auto">{slide.title}</h2>;
}

export function Subtitle({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="subtitle" dir="auto">
      {text}
    </p>
  );
}

/** Bullets; a "+N more" line produced by the planner is shown quieter, without a bullet. */
export function Points({
  points,
  more = false,
  className = 'points',
}: {
  points: readonly string[];
  more?: boolean;
  className?: string;
}) {
  if (points.length === 0) return null;
  // A few short lines get larger type; six long ones keep the base size so they fit.
  const few = points.length <= 4 && points.every((p) => p.length <= 70);
  return (
    <ul className={few ? `${className} few` : className}>
      {points.map((p, i) => (
        <li key={i} dir="auto" className={more && i === points.length - 1 ? 'more' : undefined}>
          {p}
        </li>
      ))}
    </ul>
  );
}

export function Chips({
  items,
  ranked = false,
  label,
}: {
  items: readonly string[];
  ranked?: boolean;
  label?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ol className="chips" aria-label={label}>
      {items.map((item, i) => (
        <li key={i} dir="auto">
          {ranked ? <span className="rank">{i + 1}</span> : null}
          {item}
        </li>
      ))}
    </ol>
  );
}
