// The Fullscreen API on the present screen's root: asked for only from a tap or a click (browsers
// refuse it otherwise). Without it (an iPhone, a kiosk), the screen still covers the window.
import { useCallback, useEffect, useState, type RefObject } from 'react';

export function useFullscreen(target: RefObject<HTMLElement | null>): {
  supported: boolean;
  active: boolean;
  toggle: () => void;
  exit: () => Promise<void>;
} {
  const [refused, setRefused] = useState(false);
  const supported = !refused && typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const [active, setActive] = useState(() => typeof document !== 'undefined' && document.fullscreenElement !== null);

  useEffect(() => {
    const changed = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);

  const exit = useCallback(async () => {
    if (!document.fullscreenElement) return;
    try {
      await document.exitFullscreen();
    } catch {
      // Already left (Esc, the system): nothing to undo.
    }
  }, []);

  const toggle = useCallback(() => {
    if (document.fullscreenElement) {
      void exit();
      return;
    }
    target.current?.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
      // Refused (a permission policy, as in a locked-down shell): the screen already covers the
      // window, and a button that does nothing is not offered again.
      setRefused(true);
    });
  }, [exit, target]);

  // Leaving present mode leaves full screen too.
  useEffect(() => () => void exit(), [exit]);

  return { supported, active, toggle, exit };
}
