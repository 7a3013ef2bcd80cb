// The advisor's changes to one deck: applied at once (the plan is recomputed from them in the
// window), kept with Undo, and saved after every change. Saves are not debounced: the latest
// changes are sent, and changes made while one save is on its way are coalesced into the next.
// Each save carries the revision of deck.json it was based on (deck:get's, then each of this
// window's own saves'): refused when another window saved in between ('stale'), and nothing more
// is sent until the advisor reloads.
import { useCallback, useRef, useState } from 'react';
import type { DeckChanges } from '../../../../core/plan/deckChanges';
import type { Problem } from '../../../../core/validation';
import { useApp } from '../../store';

export type SaveState = 'idle' | 'saving' | 'saved' | 'stale' | { error: string } | { problems: Problem[] };

/** How many changes Undo can walk back. */
const HISTORY = 100;

export interface DeckChangesState {
  changes: DeckChanges;
  /** Counts undos: the word fields start again from the changes when it moves. */
  revision: number;
  canUndo: boolean;
  saveState: SaveState;
  /**
   * Applies a change. Changes with the same `coalesce` key in a row (typing in one field) are
   * one step for Undo.
   */
  apply: (next: DeckChanges, coalesce?: string) => void;
  undo: () => void;
  /** Resolves once every change so far is saved (or failed). */
  flush: () => Promise<void>;
}

export function useDeckChanges(id: string, initial: DeckChanges, initialRevision?: string): DeckChangesState {
  const api = useApp((s) => s.api);
  const [state, setState] = useState({ changes: initial, past: [] as DeckChanges[], revision: 0 });
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const current = useRef(state);
  const lastKey = useRef<string | undefined>(undefined);
  const pending = useRef<DeckChanges | null>(null);
  const pump = useRef<Promise<void> | null>(null);
  const base = useRef(initialRevision);
  const stale = useRef(false);

  const save = useCallback(
    (changes: DeckChanges) => {
      if (stale.current) return;
      pending.current = changes;
      if (pump.current) return;
      pump.current = (async () => {
        while (pending.current) {
          const next = pending.current;
          pending.current = null;
          setSaveState('saving');
          const result = await api['deck:save']({
            id,
            changes: next,
            ...(base.current ? { revision: base.current } : {}),
          });
          if (!result.ok && result.code === 'stale') {
            stale.current = true;
            pending.current = null;
            setSaveState('stale');
          } else if (!result.ok) setSaveState({ error: result.error });
          else if (!result.value.saved) setSaveState({ problems: result.value.problems });
          else {
            if (result.value.revision) base.current = result.value.revision;
            if (!pending.current) setSaveState('saved');
          }
        }
        pump.current = null;
      })();
    },
    [api, id],
  );

  const set = useCallback((next: typeof state) => {
    current.current = next;
    setState(next);
  }, []);

  const apply = useCallback(
    (next: DeckChanges, coalesce?: string) => {
      const now = current.current;
      const same = coalesce !== undefined && coalesce === lastKey.current;
      lastKey.current = coalesce;
      set({
        changes: next,
        past: same ? now.past : [...now.past, now.changes].slice(-HISTORY),
        revision: now.revision,
      });
      save(next);
    },
    [save, set],
  );

  const undo = useCallback(() => {
    const now = current.current;
    const previous = now.past.at(-1);
    if (!previous) return;
    lastKey.current = undefined;
    set({ changes: previous, past: now.past.slice(0, -1), revision: now.revision + 1 });
    save(previous);
  }, [save, set]);

  const flush = useCallback(async () => {
    while (pump.current) await pump.current;
  }, []);

  return {
    changes: state.changes,
    revision: state.revision,
    canUndo: state.past.length > 0,
    saveState,
    apply,
    undo,
    flush,
  };
}
