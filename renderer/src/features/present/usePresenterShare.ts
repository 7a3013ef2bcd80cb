// Presenting on a tablet from the present screen: the panel with the address (opened at once
// when the meeting was started with Present on tablet, or shown again after a reload while
// sharing), and this screen mirroring the slide the tablet shows while the tablet presents.
import { useEffect, useRef, useState } from 'react';
import type { Slide } from '../../../../core/plan/planDeck';
import type { DeckControls } from './useReveal';
import { shareOnOpen, useShare } from './useShare';

export function usePresenterShare(id: string, controls: DeckControls | null, slides: readonly Slide[]) {
  const share = useShare(id);
  const [sharePanel, setSharePanel] = useState(false);
  const openedShare = useRef(false);
  useEffect(() => {
    if (openedShare.current) return;
    if (shareOnOpen.has(id)) {
      shareOnOpen.delete(id);
      openedShare.current = true;
      setSharePanel(true);
      void share.start();
    } else if (share.status?.active) {
      // Back into a meeting that is being shared (a reload): show where the tablet stands.
      openedShare.current = true;
      setSharePanel(true);
    }
  }, [id, share, share.status?.active]);
  const sharing = share.status?.active === true;
  const tabletSlide = sharing && share.status?.mode === 'presents' ? share.status.slideId : undefined;
  useEffect(() => {
    // While the tablet presents, this screen shows the slide on the tablet.
    if (!tabletSlide || !controls) return;
    const at = slides.findIndex((s) => s.id === tabletSlide);
    if (at >= 0) controls.go(at);
  }, [tabletSlide, controls, slides]);
  const onShareButton = () => {
    setSharePanel((open) => !open || !sharing);
    if (!sharing && !share.starting) void share.start();
  };
  return { share, sharing, sharePanel, setSharePanel, onShareButton };
}
