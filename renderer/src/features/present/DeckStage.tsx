// The slides on the present screen, drawn once; reveal.js takes them over from there.
import { memo, useCallback, type RefObject } from 'react';
import { Deck } from '../../../../templates/deck/Deck';
import type { DeckContext } from '../../../../templates/slides';

/**
 * The slides, drawn by the same layouts as deck.html: the one on screen first, then all of them
 * before reveal.js starts; from then on reveal.js owns their classes and styles, so React must not
 * render them again (memo on stable props). Drawing the rest adds sections beside the first one,
 * whose element (and the classes set on it) React keeps.
 */
export const DeckStage = memo(function DeckStage({
  stage,
  context,
  themeVariables,
  language,
  ratio,
  only,
}: {
  stage: RefObject<HTMLDivElement | null>;
  context: DeckContext;
  themeVariables: Record<string, string>;
  language: string;
  /** The slides' width over their height: their backgrounds keep it in a narrower stage. */
  ratio: number;
  /** Draw this slide alone (the one on screen first; reveal.js needs them all once it starts). */
  only?: string | undefined;
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
      <Deck context={context} only={only} />
    </div>
  );
});
