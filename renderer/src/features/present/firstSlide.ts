// The first slide on screen before reveal.js starts. Starting lays out the slides near it and
// builds reveal's controls, which on a modest tablet takes longer than painting one slide; the
// prospect sees the slide meanwhile. It is placed exactly where reveal.js's layout() (with
// `center` off) will put it, so nothing moves when reveal.js takes over. deck.html does the same
// (templates/deck/present.js), where no module can be shared with the window.

export interface SlideBox {
  width: number;
  height: number;
}

export interface Scaling {
  margin: number;
  minScale: number;
  maxScale: number;
}

/** reveal.js's scale for a slide of `size` in a wrapper of `available` (its layout(), rounded alike). */
export function revealScale(available: SlideBox, size: SlideBox, { margin, minScale, maxScale }: Scaling): number {
  const width = available.width - available.width * margin;
  const height = available.height - available.height * margin;
  const scale = Math.min(width / size.width, height / size.height);
  return Math.round(Math.min(Math.max(scale, minScale), maxScale) * 100) / 100;
}

/**
 * Shows the first slide drawn in a `.deck.reveal` root as reveal.js will. Only the present slide
 * is displayed (reveal.css), so measuring the wrapper lays out one slide, not the whole deck.
 */
export function showFirstSlide(root: HTMLElement, size: SlideBox, scaling: Scaling): void {
  const slides = root.querySelector<HTMLElement>(':scope > .slides');
  const first = slides?.querySelector<HTMLElement>(':scope > section');
  if (!slides || !first) return;
  first.classList.add('present');
  // reveal.js paints the slide's colour around it too (its backgrounds layer, presentMode.css).
  root.style.setProperty('--first-slide-background', getComputedStyle(first).backgroundColor);
  const scale = revealScale({ width: root.offsetWidth, height: root.offsetHeight }, size, scaling);
  slides.style.width = `${size.width}px`;
  slides.style.height = `${size.height}px`;
  if (scale === 1) return;
  slides.style.left = '50%';
  slides.style.top = '50%';
  slides.style.bottom = 'auto';
  slides.style.right = 'auto';
  slides.style.transform = `translate(-50%, -50%) scale(${scale})`;
}

/**
 * Resolves once the frame showing what is on the page now has been painted; after 1 s when no
 * frame comes (a page in the background gets none).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
