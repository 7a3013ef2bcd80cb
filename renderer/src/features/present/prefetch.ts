// Present mode's first slide is what the prospect waits for, so everything it needs is asked
// for together, the moment the window knows it is going there (at start-up on a present
// address, or when the route changes): its code, reveal.js, the deck and the meeting. Without
// this, each waited for the one before (code, then render, then the deck, then the meeting).
import type { ApiClient, DeckSetupOutcome, PresentStart } from '../../../../core/api';

export type PresentLoad =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'not-ready'; outcome: Extract<DeckSetupOutcome, { ready: false }> }
  | { state: 'ready'; start: Extract<PresentStart, { ready: true }> };

const pending = new Map<string, Promise<PresentLoad>>();

async function load(api: ApiClient, id: string): Promise<PresentLoad> {
  // One call: the deck planned and the meeting started by the app layer (a meeting is started
  // only for a deck that can be shown).
  const started = await api['present:start']({ id });
  if (!started.ok) return { state: 'failed', error: started.error };
  if (!started.value.ready) return { state: 'not-ready', outcome: started.value };
  return { state: 'ready', start: started.value };
}

/** Starts loading present mode for this prospect (code and data), fresh each time it is entered. */
export function prefetchPresent(api: ApiClient, id: string): void {
  void import('./PresentScreen');
  void import('reveal.js');
  // Never an older load: the deck may have changed since (the builder was open in between).
  pending.set(
    id,
    load(api, id).catch((error: unknown): PresentLoad => ({ state: 'failed', error: error instanceof Error ? error.message : String(error) })),
  );
}

/** What present mode needs, from the prefetch under way (taken once) or loaded now. */
export function takePresent(api: ApiClient, id: string): Promise<PresentLoad> {
  const loading = pending.get(id);
  pending.delete(id);
  return loading ?? load(api, id).catch((error: unknown): PresentLoad => ({ state: 'failed', error: error instanceof Error ? error.message : String(error) }));
}
