// The renderer's one way to load and change the app layer's data. A screen's container asks
// with useQuery (the answer is dropped once the screen is gone or asked again, so a late reply
// never draws over a newer one) and changes data with useMutation; its views only get props.
// Our own small hooks rather than TanStack Query: each screen loads once on entry and reloads on
// a refused save, which needs no cache, retries or dependency; this keeps the bundle as it is.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Result } from '../../../core/api';

export type QueryState<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ready'; value: T };

export type Query<T> = QueryState<T> & {
  /** Loads again (shown as loading meanwhile). */
  reload(): void;
  /** How many times it was reloaded: a key that starts the views afresh after a reload. */
  loads: number;
};

/** The message of anything thrown, as the screens show it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed call of the app layer throws its message: the query shows it as its error. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * Runs `load` when the screen opens and whenever `deps` change or `reload` is called. `onReady`
 * runs once per answer that is still wanted (a notice, a list to refresh).
 */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList, onReady?: (value: T) => void): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ state: 'loading' });
  const [loads, setLoads] = useState(0);
  const latest = useRef({ load, onReady });
  latest.current = { load, onReady };

  useEffect(() => {
    let cancelled = false;
    latest.current.load().then(
      (value) => {
        if (cancelled) return;
        setState({ state: 'ready', value });
        latest.current.onReady?.(value);
      },
      (error: unknown) => {
        if (!cancelled) setState({ state: 'error', error: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The caller names what the load depends on; the load itself is read fresh from the ref.
  }, [...deps, loads]);

  const reload = useCallback(() => {
    setState({ state: 'loading' });
    setLoads((n) => n + 1);
  }, []);
  return { ...state, reload, loads };
}

export type Mutation<I, T> = {
  /** Runs the change; resolves with the app layer's answer (never throws). */
  run(input: I): Promise<Result<T>>;
  pending: boolean;
  /** The last failure's message, until the next run. */
  error: string | null;
};

/** A change to the app layer's data: pending while it runs, its error kept for the view. */
export function useMutation<I, T>(change: (input: I) => Promise<Result<T>>): Mutation<I, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(change);
  latest.current = change;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (input: I): Promise<Result<T>> => {
    setPending(true);
    setError(null);
    let result: Result<T>;
    try {
      result = await latest.current(input);
    } catch (e) {
      result = { ok: false, error: messageOf(e) };
    }
    if (mounted.current) {
      setPending(false);
      if (!result.ok) setError(result.error);
    }
    return result;
  }, []);
  return { run, pending, error };
}
