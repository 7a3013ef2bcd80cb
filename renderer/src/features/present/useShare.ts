// The share with a tablet as this window sees it: started or not, the address and QR code, the
// tablet's connection and slide, devices asking to join. Kept fresh by asking the app layer for
// what is newer than the version held (it answers when something changes), so a swipe on the
// tablet reaches this screen at once without polling on a timer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShareMode, ShareStatus } from '../../../../core/meeting/tabletShare';
import { useApp } from '../../store';

/** Prospects whose present mode opens sharing at once (`Present on tablet` in the deck builder). */
export const shareOnOpen = new Set<string>();

export interface Share {
  status: ShareStatus | null;
  problem: string | null;
  starting: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  setMode(mode: ShareMode): Promise<void>;
  answer(device: string, allow: boolean): Promise<void>;
}

export function useShare(id: string): Share {
  const api = useApp((s) => s.api);
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const version = useRef<number | undefined>(undefined);

  const take = useCallback((next: ShareStatus) => {
    version.current = next.version;
    setStatus(next);
  }, []);

  useEffect(() => {
    let stopped = false;
    const loop = async () => {
      let failures = 0;
      while (!stopped) {
        let result;
        try {
          result = await api['share:status']({
            id,
            ...(version.current !== undefined ? { since: version.current } : {}),
          });
        } catch {
          result = null;
        }
        if (stopped) return;
        if (result?.ok) {
          failures = 0;
          take(result.value);
        } else {
          // The host is away (a reload of the web host): ask again, a little later each time.
          failures += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** failures)));
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, [api, id, take]);

  const start = useCallback(async () => {
    setStarting(true);
    setProblem(null);
    try {
      const result = await api['share:start']({ id });
      if (!result.ok) setProblem(result.error);
      else if (!result.value.started) setProblem(result.value.problem);
      else take(result.value.status);
    } finally {
      setStarting(false);
    }
  }, [api, id, take]);

  const stop = useCallback(async () => {
    const result = await api['share:stop']({ id });
    if (result.ok) take(result.value);
    else setProblem(result.error);
  }, [api, id, take]);

  const setMode = useCallback(
    async (mode: ShareMode) => {
      // Shown at once (a radio button follows the finger), confirmed by the answer.
      setStatus((current) => (current ? { ...current, mode } : current));
      const result = await api['share:mode']({ id, mode });
      if (result.ok) take(result.value);
      else setProblem(result.error);
    },
    [api, id, take],
  );

  const answer = useCallback(
    async (device: string, allow: boolean) => {
      const result = await api['share:answer']({ id, device, allow });
      if (result.ok) take(result.value);
      else setProblem(result.error);
    },
    [api, id, take],
  );

  return { status, problem, starting, start, stop, setMode, answer };
}
