import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import { renderDeckHtml } from '../../electron/services/deck';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import { advisor, HOSTILE, intake } from '../support/samples';

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting', TEMPLATES_DIR);
});

const render = (i = intake(), a = advisor()) =>
  renderDeckHtml(planDeck(i, a, recipe), a, { templatesDir: TEMPLATES_DIR });
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('deck.html export', () => {
  it('holds one section per slide of the plan, in order, with its id', async () => {
    const plan = planDeck(intake(), advisor(), recipe);
    const html = await renderDeckHtml(plan, advisor(), { templatesDir: TEMPLATES_DIR });
    const ids = [...html.matchAll(/<section [^>]*data-slide-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(plan.deck.slides.map((s) => s.id));
  });

  it('allows only its own inline scripts and styles, by hash, and nothing from outside', async () => {
    const html = await render();
    const csp =
      /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#x27;', "'") ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(3);
    expect(styles).toHaveLength(1);
    for (const text of [...scripts, ...styles]) expect(csp).toContain(sha(text));
    // No external resources in the markup and styles: no remote src/href, no @import, no url() but data:.
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '');
    expect(markup.match(/\ssrc="(https?:)?\/\/[^"]*"/g)).toBeNull();
    expect(markup.match(/<link[^>]*href="(https?:)?\/\/[^"]*"/g)).toBeNull();
    expect(markup.match(/@import[^;]*/g)).toBeNull();
    for (const m of markup.matchAll(/url\(\s*["']?([a-z]+:)/gi)) expect(m[1]).toBe('data:');
  });

  it('is byte-identical for the same input', async () => {
    expect(await render()).toBe(await render());
  });

  it('escapes every hostile string: they stay text, never markup', async () => {
    const hostileIntake = intake((i) => {
      i.prospect.firstName = HOSTILE[0];
      i.prospect.lastName = HOSTILE[2];
      i.urgentNeed = HOSTILE.join(' ');
      i.concerns = [...HOSTILE];
      i.questions = [...HOSTILE];
    });
    const hostileAdvisor = advisor((a) => {
      a.name = HOSTILE[1];
      a.firm = HOSTILE[6];
      a.credentials = [HOSTILE[4], HOSTILE[5]];
      a.website = 'javascript:window.__pwned=1';
      a.disclosure = HOSTILE.join(' ');
    });
    const html = await render(hostileIntake, hostileAdvisor);
    const body = html.slice(html.indexOf('<body>'), html.indexOf('<script>', html.indexOf('<body>')));
    expect(body).not.toMatch(/<(img|script|svg)\b[^>]*(onerror|onload)/i);
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<b>');
    expect(body).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(body).toContain('{{constructor.constructor(&quot;window.__pwned=1&quot;)()}}');
    expect(body).toContain('${window.__pwned=1}');
    expect(body).not.toMatch(/href="javascript:/i);
    expect(body).toContain('>javascript:window.__pwned=1<');
  });

  it('links the advisor’s website only when it is https', async () => {
    expect(
      await render(
        intake(),
        advisor((a) => (a.website = 'https://firm.example/about')),
      ),
    ).toContain('href="https://firm.example/about"');
    const http = await render(
      intake(),
      advisor((a) => (a.website = 'http://firm.example')),
    );
    expect(http).not.toContain('href="http://firm.example');
    expect(http).toContain('>http://firm.example<');
  });

  it('applies the advisor’s colours, corrected for contrast', async () => {
    const html = await render(
      intake(),
      advisor((a) => (a.colors = { primary: '#FFE066', accent: '#FFFFFF' })),
    );
    expect(html).toContain('--primary:#FFE066');
    expect(html).toMatch(/--on-primary:#14202B/);
    expect(html).not.toContain('--accent-graphic:#FFFFFF');
  });
});
