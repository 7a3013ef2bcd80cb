/**
 * Checks run inside the page (passed to page.evaluate, so self-contained: no imports, no
 * closures). Sizes are at the deck's reference size: reveal.js scales slides with a transform,
 * which computed styles ignore and bounding boxes include.
 */

export interface SlideReport {
  id: string | null;
  overflow: string[];
  small: string[];
  words: number;
}

export function inspectSlide(section: Element): SlideReport {
  const refWidth = Number(document.querySelector('.deck')?.getAttribute('data-width')) || 1024;
  const box = section.getBoundingClientRect();
  const scale = box.width / refWidth;
  const overflow: string[] = [];
  const small: string[] = [];
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 40)}"`;

  for (const el of Array.from(section.querySelectorAll('*'))) {
    if (el.closest('aside.notes')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const tolerance = 1.5;
    if (
      r.left < box.left - tolerance ||
      r.right > box.right + tolerance ||
      r.top < box.top - tolerance ||
      r.bottom > box.bottom + tolerance
    ) {
      overflow.push(
        `${describe(el)} at ${Math.round(r.left - box.left)},${Math.round(r.top - box.top)} ${Math.round(r.width)}×${Math.round(r.height)} outside ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
    if (
      el instanceof HTMLElement &&
      (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) &&
      getComputedStyle(el).overflow !== 'visible'
    ) {
      overflow.push(`${describe(el)} scrolls or clips its content`);
    }
  }

  let words = 0;
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('aside.notes, title, desc')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    words += text.split(/\s+/).length;
    const fine = el.closest('small, figcaption, footer') !== null;
    let px = Number.parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement && el.ownerSVGElement) {
      const svg = el.ownerSVGElement;
      const drawn = svg.getBoundingClientRect().width / scale;
      px *= drawn / svg.viewBox.baseVal.width;
    }
    const min = fine ? 16 : 24;
    if (px < min - 0.05)
      small.push(`${describe(el)} is ${px.toFixed(1)}px, needs ${min}px${fine ? ' (fine print)' : ''}`);
  }
  return { id: section.getAttribute('data-slide-id'), overflow, small, words };
}
