// After a screen change the focus goes to the new screen, not to the page body (where a
// keyboard or screen-reader user would have to start again from the top): to the element
// marked `data-autofocus` (New prospect: its first field), else the screen's heading.
// Screens load lazily and some wait for their data, so this waits for the target to appear,
// and follows it when a screen swaps its loading state for the real one.

function findTarget(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('[data-autofocus]') ?? main.querySelector<HTMLElement>('h2');
}

function focusOn(target: HTMLElement): void {
  // A heading takes the focus without joining the Tab order.
  if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.tabIndex = -1;
  target.focus();
}

/** Focuses the new screen once it is drawn; the returned function stops watching (the next change). */
export function focusScreen(main: HTMLElement): () => void {
  let focused: HTMLElement | null = null;
  const attempt = () => {
    // Only while the focus has nowhere better to be: never taken from what the advisor chose.
    const active = document.activeElement;
    const lost = !active || active === document.body || (focused !== null && !focused.isConnected);
    if (focused && focused.isConnected) return;
    if (focused && !lost) return;
    const target = findTarget(main);
    if (!target) return;
    focusOn(target);
    focused = target;
  };
  attempt();
  const observer = new MutationObserver(attempt);
  observer.observe(main, { childList: true, subtree: true });
  // Watching ends with the first interaction: from then on the focus is the advisor's.
  const stop = () => {
    observer.disconnect();
    window.removeEventListener('pointerdown', stop, true);
    window.removeEventListener('keydown', stop, true);
  };
  window.addEventListener('pointerdown', stop, true);
  window.addEventListener('keydown', stop, true);
  return stop;
}
