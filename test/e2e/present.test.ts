// Present mode end to end: a real `npm run web` on a temp data folder, the sample prospect's deck
// presented on an iPad-sized touch screen. Every step is checked in meeting-live.json on disk by
// counting what was kept (slides shown, questions), never by waiting for a time to pass.
import AxeBuilder from '@axe-core/playwright';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveMeeting } from '../../core/meeting/live';
import type { MeetingRecord } from '../../core/meeting/meeting';
import type { DeckPlan } from '../../core/plan/planDeck';
import { replanInput, replan } from '../../core/plan/replan';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, swipe as swipeAcross, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE_QUESTION = '<img src=x onerror="window.__pwned=1"> & <b>bold</b> ${window.__pwned=1}';
/** Set to a folder to keep screenshots of the screen (strip shown and hidden, iPad and desktop). */
const SHOTS = process.env['PRESENT_SCREENSHOTS'];

let browser: Browser;
const hosts: RunningHost[] = [];
const folders: string[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterEach(async () => {
  while (hosts.length) await hosts.pop()?.stop();
});

afterAll(async () => {
  await browser?.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

/** A data folder with the sample advisor, a web host on it, and the sample prospect imported. */
async function prospectReady(
  options: BrowserContextOptions,
): Promise<{ page: Page; dir: string; id: string; host: RunningHost }> {
  const dir = await tempDataFolder();
  folders.push(dir);
  await mkdir(dir, { recursive: true });
  await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
  const host = await startWebHost(dir);
  hosts.push(host);
  const page = await openApp(browser, host, options);
  // Whatever reveal.js or the screen does must pass the window's CSP (no inline styles or scripts).
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  (page as Page & { cspViolations: string[] }).cspViolations = blocked;
  await page.locator('input[type=file]').setInputFiles([
    {
      name: 'intake.json',
      mimeType: 'application/json',
      buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
    },
  ]);
  const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
  await expect.poll(() => rows.count()).toBe(1);
  await rows.first().getByRole('button').first().click();
  const [id = ''] = await prospectFolders(dir);
  expect(id).not.toBe('');
  return { page, dir, id, host };
}

async function present(page: Page, host: RunningHost, id: string): Promise<void> {
  await page.goto(`${host.origin}/#/present/${id}`);
  await page.locator('.deck[data-ready="true"]').waitFor();
}

async function live(dir: string, id: string): Promise<LiveMeeting | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'prospects', id, 'meeting-live.json'), 'utf8')) as LiveMeeting;
  } catch {
    return null;
  }
}

const onScreen = (page: Page) => page.locator('.slides > section.present').getAttribute('data-slide-id');
const slideIds = (page: Page) =>
  page.$$eval('.slides > section', (s) => s.map((x) => x.getAttribute('data-slide-id') ?? ''));

async function swipe(page: Page, direction: 'next' | 'previous'): Promise<void> {
  const box = await page.locator('.present-stage').boundingBox();
  if (!box) throw new Error('no stage');
  await swipeAcross(page, box, direction);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('present mode', () => {
  it('presents by touch, keeps every slide and question at once, comes back after a reload, and ends into wrap-up', async () => {
    const { page, dir, id, host } = await prospectReady(IPAD);
    await present(page, host, id);
    // The app's header is hidden: the deck covers the window.
    expect(await page.locator('.app-header').isVisible()).toBe(false);

    const ids = await slideIds(page);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((s) => /^[a-z0-9][a-z0-9-]*$/.test(s))).toBe(true);
    // The first slide on screen is the first visit kept.
    await expect.poll(async () => (await live(dir, id))?.visits.map((v) => v.slideId)).toEqual([ids[0]]);
    await shot(page, 'ipad-strip-hidden');

    // Each step is on screen, then on disk, before the next one.
    const visits = async () => (await live(dir, id))?.visits.map((v) => v.slideId);
    await swipe(page, 'next');
    await expect.poll(() => onScreen(page)).toBe(ids[1]);
    await expect.poll(visits).toEqual(ids.slice(0, 2));
    await page.getByRole('button', { name: 'Next slide', exact: true }).tap();
    await expect.poll(() => onScreen(page)).toBe(ids[2]);
    await expect.poll(visits).toEqual(ids.slice(0, 3));
    await swipe(page, 'previous');
    await expect.poll(() => onScreen(page)).toBe(ids[1]);
    await expect.poll(async () => (await visits())?.length).toBe(4);
    await page.getByRole('button', { name: 'Previous slide', exact: true }).tap();
    await expect.poll(() => onScreen(page)).toBe(ids[0]);
    await expect.poll(async () => (await visits())?.length).toBe(5);
    await page.getByRole('button', { name: 'Next slide', exact: true }).tap();
    await page.getByRole('button', { name: 'Next slide', exact: true }).tap();
    await expect.poll(() => onScreen(page)).toBe(ids[2]);
    await expect.poll(async () => (await visits())?.at(-1)).toBe(ids[2]);

    // A question with Save question, tied to the slide on screen.
    await page.getByRole('button', { name: 'Add question', exact: true }).tap();
    const box = page.getByRole('textbox', { name: 'Question', exact: true });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('Can we retire at 60?');
    await page.getByRole('button', { name: 'Save question', exact: true }).tap();
    await expect.poll(async () => (await live(dir, id))?.questions.length).toBe(1);
    await box.waitFor({ state: 'hidden' });
    // A hostile one with Enter: kept as it was typed, shown as text.
    await page.getByRole('button', { name: 'Add question', exact: true }).tap();
    await box.fill(HOSTILE_QUESTION);
    await box.press('Enter');
    await expect.poll(async () => (await live(dir, id))?.questions.length).toBe(2);
    const kept = await live(dir, id);
    expect(kept?.questions.map((q) => [q.text, q.slideId])).toEqual([
      ['Can we retire at 60?', ids[2]],
      [HOSTILE_QUESTION, ids[2]],
    ]);
    expect(kept?.questions.every((q) => !Number.isNaN(Date.parse(q.at)))).toBe(true);

    // Esc closes the question box first, and the meeting goes on.
    await page.getByRole('button', { name: 'Add question', exact: true }).tap();
    await box.waitFor();
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden' });
    expect(page.url()).toContain(`#/present/${id}`);
    expect((await live(dir, id))?.endedAt).toBeUndefined();

    // The presenter strip: time against the plan, this slide's minutes and notes, the questions.
    await page.getByRole('button', { name: 'Show presenter notes', exact: true }).tap();
    const strip = page.getByRole('complementary', { name: 'Presenter notes' });
    await strip.waitFor();
    expect(await strip.textContent()).toMatch(/Elapsed\s*\d\d:\d\d/);
    expect(await strip.textContent()).toContain(`Slide 3 of ${ids.length}`);
    expect(await strip.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Can we retire at 60?'),
      expect.stringContaining(HOSTILE_QUESTION),
    ]);
    expect(await page.locator('.present-strip img, .present-strip b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.getByRole('button', { name: 'Hide presenter notes', exact: true }).isVisible()).toBe(true);
    await shot(page, 'ipad-strip-shown');
    if (SHOTS) {
      // The tablet held upright.
      await page.setViewportSize({ width: 820, height: 1180 });
      await shot(page, 'ipad-portrait-strip-shown');
      await page.getByRole('button', { name: 'Hide presenter notes', exact: true }).tap();
      await shot(page, 'ipad-portrait-strip-hidden');
      await page.getByRole('button', { name: 'Show presenter notes', exact: true }).tap();
      await page.setViewportSize({ width: 1180, height: 820 });
    }

    // Jump to a slide further on, for when time runs short.
    const before = (await visits())?.length ?? 0;
    await page.getByRole('combobox', { name: 'Jump to', exact: true }).selectOption({ index: 5 });
    await expect.poll(() => onScreen(page)).toBe(ids[5]);
    await expect.poll(async () => (await visits())?.length).toBe(before + 1);
    await expect.poll(async () => (await visits())?.at(-1)).toBe(ids[5]);

    expect(await seriousViolations(page)).toEqual([]);

    // A reload mid-meeting comes straight back into it, on the same slide, with nothing lost.
    await page.reload();
    await page.locator('.deck[data-ready="true"]').waitFor();
    expect(await onScreen(page)).toBe(ids[5]);
    const resumed = await live(dir, id);
    expect(resumed?.visits.length).toBe(before + 1);
    expect(resumed?.questions.length).toBe(2);
    expect(resumed?.startedAt).toBe(kept?.startedAt);
    expect(await strip.getByRole('listitem').count()).toBe(2);

    // Running long: the meeting started 40 minutes ago (the file says so), far past the plan.
    const cue = page.locator('.present-cue');
    expect(await cue.textContent()).toContain('On time');
    const livePath = join(dir, 'prospects', id, 'meeting-live.json');
    const started = JSON.parse(await readFile(livePath, 'utf8')) as LiveMeeting;
    await writeFile(
      livePath,
      JSON.stringify({ ...started, startedAt: new Date(Date.parse(started.startedAt) - 40 * 60_000).toISOString() }),
    );
    await page.reload();
    await page.locator('.deck[data-ready="true"]').waitFor();
    expect(await cue.textContent()).toMatch(/Running long: \d+ min over the plan/);
    expect(await cue.getAttribute('data-state')).toBe('long');
    await shot(page, 'ipad-running-long');

    // In French.
    await page.evaluate(() => localStorage.setItem('advisor-deck.language', 'fr'));
    await page.reload();
    await page.locator('.deck[data-ready="true"]').waitFor();
    for (const name of [
      'Diapositive suivante',
      'Diapositive précédente',
      'Ajouter une question',
      'Fin du rendez-vous',
      'Masquer les notes',
    ]) {
      expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByRole('combobox', { name: 'Aller à', exact: true }).isVisible()).toBe(true);
    await shot(page, 'ipad-french');
    await page.evaluate(() => localStorage.setItem('advisor-deck.language', 'en'));
    await page.reload();
    await page.locator('.deck[data-ready="true"]').waitFor();

    // End meeting asks first; Keep presenting goes back to the meeting.
    await page.getByRole('button', { name: 'End meeting', exact: true }).tap();
    const confirm = page.getByRole('dialog', { name: 'End meeting?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Keep presenting', exact: true }).tap();
    await confirm.waitFor({ state: 'hidden' });
    expect(page.url()).toContain(`#/present/${id}`);
    expect((await live(dir, id))?.endedAt).toBeUndefined();
    // Leaving keeps everything: the meeting is ended and the wrap-up comes next.
    await page.getByRole('button', { name: 'End meeting', exact: true }).tap();
    await confirm.getByRole('button', { name: 'End', exact: true }).tap();
    await page.waitForURL(`**/#/wrap-up/${id}`);
    const ended = await live(dir, id);
    expect(ended?.endedAt).toBeDefined();
    expect(ended?.visits.length).toBe(before + 1);
    expect(ended?.visits.slice(0, 5).map((v) => v.slideId)).toEqual([ids[0], ids[1], ids[2], ids[1], ids[0]]);
    expect(ended?.visits.at(-1)?.slideId).toBe(ids[5]);
    expect(ended?.questions.length).toBe(2);
    await expect.poll(() => page.locator('.app-header').isVisible()).toBe(true);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    expect((page as Page & { cspViolations: string[] }).cspViolations).toEqual([]);
  });

  it('shows the first slide before reveal.js starts, where reveal.js then keeps it', async () => {
    const { page, dir, id } = await prospectReady(IPAD);
    // In the frame the first slide appears (a mutation, before that frame's paint): its box, and
    // whether reveal.js had started.
    await page.context().addInitScript(`(() => {
      if (!location.hash.startsWith('#/present/')) return;
      // The slide on screen in each frame, read just before the frame is drawn.
      window.__slidesShown = [];
      const eachFrame = () => {
        const slide = document.querySelector('.reveal .slides > section.present');
        if (slide && window.__slidesShown.at(-1) !== slide.getAttribute('data-slide-id'))
          window.__slidesShown.push(slide.getAttribute('data-slide-id'));
        requestAnimationFrame(eachFrame);
      };
      requestAnimationFrame(eachFrame);
      const observer = new MutationObserver(() => {
        const slide = document.querySelector('.reveal .slides > section.present');
        if (!slide || window.__atFirstSlide) return;
        const box = slide.getBoundingClientRect();
        if (box.width === 0) return;
        window.__atFirstSlide = {
          id: slide.getAttribute('data-slide-id'),
          box: [box.x, box.y, box.width, box.height],
          started: document.querySelector('.deck').getAttribute('data-ready'),
          around: getComputedStyle(document.querySelector('.deck'), '::before').backgroundColor,
        };
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    })();`);
    const shown = async () => {
      await page.locator('.deck[data-ready="true"]').waitFor();
      const first = (await page.evaluate('window.__atFirstSlide')) as {
        id: string;
        box: number[];
        started: unknown;
        around: string;
      };
      const after = await page.locator('.reveal .slides > section.present').evaluate((slide) => {
        const box = slide.getBoundingClientRect();
        return { id: slide.getAttribute('data-slide-id'), box: [box.x, box.y, box.width, box.height] };
      });
      expect(first.started).toBeNull();
      expect(after.id).toBe(first.id);
      for (const [i, value] of after.box.entries()) expect(value).toBeCloseTo(first.box[i] ?? NaN, 0);
      // The colour around the slide is the one reveal.js then paints there.
      const painted = await page
        .locator('.reveal .backgrounds .slide-background.present')
        .evaluate((layer) => getComputedStyle(layer).backgroundColor);
      expect(first.around).toBe(painted);
      // No other slide flashes on screen while reveal.js starts (in no frame).
      expect(await page.evaluate('window.__slidesShown')).toEqual([first.id]);
      return first.id;
    };
    // A new document at the present address (the init script runs in new documents only).
    await page.evaluate(`history.replaceState(null, '', '#/present/${id}')`);
    await page.reload();
    expect(await shown()).toBe('title');
    // Back into the meeting under way: the slide last shown comes first, and stays.
    await page.getByRole('button', { name: 'Next slide', exact: true }).tap();
    await page.getByRole('button', { name: 'Next slide', exact: true }).tap();
    const onScreen = await page.locator('.reveal .slides > section.present').getAttribute('data-slide-id');
    expect(onScreen).not.toBe('title');
    await expect.poll(async () => (await live(dir, id))?.visits.at(-1)?.slideId).toBe(onScreen);
    await page.reload();
    expect(await shown()).toBe(onScreen);
  });

  it('at a desktop size: keys turn the slides, a burst of them keeps the last, Esc never ends the meeting, End meeting asks', async () => {
    const { page, dir, id, host } = await prospectReady({ viewport: { width: 1280, height: 800 } });
    await present(page, host, id);
    const ids = await slideIds(page);
    await expect.poll(async () => (await live(dir, id))?.visits.length).toBe(1);
    await shot(page, 'desktop-strip-hidden');
    // Five steps in a row, faster than the disk: calls are coalesced, the slide on screen is kept.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => onScreen(page)).toBe(ids[5]);
    await expect.poll(async () => (await live(dir, id))?.visits.at(-1)?.slideId).toBe(ids[5]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await live(dir, id))?.visits.at(-1)?.slideId).toBe(ids[4]);
    // Full screen on a click (the Fullscreen API needs a user gesture), and back.
    const full = page.getByRole('button', { name: 'Full screen', exact: true });
    await full.click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className)).toBe('present-mode');
    // React renders the pressed state after the fullscreenchange event: wait for it, not for a frame.
    await expect.poll(() => full.getAttribute('aria-pressed')).toBe('true');
    await full.click();
    await expect.poll(() => full.getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Show presenter notes', exact: true }).click();
    await page.getByRole('complementary', { name: 'Presenter notes' }).waitFor();
    await shot(page, 'desktop-strip-shown');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add question', exact: true }).click();
    if (SHOTS) await shot(page, 'desktop-question');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Question', exact: true }).waitFor({ state: 'hidden' });
    // Esc, out of habit, again and again: the notes close, the meeting goes on.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Presenter notes' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await live(dir, id))?.visits.at(-1)?.slideId).toBe(ids[5]);
    expect(page.url()).toContain(`#/present/${id}`);
    expect((await live(dir, id))?.endedAt).toBeUndefined();
    // End meeting asks: the focus is trapped in the dialog, starting on Keep presenting; Esc keeps presenting.
    await page.getByRole('button', { name: 'End meeting', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'End meeting?' });
    await confirm.waitFor();
    const keep = confirm.getByRole('button', { name: 'Keep presenting', exact: true });
    await expect.poll(() => keep.evaluate((el) => el === document.activeElement)).toBe(true);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect((await live(dir, id))?.endedAt).toBeUndefined();
    await page.getByRole('button', { name: 'End meeting', exact: true }).click();
    await confirm.getByRole('button', { name: 'End', exact: true }).click();
    await page.waitForURL(`**/#/wrap-up/${id}`);
    const ended = await live(dir, id);
    expect(ended?.endedAt).toBeDefined();
    expect(ended?.visits.at(-1)?.slideId).toBe(ids[5]);
    expect(ended?.questions).toEqual([]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    expect((page as Page & { cspViolations: string[] }).cspViolations).toEqual([]);
  });

  it('running long: the window clock jumps ahead, the strip proposes what to skip, the rest fits, and the record says what was skipped', async () => {
    const { page, dir, id, host } = await prospectReady({ viewport: { width: 1280, height: 800 } });
    // The window's own clock, moved by the test: the meeting's time comes from it alone.
    await page.clock.install();
    const deckFile = join(dir, 'prospects', id, 'deck.json');
    const deckBefore = await readFile(deckFile, 'utf8').catch(() => null);
    await present(page, host, id);
    const ids = await slideIds(page);
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await live(dir, id))?.visits.at(-1)?.slideId).toBe(ids[2]);
    await page.getByRole('button', { name: 'Show presenter notes', exact: true }).click();
    const strip = page.getByRole('complementary', { name: 'Presenter notes' });
    const notice = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'Running long', exact: true }) });
    expect(await notice.count()).toBe(0);

    // Six minutes in, on the third slide: what is left no longer fits before the questions.
    const startedAt = Date.parse((await live(dir, id))?.startedAt ?? '');
    await page.clock.pauseAt(startedAt + 6 * 60_000);
    await notice.waitFor();
    // axe waits on timers: the clock runs while it checks, then stops again a little further on.
    await page.clock.resume();
    expect(await seriousViolations(page)).toEqual([]);
    const elapsedMinutes = 7;
    await page.clock.pauseAt(startedAt + elapsedMinutes * 60_000);
    expect(await strip.getByRole('heading', { name: 'Running long', exact: true }).count()).toBe(1);
    const proposed = await notice.getByRole('listitem').allTextContents();
    expect(proposed.length).toBeGreaterThan(0);
    expect(await notice.textContent()).toMatch(/\(\d+(\.\d)? min saved\)/);
    await shot(page, 'desktop-running-long');
    await notice.getByRole('button', { name: 'Skip suggested slides', exact: true }).click();
    await expect.poll(async () => (await live(dir, id))?.skippedSlideIds?.length ?? 0).toBe(proposed.length);
    await notice.waitFor({ state: 'hidden' });
    const skipped = (await live(dir, id))?.skippedSlideIds ?? [];
    for (const locked of ['title', 'what-we-heard', 'next-steps', 'closing', ids[2]])
      expect(skipped).not.toContain(locked);
    // Jump to still reaches them, marked skipped.
    const jump = page.getByRole('combobox', { name: 'Jump to', exact: true });
    const options = await jump.locator('option').allTextContents();
    expect(options.filter((o) => o.endsWith('(skipped)')).length).toBe(skipped.length);

    // Next passes over the skipped slides, to the end.
    const before = (await live(dir, id))?.visits.length ?? 0;
    for (let i = ids.indexOf(ids[2] ?? '') + 1; i < ids.length - skipped.length; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await live(dir, id))?.visits.length).toBe(before + i - 2);
    }
    await expect.poll(() => onScreen(page)).toBe('closing');
    const visited = (await live(dir, id))?.visits.map((v) => v.slideId) ?? [];
    expect(visited.filter((v) => skipped.includes(v))).toEqual([]);
    expect(visited.slice(before)).toEqual(ids.slice(3).filter((s) => !skipped.includes(s)));

    // End, wrap up: the record lists the skipped slides; deck.json is untouched.
    await page.getByRole('button', { name: 'End meeting', exact: true }).click();
    await page.getByRole('dialog', { name: 'End meeting?' }).getByRole('button', { name: 'End', exact: true }).click();
    await page.waitForURL(`**/#/wrap-up/${id}`);
    await page.getByRole('button', { name: 'Create summary and follow-up' }).click();
    await page.getByRole('heading', { name: 'Summary and follow-up created' }).waitFor();
    const meetings = join(dir, 'prospects', id, 'meetings');
    const [when = ''] = await readdir(meetings);
    const record = JSON.parse(await readFile(join(meetings, when, 'meeting.json'), 'utf8')) as MeetingRecord;
    expect(record.skippedSlideIds).toEqual(ids.filter((s) => skipped.includes(s)));
    expect(record.shownSlideIds?.filter((s) => skipped.includes(s))).toEqual([]);
    // The rest fit: with what was skipped, the slides after the third fit the minutes left then.
    const plan = JSON.parse(await readFile(join(meetings, when, 'plan.json'), 'utf8')) as DeckPlan;
    const after = replan(
      replanInput(plan, {
        shownSlideIds: ids.slice(0, 2),
        skippedSlideIds: skipped,
        currentSlideId: ids[2],
        elapsedMinutes,
      }),
    );
    expect(after.fits).toBe(true);
    expect(await readFile(deckFile, 'utf8').catch(() => null)).toBe(deckBefore);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });
});
