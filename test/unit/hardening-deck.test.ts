// deck.html answers no window messages: reveal.js's postMessage API (on by default) would let
// any page that frames the deck drive it ({"method":"slide"}, "configure", "setState") and
// read its state back. The config is read from the built file; then, in Chromium, a parent page
// posts to a framed deck and the deck does not move.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDeck } from '../../core/plan/planDeck';
import { renderDeckHtml } from '../../electron/services/deck';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import { launch } from '../e2e/browser';
import { advisor, intake } from '../support/samples';

let html: string;
beforeAll(async () => {
  const a = advisor();
  html = await renderDeckHtml(planDeck(intake(), a, await loadRecipe('first-meeting', TEMPLATES_DIR)), a, {
    templatesDir: TEMPLATES_DIR,
  });
});

/** Runs the deck's last script (templates/deck/present.js as built in) against a stand-in Reveal. */
function revealConfig(page: string): Record<string, unknown> {
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  let config: Record<string, unknown> = {};
  class Reveal {
    constructor(_root: unknown, options: Record<string, unknown>) {
      config = options;
    }
    on() {}
    initialize() {
      return new Promise(() => {});
    }
  }
  const root = { classList: { add() {} }, getAttribute: () => null, querySelector: () => null };
  const document = { querySelector: () => root, documentElement: { classList: { add() {}, remove() {} } } };
  const window = { Reveal, location: { search: '' }, requestAnimationFrame() {}, setTimeout() {} };
  new Function('window', 'document', scripts.at(-1) ?? '')(window, document);
  return config;
}

describe('deck.html: reveal.js postMessage off', () => {
  it('initializes reveal.js with postMessage and postMessageEvents false', () => {
    const config = revealConfig(html);
    expect(config['width']).toBe(1024);
    expect(config['postMessage']).toBe(false);
    expect(config['postMessageEvents']).toBe(false);
  });

  describe('in Chromium, framed by another page', { timeout: 60_000 }, () => {
    let browser: Browser;
    let url: string;
    let close: () => void;
    beforeAll(async () => {
      // The deck and a page that frames it, from another origin (another port).
      const deckServer = createServer((_, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      );
      await new Promise<void>((done) => deckServer.listen(0, '127.0.0.1', done));
      const deckUrl = `http://127.0.0.1:${(deckServer.address() as AddressInfo).port}/deck.html`;
      const parent = `<!DOCTYPE html><title>parent</title><iframe id="deck" src="${deckUrl}" width="1024" height="768"></iframe>
<script>window.received = []; window.addEventListener('message', (e) => window.received.push(String(e.data)));</script>`;
      const parentServer = createServer((_, res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(parent),
      );
      await new Promise<void>((done) => parentServer.listen(0, 'localhost', done));
      url = `http://localhost:${(parentServer.address() as AddressInfo).port}/`;
      close = () => {
        deckServer.close();
        parentServer.close();
      };
      browser = await launch();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      close?.();
    });

    it('ignores the reveal.js API sent as messages, and sends its events to no one', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(url);
        const frame = page.frameLocator('#deck');
        await frame.locator('.deck[data-ready="true"]').waitFor();
        const deck = page.frames().find((f) => f.url().endsWith('/deck.html'));
        if (!deck) throw new Error('no deck frame');
        // In-page code as strings: this file is type-checked for Node, without the DOM's types.
        const indices = () => deck.evaluate<number>('window.presentation.getIndices().h');
        // The deck sees the messages (its own listener records them); reveal.js must not act on them.
        await deck.evaluate("window.seen = []; window.addEventListener('message', (e) => window.seen.push(e.data))");
        await page.evaluate(`{
          const target = document.getElementById('deck').contentWindow;
          target.postMessage(JSON.stringify({ method: 'slide', args: [3] }), '*');
          target.postMessage(JSON.stringify({ method: 'next', args: [] }), '*');
          target.postMessage(JSON.stringify({ method: 'configure', args: [{ postMessageEvents: true }] }), '*');
          target.postMessage(JSON.stringify({ method: 'getState', args: [] }), '*');
        }`);
        await expect.poll(() => deck.evaluate<number>('window.seen.length')).toBe(4);
        expect(await indices()).toBe(0);
        // Moving the deck itself tells the parent nothing.
        await deck.evaluate('window.presentation.slide(2)');
        expect(await indices()).toBe(2);
        await page.waitForTimeout(200);
        expect(await page.evaluate<string[]>('window.received')).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
