// What present mode needs to start (the deck planned, the meeting started), loaded once per entry:
// begun early by prefetch.ts, taken by PresentScreen.tsx. Kept apart from prefetch.ts, which
// loads PresentScreen's code, so the two never import each other.
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

/** Starts loading present mode's data for this prospect, fresh each time it is entered. */
export function startPresentLoad(api: ApiClient, id: string): void {
  // Never an older load: the deck may have changed since (the builder was open in between).
  pending.set(
    id,
    load(api, id).catch(
      (error: unknown): PresentLoad => ({
        state: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }),
    ),
  );
}

/** What present mode needs, from the prefetch under way (taken once) or loaded now. */
export function takePresent(api: ApiClient, id: string): Promise<PresentLoad> {
  const loading = pending.get(id);
  pending.delete(id);
  return (
    loading ??
    load(api, id).catch(
      (error: unknown): PresentLoad => ({
        state: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }),
    )
  );
}
