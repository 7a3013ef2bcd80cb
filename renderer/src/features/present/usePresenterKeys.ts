// Keys, for a keyboard or a presenter remote: arrows, Page Up/Down, space, Home/End. Esc never
// ends the meeting (presenters press it out of habit): it leaves full screen or closes what is
// open; the modal dialogs (question box, End meeting?) take their own Esc first.
import { useEffect, useRef } from 'react';
import type { DeckControls } from './useReveal';

export function usePresenterKeys(
  controls: DeckControls | null,
  closeSomething: () => void,
  /** A dialog is open: it has the keys. */
  open: boolean,
  last: number,
): void {
  const keys = useRef({ controls, closeSomething, open, last });
  useEffect(() => {
    keys.current = { controls, closeSomething, open, last };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { controls: deck, closeSomething: close, open, last: lastIndex } = keys.current;
      if (event.defaultPrevented || open || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = target !== null && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      if (typing || !deck) return;
      const onButton = target?.tagName === 'BUTTON';
      const go: Record<string, (() => void) | undefined> = {
        ArrowRight: deck.next,
        ArrowDown: deck.next,
        PageDown: deck.next,
        ArrowLeft: deck.prev,
        ArrowUp: deck.prev,
        PageUp: deck.prev,
        Home: () => deck.go(0),
        End: () => deck.go(lastIndex),
        // Space presses a focused button; elsewhere it turns the page.
        ' ': onButton ? undefined : event.shiftKey ? deck.prev : deck.next,
      };
      const action = go[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
