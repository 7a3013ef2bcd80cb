// Present mode's first slide is what the prospect waits for, so everything it needs is asked
// for together, the moment the window knows it is going there (at start-up on a present
// address, or when the route changes): its code, reveal.js, the deck and the meeting. Without
// this, each waited for the one before (code, then render, then the deck, then the meeting).
// Its code is also loaded when the window first has nothing to do: the advisor spends a while on
// Prospects or the builder before presenting, and the first slide then only waits for the deck.
import type { ApiClient } from '../../../../core/api';
import { startPresentLoad } from './presentLoad';

function loadPresentCode(): void {
  void import('./PresentScreen');
  void import('reveal.js');
}

/** Starts loading present mode for this prospect (code and data), fresh each time it is entered. */
export function prefetchPresent(api: ApiClient, id: string): void {
  loadPresentCode();
  startPresentLoad(api, id);
}

/**
 * Loads present mode's code once the window is idle (a browser without idle callbacks: after
 * its first screen has had 2 s). Its stylesheet is scoped to present mode, so nothing else changes.
 */
export function prefetchPresentWhenIdle(): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(loadPresentCode, { timeout: 5000 });
  else setTimeout(loadPresentCode, 2000);
}
