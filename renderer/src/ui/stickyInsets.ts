// What sticks over the page's edges, measured: the app header at the top; the form's Save bar
// and a toast at the bottom. Set as CSS custom properties on <html>, they feed
// `scroll-padding` (a field focused by Tab, or scrolled to, stops clear of them) and the
// toast's place (above the Save bar, never over its buttons). Measured because both bars wrap
// to two lines on a narrow window or in French.
import { useEffect } from 'react';

const BOTTOM_BARS = '.form-actions';

function measure(): void {
  const root = document.documentElement;
  const header = document.querySelector<HTMLElement>('.app-header');
  const top = header && header.offsetParent !== null ? header.getBoundingClientRect().height : 0;
  let bottom = 0;
  for (const bar of document.querySelectorAll<HTMLElement>(BOTTOM_BARS))
    bottom = Math.max(bottom, bar.getBoundingClientRect().height);
  const toast = document.querySelector<HTMLElement>('.toast-region .toast');
  const toastHeight = toast ? toast.getBoundingClientRect().height : 0;
  root.style.setProperty('--sticky-top', `${Math.ceil(top)}px`);
  root.style.setProperty('--sticky-bottom', `${Math.ceil(bottom)}px`);
  root.style.setProperty('--toast-space', `${Math.ceil(toastHeight)}px`);
}

/**
 * Chromium scrolls a focused element into view only when none of it shows: a tall box half
 * under the Save bar stays there. This finishes the job, clear of both bars (scroll-padding).
 */
function revealFocused(event: FocusEvent): void {
  const el = event.target;
  if (!(el instanceof HTMLElement) || el.closest('.app-header, .form-actions, .toast-region, .present-mode, dialog'))
    return;
  // A heading or a region given the focus by the app is placed by the code that focused it.
  if (el.tabIndex < 0 && !el.matches('input, textarea, select, button')) return;
  const styles = getComputedStyle(document.documentElement);
  const top = parseFloat(styles.scrollPaddingTop) || 0;
  const bottom = innerHeight - (parseFloat(styles.scrollPaddingBottom) || 0);
  const box = el.getBoundingClientRect();
  // A box taller than the room shows its top (where typing starts).
  const by = box.top < top || box.height > bottom - top ? box.top - top : box.bottom > bottom ? box.bottom - bottom : 0;
  if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' });
}

export function useStickyInsets(): void {
  useEffect(() => {
    document.addEventListener('focusin', revealFocused);
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    const resizes = new ResizeObserver(later);
    const watched = new Set<Element>();
    const watch = () => {
      for (const el of document.querySelectorAll('.app-header, .toast-region, ' + BOTTOM_BARS)) {
        if (watched.has(el)) continue;
        watched.add(el);
        resizes.observe(el);
      }
      for (const el of watched) if (!el.isConnected) watched.delete(el);
      later();
    };
    // Bars come and go with the screens; a screen change is a change of the page's children.
    const screens = new MutationObserver(watch);
    screens.observe(document.body, { childList: true, subtree: true });
    watch();
    measure();
    return () => {
      document.removeEventListener('focusin', revealFocused);
      cancelAnimationFrame(frame);
      resizes.disconnect();
      screens.disconnect();
    };
  }, []);
}
