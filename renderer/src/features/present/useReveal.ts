// reveal.js on the deck markup, set up as the exported deck's script does (templates/deck/
// present.js) but embedded in the window: the app owns the keys (Esc closes what is open, not
// reveal's overview), the large Next/Previous buttons (reveal's own arrows carry English-only
// names) and the address bar (the route is in the hash). reveal.js is loaded on first use.
//
// Under the window's CSP (style-src 'self', no 'unsafe-inline'): reveal.js only writes styles
// through the CSSOM (element.style), which the policy allows; the <style> elements it can add
// are for auto-animate and the print view, both unused here. reveal.css comes in as a file of
// this chunk (present.css, in a cascade layer under the deck theme).
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { RevealApi, RevealConfig } from 'reveal.js';
import { afterPaint, showFirstSlide } from './firstSlide';
import './present.css';

// Asked for as soon as present mode's code loads, while the deck and the meeting are fetched,
// not after the first render: the first slide shows one download sooner.
const importReveal = () => import('reveal.js');
let revealModule: ReturnType<typeof importReveal> | undefined;
export function loadReveal(): ReturnType<typeof importReveal> {
  revealModule ??= importReveal();
  return revealModule;
}
void loadReveal();

export interface DeckControls {
  next(): void;
  prev(): void;
  go(index: number): void;
}

const SCALING = { margin: 0.04, minScale: 0.1, maxScale: 3 };

const CONFIG: RevealConfig = {
  ...SCALING,
  center: false,
  // The app's route lives in the hash (#/present/<id>): reveal.js must neither read nor write it.
  hash: false,
  history: false,
  respondToHashChanges: false,
  embedded: true,
  controls: false,
  progress: true,
  // Not reveal's slide number: on a slide narrower than the stage (a tablet held upright, 16:9 on
  // a laptop) it lands on the slide's footer. Jump to shows "3/12 · title" instead.
  slideNumber: false,
  touch: true,
  // Keys are handled by the screen: Esc closes what is open, never ends the meeting.
  keyboard: false,
  overview: false,
  help: false,
  pause: false,
  jumpToSlide: false,
  mouseWheel: false,
  previewLinks: false,
  transition: 'slide',
  transitionSpeed: 'fast',
  backgroundTransition: 'none',
  // A narrow window would switch reveal.js to its scroll view; a deck stays a deck.
  scrollActivationWidth: 0,
  preloadIframes: false,
  autoPlayMedia: false,
  // It would focus <body> when the window comes back, taking the focus from the question box.
  focusBodyOnPageVisibilityChange: false,
  // No API by window messages (see present.js).
  postMessage: false,
  postMessageEvents: false,
  plugins: [],
};

/**
 * Starts reveal.js on the `.deck` inside `host` once, at `startIndex`, and reports the slide on
 * screen. `onSlide` is called with each slide that comes on screen (the first one included).
 */
export function useReveal(
  host: RefObject<HTMLElement | null>,
  options: {
    startIndex: number;
    size: { width: number; height: number };
    onSlide: (index: number, slideId: string) => void;
    /** Slides skipped for the rest of the meeting: Next, Previous and swipes pass them; Jump to still reaches them. */
    skipped?: ReadonlySet<string>;
  },
): {
  index: number;
  ready: boolean;
  controls: DeckControls | null;
  failed: string | null;
  /** False until the first slide has been painted: until then the screen draws that slide alone. */
  drawAll: boolean;
} {
  const [index, setIndex] = useState(options.startIndex);
  const [controls, setControls] = useState<DeckControls | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const onSlide = useRef(options.onSlide);
  const skipped = useRef(options.skipped);
  useEffect(() => {
    onSlide.current = options.onSlide;
    skipped.current = options.skipped;
  });
  const start = useRef({ index: options.startIndex, size: options.size });
  const [drawAll, setDrawAll] = useState(false);

  // Before the first paint: the slide on screen (drawn alone) shows at once, placed as reveal.js
  // will place it; once it is painted and reveal.js is loaded, every slide is drawn.
  useLayoutEffect(() => {
    const root = host.current?.querySelector<HTMLElement>('.deck');
    if (!host.current || !root) return;
    const stage = host.current;
    let cancelled = false;
    // As in deck.html, where <body> is the viewport: the stage is, and the deck fills it.
    stage.classList.add('reveal-viewport');
    root.classList.add('reveal');
    showFirstSlide(root, start.current.size, SCALING);
    Promise.all([loadReveal(), afterPaint()])
      .then(() => {
        if (!cancelled) setDrawAll(true);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      root.classList.remove('reveal');
    };
  }, [host]);

  // Every slide drawn: reveal.js takes the deck over.
  useEffect(() => {
    const root = host.current?.querySelector<HTMLElement>('.deck');
    if (!drawAll || !host.current || !root) return;
    const stage = host.current;
    let cancelled = false;
    let deck: RevealApi | null = null;
    const idAt = (i: number) => deck?.getSlides()[i]?.getAttribute('data-slide-id') ?? undefined;
    /** The next slide from `from` going `step` (+1 or -1) that is not skipped, or -1. */
    const stepFrom = (from: number, step: 1 | -1) => {
      const total = deck?.getTotalSlides() ?? 0;
      for (let i = from + step; i >= 0 && i < total; i += step) {
        const id = idAt(i);
        if (!id || !skipped.current?.has(id)) return i;
      }
      return -1;
    };
    // Jump to may land on a skipped slide; Next, Previous and a swipe pass over them.
    let jumping = false;
    let previous = start.current.index;
    const report = () => {
      if (cancelled || !deck) return;
      const slide = deck.getCurrentSlide() as HTMLElement | undefined;
      const h = deck.getIndices().h;
      const id = slide?.getAttribute('data-slide-id');
      if (!jumping && id && skipped.current?.has(id) && h !== previous) {
        const beyond = stepFrom(h, h > previous ? 1 : -1);
        deck.slide(beyond >= 0 ? beyond : previous);
        return;
      }
      jumping = false;
      previous = h;
      setIndex(h);
      if (id) onSlide.current(h, id);
    };
    // The strip opening or the window turning changes the stage, not the window: lay out again.
    const resize = new ResizeObserver(() => deck?.layout());

    stage.classList.add('reveal-viewport');
    root.classList.add('reveal');
    void loadReveal()
      .then(async ({ default: Reveal }) => {
        if (cancelled) return;
        deck = new Reveal(root, { ...CONFIG, width: start.current.size.width, height: start.current.size.height });
        deck.on('slidechanged', report);
        // reveal.js starts on the first slide. A meeting under way goes back to its slide as soon
        // as reveal.js has placed one (a mutation observer runs before the next paint): no other
        // slide flashes by.
        const api = deck;
        const toStart = new MutationObserver(() => {
          if (!api.getCurrentSlide()) return;
          toStart.disconnect();
          if (api.getIndices().h !== start.current.index) api.slide(start.current.index);
        });
        if (start.current.index > 0) toStart.observe(root, { subtree: true, attributeFilter: ['class'] });
        await deck.initialize();
        if (cancelled) return;
        report();
        resize.observe(stage);
        const move = (step: 1 | -1) => {
          const to = stepFrom(api.getIndices().h, step);
          if (to >= 0) api.slide(to);
        };
        setControls({
          next: () => move(1),
          prev: () => move(-1),
          go: (i) => {
            jumping = i !== api.getIndices().h;
            api.slide(i);
          },
        });
        root.setAttribute('data-ready', 'true');
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
      });

    return () => {
      cancelled = true;
      resize.disconnect();
      try {
        deck?.destroy();
      } catch {
        // Destroying a deck that never finished starting: nothing left to undo.
      }
      root.removeAttribute('data-ready');
    };
  }, [host, drawAll]);

  return { index, ready: controls !== null, controls, failed, drawAll };
}
