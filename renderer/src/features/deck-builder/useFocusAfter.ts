// Where the focus goes once a change of the builder is drawn: the chosen slide's editor, its
// first field, or the list row that took a hidden slide's place (never the page body).
import { useEffect, useRef, useState } from 'react';

export type FocusTarget = 'editor' | 'field' | 'row';

/** Returns `focusNext(to, slideId)`: the focus moves there after the next render. */
export function useFocusAfter(): (to: FocusTarget, id: string) => void {
  const [focusAfter, setFocusAfter] = useState<{ to: FocusTarget; id: string; n: number } | null>(null);
  const focusRequests = useRef(0);
  useEffect(() => {
    if (!focusAfter) return;
    if (focusAfter.to === 'editor') {
      // Chosen with a pointer: the editor has the focus, and the slide's preview comes into view
      // (the advisor picked it to see it), not the fields under it.
      document.querySelector<HTMLElement>('.db-editor')?.focus({ preventScroll: true });
      const work = document.querySelector<HTMLElement>('.db-work');
      const headerBottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
      if (work && work.getBoundingClientRect().top < headerBottom)
        window.scrollBy({ top: work.getBoundingClientRect().top - headerBottom - 12, behavior: 'instant' });
      return;
    }
    const target =
      focusAfter.to === 'row'
        ? document.querySelector<HTMLElement>(
            `.db-slides [data-slide-id="${CSS.escape(focusAfter.id)}"] .db-slide-title`,
          )
        : document.querySelector<HTMLElement>('.db-editor input');
    target?.focus();
  }, [focusAfter]);
  return (to: FocusTarget, id: string) => setFocusAfter({ to, id, n: ++focusRequests.current });
}
