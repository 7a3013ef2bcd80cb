// Present mode's first slide is what the prospect waits for, so everything it needs is asked
// for together, the moment the window knows it is going there (at start-up on a present
// address, or when the route changes): its code, reveal.js, the deck and the meeting. Without
// this, each waited for the one before (code, then render, then the deck, then the meeting).
import type { ApiClient } from '../../../../core/api';
import { startPresentLoad } from './presentLoad';

/** Starts loading present mode for this prospect (code and data), fresh each time it is entered. */
export function prefetchPresent(api: ApiClient, id: string): void {
  void import('./PresentScreen');
  void import('reveal.js');
  startPresentLoad(api, id);
}
