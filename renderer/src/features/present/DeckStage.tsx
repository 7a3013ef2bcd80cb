// The slides on the present screen, drawn once; reveal.js takes them over from there.
import { memo, useCallback, type RefObject } from 'react';
import { Deck } from '../../../../templates/deck/Deck';
import type { DeckContext } from '../../../../templates/slides';

/**
 * The slides, drawn once by the same layouts as deck.html; from then on reveal.js owns their
 * classes and styles, so React must not render them again (memo on stable props).
 */
export const DeckStage = memo(function DeckStage({
  stage,
  context,
  themeVariables,
  language,
  ratio,
}: {
  stage: RefObject<HTMLDivElement | null>;
  context: DeckContext;
  themeVariables: Record<string, string>;
  language: string;
  /** The slides' width over their height: their backgrounds keep it in a narrower stage. */
  ratio: number;
}) {
  const host = useCallback(
    (el: HTMLDivElement | null) => {
      stage.current = el;
      // Custom properties through the CSSOM (allowed by the CSP), never a style attribute.
      if (el) {
        for (const [name, value] of Object.entries(themeVariables)) el.style.setProperty(name, value);
        el.style.setProperty('--slide-ratio', String(ratio));
      }
    },
    [stage, themeVariables, ratio],
  );
  return (
    <div ref={host} className="present-stage" lang={language}>
      <Deck context={context} />
    </div>
  );
});
