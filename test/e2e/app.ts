// Shared steps of the app's browser tests: a web host on a temp data folder, a page on it, and
// the ways an advisor fills the form (pointer or keyboard alone).
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startWebHost, type RunningHost } from '../support/web-host';

export async function tempDataFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'advisor-deck-app-'));
}

export async function openApp(
  browser: Browser,
  host: RunningHost,
  options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } },
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
  return page;
}

export { startWebHost };

/** The accessible name of the focused element, the simple way a label or a button gives it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return aria.trim();
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return (labels[0]?.textContent ?? '').trim();
    return (el.textContent ?? '').trim();
  });
}

/** Presses Tab until the element named `name` has the focus: the keyboard alone, as a person would. */
export async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

export async function prospectFolders(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(join(dataDir, 'prospects'))).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
}

export async function savedIntakes(dataDir: string): Promise<{ id: string; intake: Record<string, unknown> }[]> {
  const out = [];
  for (const id of await prospectFolders(dataDir)) {
    try {
      out.push({
        id,
        intake: JSON.parse(await readFile(join(dataDir, 'prospects', id, 'intake.json'), 'utf8')) as Record<
          string,
          unknown
        >,
      });
    } catch {
      // A draft: no intake.json yet.
    }
  }
  return out;
}

/** The form by field names, with the pointer. */
export async function fillIntake(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

/**
 * A finger across a box, right to left (next) or left to right (previous), as CDP touch events.
 * The finger rests before it lifts (the events carry their own times, nothing waits): lifted at
 * full speed, Chromium starts a fling, and a tap during a fling only stops it.
 */
export async function swipe(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  direction: 'next' | 'previous',
): Promise<void> {
  const y = box.y + box.height / 2;
  const [from, to] =
    direction === 'next'
      ? [box.x + box.width * 0.8, box.x + box.width * 0.2]
      : [box.x + box.width * 0.2, box.x + box.width * 0.8];
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number) => [{ x, y, id: 1 }];
  const t0 = Date.now() / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from), timestamp: t0 });
  for (let step = 1; step <= 6; step++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(from + ((to - from) * step) / 6),
      timestamp: t0 + step * 0.016,
    });
  for (let rest = 1; rest <= 3; rest++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(to),
      timestamp: t0 + 0.1 + rest * 0.1,
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: t0 + 0.45 });
  await cdp.detach();
}
