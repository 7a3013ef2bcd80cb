import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Advisor } from '../../core/advisor/advisor';
import { deckColors } from '../../core/advisor/brandColors';
import type { DeckPlan } from '../../core/plan/planDeck';
import { Deck, themeVariables } from '../../templates/deck/Deck';
import { deckCsp } from './csp';
import { advisorCard } from './advisorCard';
import type { Logo } from './logo';
import { TEMPLATES_DIR } from './recipes';

// Not named `require`: electron-vite's ES module shim declares a `require` of its own in the
// built main chunks, and a second one is a syntax error there (the packaged app's main process).
const packages = createRequire(import.meta.url);
/** reveal.js's margin around the slide; the print view's page size depends on it. */
const REVEAL_MARGIN = 0.04;

/**
 * Runs first, in <head>: while reveal.js starts, the slides are hidden instead of flashing as a
 * document. Without JavaScript this never runs and the document shows.
 */
const STARTING_SCRIPT = "document.documentElement.classList.add('starting')";

interface Assets {
  revealJs: string;
  revealCss: string;
  themeCss: string;
  presentJs: string;
}

const assets = new Map<string, Promise<Assets>>();
/** Read once per templates folder: the export is then pure string work. A failed read is retried next time. */
function loadAssets(templatesDir: string): Promise<Assets> {
  let loading = assets.get(templatesDir);
  if (!loading) {
    loading = (async () => {
      const [revealJs, revealCss, themeCss, presentJs] = await Promise.all([
        readFile(packages.resolve('reveal.js'), 'utf8'),
        readFile(packages.resolve('reveal.js/reveal.css'), 'utf8'),
        readFile(join(templatesDir, 'deck', 'theme.css'), 'utf8'),
        readFile(join(templatesDir, 'deck', 'present.js'), 'utf8'),
      ]);
      return { revealJs, revealCss, themeCss, presentJs };
    })();
    loading.catch(() => assets.delete(templatesDir));
    assets.set(templatesDir, loading);
  }
  return loading;
}

export { advisorCard };

/** The styles reveal.js itself adds in its print view; allowed by hash like ours. */
function revealPrintStyles(width: number, height: number): string[] {
  const pageWidth = Math.floor(width * (1 + REVEAL_MARGIN));
  const pageHeight = Math.floor(height * (1 + REVEAL_MARGIN));
  return [
    `@page{size:${pageWidth}px ${pageHeight}px; margin: 0px;}`,
    `.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ${width}px; max-height:${height}px}`,
  ];
}

export interface DeckHtmlOptions {
  /** The templates folder (deck/theme.css, deck/present.js): the caller knows where it is shipped. */
  templatesDir: string;
  logo?: Logo;
  /**
   * The tablet's copy (served by the laptop over Wi-Fi): one more shipped script that keeps the
   * laptop in step, allowed to talk back to its own origin, and the mode it opens in.
   */
  tablet?: { script: string; style: string; mode: string; share: string };
}

/**
 * deck.html: one self-contained file (reveal.js, theme and slides inlined) that makes no network
 * request, opened from file:// or over http, and reads as a document without JavaScript.
 * Without options, the source tree's templates (for benchmarks and older tests only).
 */
export async function renderDeckHtml(
  plan: DeckPlan,
  advisor: Advisor,
  options: DeckHtmlOptions = { templatesDir: TEMPLATES_DIR },
): Promise<string> {
  return (await renderDeckPage(plan, advisor, options)).html;
}

/** deck.html and its Content-Security-Policy, for a server that also sends it as a header. */
export async function renderDeckPage(
  plan: DeckPlan,
  advisor: Advisor,
  options: DeckHtmlOptions,
): Promise<{ html: string; csp: string }> {
  const { logo, tablet } = options;
  // React's server renderer loads with the first deck, not with this module (the app's start).
  const [{ revealJs, revealCss, themeCss, presentJs }, { renderToStaticMarkup }] = await Promise.all([
    loadAssets(options.templatesDir),
    import('react-dom/server'),
  ]);
  const [width, height] = plan.deck.aspectRatio === '4:3' ? [1024, 768] : [1280, 720];
  const colors = deckColors(advisor.colors);
  const style = `${revealCss}\n${themeCss}\n.deck,html.presenting{${themeVariables(colors)}}\nbody{margin:0;background:#ECEAE4}`;
  const csp = deckCsp({
    scripts: [STARTING_SCRIPT, revealJs, presentJs, ...(tablet ? [tablet.script] : [])],
    styles: [style, ...revealPrintStyles(width, height), ...(tablet ? [tablet.style] : [])],
    connectSelf: tablet !== undefined,
  });
  const context = { plan, advisor: advisorCard(advisor, logo) };

  const page = (
    <html lang={plan.language} {...(tablet ? { 'data-share-mode': tablet.mode, 'data-share': tablet.share } : {})}>
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={csp} />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="generator" content="Advisor Deck" />
        {/* Served over http, a browser would otherwise ask the server for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <title>{plan.deck.title}</title>
        <style dangerouslySetInnerHTML={{ __html: style }} />
        <script dangerouslySetInnerHTML={{ __html: STARTING_SCRIPT }} />
        {tablet ? <style dangerouslySetInnerHTML={{ __html: tablet.style }} /> : null}
      </head>
      <body>
        <Deck context={context} />
        {/* Trusted, shipped code only: never anything a person typed. */}
        <script dangerouslySetInnerHTML={{ __html: revealJs }} />
        <script dangerouslySetInnerHTML={{ __html: presentJs }} />
        {tablet ? <script dangerouslySetInnerHTML={{ __html: tablet.script }} /> : null}
      </body>
    </html>
  );
  return { html: `<!DOCTYPE html>\n${renderToStaticMarkup(page)}\n`, csp };
}
