// One slide drawn with the export's own layout at its reference size, scaled to the column.
import type { DeckPlan, Slide } from '../../../../core/plan/planDeck';
import type { DeckSetup } from '../../../../core/api';
import { SlideView } from '../../../../templates/slides';

export function SlidePreview({ plan, slide, look }: { plan: DeckPlan; slide: Slide; look: DeckSetup['look'] }) {
  const [width, height] = plan.deck.aspectRatio === '4:3' ? [1024, 768] : [1280, 720];
  return (
    <div
      className="db-frame"
      style={{ aspectRatio: `${width} / ${height}` }}
      data-aspect={plan.deck.aspectRatio}
      lang={plan.language}
    >
      <div
        className="deck db-deck"
        ref={(el) => applyVars(el, look.themeVariables)}
        style={{ width, height }}
        data-aspect={plan.deck.aspectRatio}
      >
        <div className="slides">
          <SlideView slide={slide} context={{ plan, advisor: look.advisor }} />
        </div>
      </div>
    </div>
  );
}

/** CSS custom properties go through the CSSOM (allowed by the CSP), never a style attribute. */
function applyVars(el: HTMLElement | null, vars: Record<string, string>): void {
  if (!el) return;
  for (const [name, value] of Object.entries(vars)) el.style.setProperty(name, value);
}
