import type { DeckColors } from '../../core/advisor/brandColors';
import type { DeckContext } from '../slides/context';
import { SlideView } from '../slides';

/** The brand, as custom properties the theme and the charts read. */
export function themeVariables(colors: DeckColors): string {
  return [
    `--primary:${colors.primary}`,
    `--primary-text:${colors.primaryText}`,
    `--primary-graphic:${colors.primaryGraphic}`,
    `--on-primary:${colors.onPrimary}`,
    `--accent:${colors.accent}`,
    `--accent-text:${colors.accentText}`,
    `--accent-graphic:${colors.accentGraphic}`,
    `--accent-graphic-on-primary:${colors.accentOnPrimary}`,
    `--on-accent:${colors.onAccent}`,
    `--background:${colors.background}`,
    `--page-background:${colors.pageBackground}`,
    `--surface:${colors.surface}`,
    `--text:${colors.text}`,
    `--muted:${colors.muted}`,
  ].join(';');
}

/**
 * All slides, in plan order. The root is not yet a `.reveal`: the deck's script adds that class
 * when it starts, so without JavaScript the same markup reads as a plain document. `only`: that
 * slide alone (present mode draws the slide on screen first, the others after its first paint).
 */
export function Deck({ context, only }: { context: DeckContext; only?: string | undefined }) {
  const { deck } = context.plan;
  const slides = only === undefined ? deck.slides : deck.slides.filter((slide) => slide.id === only);
  return (
    <div
      className="deck"
      data-aspect={deck.aspectRatio}
      data-width={deck.aspectRatio === '4:3' ? 1024 : 1280}
      data-height={deck.aspectRatio === '4:3' ? 768 : 720}
    >
      <div className="slides">
        {slides.map((slide) => (
          <SlideView key={slide.id} slide={slide} context={context} />
        ))}
      </div>
      <div className="presenter" aria-live="polite" />
    </div>
  );
}
