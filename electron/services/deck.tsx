import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { safeHttpsUrl, type Advisor } from '../../core/advisor';
import { deckColors } from '../../core/colors';
import type { DeckPlan } from '../../core/plan';
import { Deck, themeVariables } from '../../templates/deck/Deck';
import type { AdvisorCard } from '../../templates/slides';
import { deckCsp } from './csp';
import { logoDataUrl, type Logo } from './logo';
import { TEMPLATES_DIR } from './recipes';

const require = createRequire(import.meta.url);
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
        readFile(require.resolve('reveal.js'), 'utf8'),
        readFile(require.resolve('reveal.js/reveal.css'), 'utf8'),
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

export function advisorCard(advisor: Advisor, logo?: Logo): AdvisorCard {
  const href = safeHttpsUrl(advisor.website);
  return {
    name: advisor.name,
    ...(advisor.title ? { title: advisor.title } : {}),
    firm: advisor.firm,
    credentials: advisor.credentials ?? [],
    email: advisor.email,
    ...(advisor.phone ? { phone: advisor.phone } : {}),
    ...(advisor.website ? { website: { text: advisor.website, ...(href ? { href } : {}) } } : {}),
    ...(logo ? { logo: logoDataUrl(logo) } : {}),
  };
}

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
}

/**
 * deck.html: one self-contained file (reveal.js, theme and slides inlined) that makes no network
 * request, opened from file:// or over http, and reads as a document without JavaScript.
 * Without options, the source tree's templates (for benchmarks and older tests only).
 */
export async function renderDeckHtml(plan: DeckPlan, advisor: Advisor, options: DeckHtmlOptions = { templatesDir: TEMPLATES_DIR }): Promise<string> {
  const { logo } = options;
  const { revealJs, revealCss, themeCss, presentJs } = await loadAssets(options.templatesDir);
  const [width, height] = plan.deck.aspectRatio === '4:3' ? [1024, 768] : [1280, 720];
  const colors = deckColors(advisor.colors);
  const style = `${revealCss}\n${themeCss}\n.deck,html.presenting{${themeVariables(colors)}}\nbody{margin:0;background:#ECEAE4}`;
  const csp = deckCsp({ scripts: [STARTING_SCRIPT, revealJs, presentJs], styles: [style, ...revealPrintStyles(width, height)] });
  const context = { plan, advisor: advisorCard(advisor, logo) };

  const page = (
    <html lang={plan.language}>
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
      </head>
      <body>
        <Deck context={context} />
        {/* Trusted, shipped code only: never anything a person typed. */}
        <script dangerouslySetInnerHTML={{ __html: revealJs }} />
        <script dangerouslySetInnerHTML={{ __html: presentJs }} />
      </body>
    </html>
  );
  return `<!DOCTYPE html>\n${renderToStaticMarkup(page)}\n`;
}
