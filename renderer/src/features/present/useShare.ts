// The share with a tablet as this window sees it: started or not, the address and QR code, the
// tablet's connection and slide, devices asking to join. Asked once, then kept fresh by the
// app layer's `share:changed` event, so a swipe on the tablet reaches this screen at once.
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
    const off = api.onShareChange((change) => {
      if (change.id === id) take(change.status);
    });
    void api['share:status']({ id }).then((result) => {
      // An event may have brought a newer status while this was on its way.
      const newer = version.current === undefined || (result.ok && result.value.version >= version.current);
      if (!stopped && result.ok && newer) take(result.value);
    });
    return () => {
      stopped = true;
      off();
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
