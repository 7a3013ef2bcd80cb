// deck.html over random intakes and advisor profiles at the schema's sizes, with markup, template
// syntax, bidi and control characters mixed in: whatever was typed, the page's markup is the
// template's. Read back with happy-dom's HTML parser, as a browser would build the document.
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisor } from '../../core/advisor/advisor';
import { checkIntake } from '../../core/intake/intake';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import { renderDeckHtml } from '../../electron/services/deck';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import { advisorArbitrary, intakeArbitrary } from '../support/arbitraries';
import { advisor as sampleAdvisor, intake as sampleIntake } from '../support/samples';

let recipe: DeckRecipe;
/** The scripts and styles of the sample deck: shipped code, the same in every deck. */
let trustedScripts: string[];
const window = new Window();

const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');

// The elements the slide layouts and the page shell use; anything else came from input.
const TEMPLATE_TAGS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'title',
  'link',
  'style',
  'script',
  'div',
  'section',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'span',
  'strong',
  'em',
  'small',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'img',
  'a',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'abbr',
  'q',
  'cite',
  'b',
  'i',
  'time',
  'address',
  'button',
  'svg',
  'g',
  'path',
  'rect',
  'line',
  'polyline',
  'polygon',
  'circle',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'lineargradient',
  'stop',
  'clippath',
  'use',
]);

beforeAll(async () => {
  recipe = await loadRecipe('first-meeting', TEMPLATES_DIR);
  const a = sampleAdvisor();
  const doc = parse(await renderDeckHtml(planDeck(sampleIntake(), a, recipe), a, { templatesDir: TEMPLATES_DIR }));
  trustedScripts = [...doc.querySelectorAll('script')].map((s) => s.textContent ?? '');
});

describe('deck.html over random input at the schema’s limits', () => {
  it('keeps every tag, attribute and script from input as text', async () => {
    await fc.assert(
      fc.asyncProperty(intakeArbitrary, advisorArbitrary, async (intakeInput, advisorInput) => {
        const intake = checkIntake(intakeInput);
        const advisor = checkAdvisor(advisorInput);
        expect(
          intake.ok && advisor.ok,
          JSON.stringify([!intake.ok && intake.problems, !advisor.ok && advisor.problems]),
        ).toBe(true);
        if (!intake.ok || !advisor.ok) return;
        const plan = planDeck(intake.value, advisor.value, recipe);
        const html = await renderDeckHtml(plan, advisor.value, { templatesDir: TEMPLATES_DIR });

        // A tag typed as text is escaped where it is written: `<x-pwn>` never reaches the markup.
        expect(html).not.toContain('<x-pwn');
        const doc = parse(html);
        expect(doc.querySelectorAll('x-pwn')).toHaveLength(0);
        // The scripts are the shipped ones, byte for byte: nothing typed runs.
        expect([...doc.querySelectorAll('script')].map((s) => s.textContent ?? '')).toEqual(trustedScripts);
        expect(doc.querySelectorAll('style')).toHaveLength(1);
        expect(
          doc.querySelectorAll('iframe, object, embed, form, input, textarea, base, meta[http-equiv="refresh"]'),
        ).toHaveLength(0);
        // One section per planned slide, in order: no section opened or closed by input.
        expect([...doc.querySelectorAll('.slides > section')].map((s) => s.getAttribute('data-slide-id'))).toEqual(
          plan.deck.slides.map((s) => s.id),
        );
        for (const element of doc.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          expect(TEMPLATE_TAGS.has(tag), `unexpected <${tag}>`).toBe(true);
          for (const { name, value } of element.attributes) {
            expect(name, `<${tag} ${name}>`).not.toMatch(/^on/i);
            if (name === 'href' || name === 'src' || name === 'xlink:href')
              expect(value, `<${tag} ${name}>`).toMatch(/^(https:|mailto:|data:|#)/);
          }
        }
        // The prospect's name is on the title slide as text (shortened perhaps, never markup).
        const title = doc.querySelector('.slides > section[data-slide-id="title"]')?.textContent ?? '';
        expect(title.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
