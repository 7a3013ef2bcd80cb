import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeckPlan } from '../../core/plan/planDeck';
import { build, SAMPLE_ADVISOR, SAMPLE_INTAKE } from '../../electron/services/build';
import { DESKTOP, IPAD, launch } from './browser';
import { inspectSlide } from './inspect';

const run = promisify(execFile);
// A real browser on a 2-core machine: generous limits, the assertions are about behaviour.
vi.setConfig({ testTimeout: 60_000 });
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

interface Case {
  name: string;
  intake: string;
  advisor?: string;
}

const CASES: Case[] = [
  { name: 'sample', intake: SAMPLE_INTAKE },
  { name: 'long texts, every goal, 16:9', intake: join(FIXTURES, 'intake-long.json') },
  { name: 'ten minutes, every goal', intake: join(FIXTURES, 'intake-ten-minutes.json') },
  { name: 'Japanese', intake: join(FIXTURES, 'intake-cjk.json') },
  { name: 'Japanese, long texts, 16:9', intake: join(FIXTURES, 'intake-cjk-long.json') },
  { name: 'Arabic and Hebrew', intake: join(FIXTURES, 'intake-rtl.json') },
  { name: 'French (Canada)', intake: join(FIXTURES, 'intake-fr.json') },
  {
    name: 'advisor profile at its limits',
    intake: join(FIXTURES, 'intake-long.json'),
    advisor: join(FIXTURES, 'advisor-max.json'),
  },
  {
    name: 'hostile strings everywhere',
    intake: join(FIXTURES, 'intake-hostile.json'),
    advisor: join(FIXTURES, 'advisor-hostile.json'),
  },
];

interface Built extends Case {
  plan: DeckPlan;
  url: string;
}

let browser: Browser;
let dir: string;
const built: Built[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-e2e-'));
  for (const [i, c] of CASES.entries()) {
    const outDir = join(dir, String(i));
    const result = await build({ intakePath: c.intake, advisorPath: c.advisor ?? SAMPLE_ADVISOR, outDir });
    if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.invalid)}`);
    built.push({ ...c, plan: result.plan, url: pathToFileURL(join(outDir, 'deck.html')).href });
  }
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** A page that records every request, console error, page error and dialog. */
async function open(url: string, options: BrowserContextOptions): Promise<Watched> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url.split('?')[0] && r.url() !== url) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await page.waitForSelector('.deck[data-ready="true"]');
  return { page, requests, errors, dialogs, close: () => context.close() };
}

const current = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { presentation: { getIndices(): { h: number } } }).presentation.getIndices().h,
  );
const goTo = (page: Page, index: number) =>
  page.evaluate(
    (n) => (window as unknown as { presentation: { slide(h: number): void } }).presentation.slide(n),
    index,
  );

async function swipe(page: Page, fromX: number, toX: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const y = 400;
  const point = (x: number) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromX) });
  for (let step = 1; step <= 6; step++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(fromX + ((toX - fromX) * step) / 6),
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function expectInert(w: Watched): Promise<void> {
  expect(w.dialogs).toEqual([]);
  expect(await w.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

describe.each(CASES.map((c, i) => [c.name, i] as const))('deck.html: %s', (_, index) => {
  const deck = () => built[index] as Built;

  it.each([
    ['iPad', IPAD],
    ['desktop', DESKTOP],
  ] as const)(
    'at the %s viewport: slides in plan order, nothing overflows, type is large, no network, no errors',
    async (_, viewport) => {
      const { plan, url } = deck();
      const w = await open(url, viewport);
      try {
        const ids = await w.page.$$eval('.slides > section', (s) => s.map((x) => x.getAttribute('data-slide-id')));
        expect(ids).toEqual(plan.deck.slides.map((s) => s.id));
        await w.page.evaluate(() =>
          (window as unknown as { presentation: { configure(c: object): void } }).presentation.configure({
            transition: 'none',
          }),
        );
        for (let i = 0; i < ids.length; i++) {
          await goTo(w.page, i);
          const report = await w.page.locator(`.slides > section:nth-child(${i + 1})`).evaluate(inspectSlide);
          expect(report.overflow, `${ids[i]} overflows`).toEqual([]);
          expect(report.small, `${ids[i]} has small text`).toEqual([]);
        }
        expect(w.requests).toEqual([]);
        expect(w.errors).toEqual([]);
        await expectInert(w);
      } finally {
        await w.close();
      }
    },
  );

  it('navigates with the keys reveal.js users expect, and by swipe and tap on a tablet', async () => {
    const w = await open(deck().url, IPAD);
    const { page } = w;
    try {
      await page.keyboard.press('ArrowRight');
      expect(await current(page)).toBe(1);
      await page.keyboard.press('Space');
      expect(await current(page)).toBe(2);
      await page.keyboard.press('ArrowLeft');
      expect(await current(page)).toBe(1);

      await page.keyboard.press('o');
      expect(await page.$eval('.deck', (d) => d.classList.contains('overview'))).toBe(true);
      await page.keyboard.press('o');
      expect(await page.$eval('.deck', (d) => d.classList.contains('overview'))).toBe(false);

      await page.keyboard.press('s');
      expect(await page.$eval('.presenter', (p) => p.classList.contains('open'))).toBe(true);
      expect(await page.$eval('.presenter', (p) => p.textContent)).toContain(
        deck().plan.deck.slides[1]?.notes.split('\n')[0]?.slice(0, 30),
      );
      await page.keyboard.press('s');
      expect(await page.$eval('.presenter', (p) => p.classList.contains('open'))).toBe(false);

      await page.keyboard.press('f');
      await page
        .waitForFunction(() => document.fullscreenElement !== null, undefined, { timeout: 2000 })
        .catch(() => undefined);
      expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

      await swipe(page, 1000, 200);
      await page.waitForFunction(
        () =>
          (window as unknown as { presentation: { getIndices(): { h: number } } }).presentation.getIndices().h === 2,
      );
      await swipe(page, 200, 1000);
      await page.waitForFunction(
        () =>
          (window as unknown as { presentation: { getIndices(): { h: number } } }).presentation.getIndices().h === 1,
      );

      // Next and previous are large tap targets.
      for (const selector of ['.controls .navigate-right', '.controls .navigate-left']) {
        const box = await page.locator(selector).boundingBox();
        expect(box?.width).toBeGreaterThanOrEqual(44);
        expect(box?.height).toBeGreaterThanOrEqual(44);
      }
      await page.locator('.controls .navigate-right').tap();
      await page.waitForFunction(
        () =>
          (window as unknown as { presentation: { getIndices(): { h: number } } }).presentation.getIndices().h === 2,
      );
      expect(w.requests).toEqual([]);
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('has no serious or critical accessibility violation (axe, WCAG 2 A and AA)', async () => {
    const serious = async (page: Page, include?: string) => {
      const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
      const results = await (include ? axe.include(include) : axe).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
    };
    // As a document (the deck's own scripts left out), every slide is on screen at once.
    const { url } = deck();
    const context = await browser.newContext({ ...IPAD, bypassCSP: true });
    try {
      const page = await context.newPage();
      const html = await readFile(fileURLToPath(url), 'utf8');
      await page.setContent(html.replace(/<script>[\s\S]*?<\/script>/g, ''));
      expect(await page.locator('.deck.reveal').count()).toBe(0);
      expect(await serious(page)).toEqual([]);
      // Presenting, with reveal.js's controls, progress bar and slide number.
      await page.goto(url);
      await page.waitForSelector('.deck[data-ready="true"]');
      expect(await serious(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads as a document without JavaScript: every slide title visible, in order', async () => {
    const { plan, url } = deck();
    const w = await open(url, { ...IPAD, javaScriptEnabled: false });
    try {
      const titles = w.page.locator('.slides > section :is(h1, h2)');
      expect(await titles.count()).toBe(plan.deck.slides.length);
      for (let i = 0; i < plan.deck.slides.length; i++) {
        await expect.poll(() => titles.nth(i).isVisible()).toBe(true);
        expect((await titles.nth(i).textContent())?.trim()).toBe(plan.deck.slides[i]?.title);
      }
      // Speaker notes are for the advisor, never on the prospect's screen.
      expect(await w.page.locator('aside.notes').first().isVisible()).toBe(false);
      expect(w.requests).toEqual([]);
      await expectInert(w);
    } finally {
      await w.close();
    }
  });

  it('prints one slide per page in the reveal.js print view (?print-pdf)', async () => {
    const { plan, url } = deck();
    const w = await open(`${url}?print-pdf`, IPAD);
    try {
      await w.page.waitForFunction((n) => document.querySelectorAll('.pdf-page').length === n, plan.deck.slides.length);
      const pdf = await w.page.pdf({ preferCSSPageSize: true, printBackground: true });
      const file = join(dir, `print-${index}.pdf`);
      await writeFile(file, pdf);
      const { stdout } = await run('pdfinfo', [file]);
      expect(stdout).toMatch(new RegExp(`^Pages:\\s+${plan.deck.slides.length}$`, 'm'));
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe('deck.html first slide', () => {
  // What the page shows at the frame marked 'deck-first-slide' (npm run bench's measure), read in
  // that same frame: the slide's box, and whether reveal.js had started yet.
  const SPY = `(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      if (name === 'deck-first-slide') {
        const slide = document.querySelector('.slides > section');
        const box = slide.getBoundingClientRect();
        window.__atFirstSlide = {
          box: [box.x, box.y, box.width, box.height],
          visible: slide.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          started: document.querySelector('.deck').getAttribute('data-ready'),
          title: slide.querySelector('h1, h2')?.textContent ?? '',
          page: getComputedStyle(document.querySelector('.deck')).backgroundColor,
        };
      }
      return mark(name, options);
    };
  })();`;

  it.each([
    ['iPad', IPAD],
    ['iPad held upright', { ...IPAD, viewport: { width: 820, height: 1180 } }],
    ['desktop', DESKTOP],
  ] as const)(
    'at the %s viewport: painted before reveal.js starts, and reveal.js keeps it where it is',
    async (_, viewport) => {
      const deck = built[0] as Built;
      const context = await browser.newContext(viewport);
      try {
        await context.addInitScript(SPY);
        const page = await context.newPage();
        await page.goto(deck.url);
        await page.waitForSelector('.deck[data-ready="true"]');
        const first = (await page.evaluate('window.__atFirstSlide')) as {
          box: number[];
          visible: boolean;
          started: string | null;
          title: string;
          page: string;
        };
        expect(first.started).toBeNull();
        expect(first.visible).toBe(true);
        expect(first.title.length).toBeGreaterThan(0);
        const after = await page
          .locator('.slides > section')
          .first()
          .evaluate((slide) => {
            const box = slide.getBoundingClientRect();
            return [box.x, box.y, box.width, box.height];
          });
        for (const [i, value] of after.entries()) expect(value).toBeCloseTo(first.box[i] ?? NaN, 0);
        expect(await current(page)).toBe(0);
        // The page around the slide keeps its colour: reveal.js paints the slide's over it.
        const painted = await page.evaluate(() => {
          const layer = document.querySelector('.reveal .backgrounds .slide-background.present');
          return layer ? getComputedStyle(layer).backgroundColor : 'no slide background';
        });
        expect(first.page).toBe(painted);
      } finally {
        await context.close();
      }
    },
  );
});

describe('deck.html safety', () => {
  it('shows hostile strings literally and runs none of them', async () => {
    const hostile = built.find((b) => b.name.startsWith('hostile')) as Built;
    const w = await open(hostile.url, IPAD);
    try {
      const text = await w.page.evaluate(() => document.querySelector('.slides')?.textContent ?? '');
      for (const s of [
        '<img src=x onerror="window.__pwned=1">',
        '<script>window.__pwned=1</script>',
        '"><svg onload=window.__pwned=1>',
        '{{constructor.constructor("window.__pwned=1")()}}',
        '${window.__pwned=1}',
      ]) {
        expect(text).toContain(s);
      }
      expect(await w.page.$$('.slides img:not(.logo), .slides script, .slides svg:not(.chart svg)')).toHaveLength(0);
      // The advisor's javascript: "website" is text, not a link; only mailto and https links exist.
      const hrefs = await w.page.$$eval('.slides a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href).toMatch(/^(mailto:|https:)/);
      expect(text).toContain('javascript:window.__pwned=1');
      await expectInert(w);
    } finally {
      await w.close();
    }
  });
});

describe('deck.html served over http', () => {
  it('makes no request beyond the page itself', async () => {
    const sample = built[0] as Built;
    const html = await readFile(fileURLToPath(sample.url));
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const served: string[] = [];
    server.on('request', (req) => served.push(req.url ?? ''));
    try {
      const url = `http://127.0.0.1:${port}/deck.html`;
      const w = await open(url, IPAD);
      try {
        expect(w.requests).toEqual([]);
        expect(w.errors).toEqual([]);
        expect(served).toEqual(['/deck.html']);
      } finally {
        await w.close();
      }
    } finally {
      server.close();
    }
  });
});

describe('the slide checks themselves', () => {
  it('catch overflowing and small text when the theme breaks', async () => {
    const sample = built[0] as Built;
    const context = await browser.newContext({ ...IPAD, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(sample.url);
      await page.waitForSelector('.deck[data-ready="true"]');
      await page.addStyleTag({
        content: '.deck h2 { font-size: 160px !important } .deck .points { font-size: 20px !important }',
      });
      const index = sample.plan.deck.slides.findIndex((s) => s.id === 'how-we-work');
      await goTo(page, index);
      const report = await page.locator(`.slides > section:nth-child(${index + 1})`).evaluate(inspectSlide);
      expect(report.overflow.length).toBeGreaterThan(0);
      expect(report.small.some((s) => s.includes('20.0px, needs 24px'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
