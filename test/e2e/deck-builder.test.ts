// Build deck end to end: a real `npm run web` on a temp data folder, the builder driven in
// Chromium by accessible names, deck.json read back from disk and built again by the real CLI.
// Every wait is for an event (an element, a value, a file's content), never for a time window.
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

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

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A data folder with the sample advisor, and the sample intake imported, its meeting `minutes` long. */
async function builderFor(
  minutes: number,
  options?: Parameters<typeof openApp>[2],
): Promise<{ page: Page; dir: string; id: string }> {
  const dir = await tempDataFolder();
  folders.push(dir);
  await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
  const host = await startWebHost(dir);
  hosts.push(host);
  const page = await openApp(browser, host, options);
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
  // In 20 minutes every slide of the recipe fits the sample; in 15 some do not: the builder must refuse them.
  await page.getByLabel('Meeting length (minutes)').fill(String(minutes));
  await page.getByRole('button', { name: 'Build deck' }).click();
  await page.getByRole('list', { name: 'Slides' }).waitFor();
  const [id = ''] = await prospectFolders(dir);
  return { page, dir, id };
}

function slideList(page: Page): Locator {
  return page.getByRole('list', { name: 'Slides' });
}

/** The builder's slides, in its order, as ids and titles. */
async function listed(page: Page): Promise<{ id: string; title: string }[]> {
  return slideList(page)
    .locator(':scope > li')
    .evaluateAll((items) =>
      items.map((li) => ({ id: li.getAttribute('data-slide-id') ?? '', title: li.getAttribute('aria-label') ?? '' })),
    );
}

async function listedIds(page: Page): Promise<string[]> {
  return (await listed(page)).map((s) => s.id);
}

/** The meter as a screen reader reads it; the plan never goes over its time. */
async function meter(page: Page): Promise<{ now: number; max: number; min: number; text: string }> {
  const m = page.getByRole('meter', { name: 'Planned minutes' });
  const [now, max, min, text] = await Promise.all([
    m.getAttribute('aria-valuenow'),
    m.getAttribute('aria-valuemax'),
    m.getAttribute('aria-valuemin'),
    m.getAttribute('aria-valuetext'),
  ]);
  return { now: Number(now), max: Number(max), min: Number(min), text: text ?? '' };
}

describe('deck builder', () => {
  it('reorders, hides, refuses what does not fit, edits words safely, undoes, saves deck.json the CLI builds the same', async () => {
    const { page, dir, id } = await builderFor(15);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const meters: { now: number; max: number }[] = [];
    const checkMeter = async () => {
      const m = await meter(page);
      meters.push(m);
      expect(m.min).toBe(0);
      expect(m.now).toBeLessThanOrEqual(m.max);
      expect(m.text).toBe(`${m.now} of ${m.max} minutes`);
    };

    await expect
      .poll(() => listedIds(page))
      .toEqual([
        'title',
        'what-we-heard',
        'urgent-need',
        'goal-retirement',
        'goal-education',
        'goal-tax',
        'your-questions',
        'next-steps',
        'closing',
      ]);
    // 15 minutes, a quarter (rounded to the half minute) kept for questions.
    expect(await meter(page)).toMatchObject({ now: 11, max: 11 });
    await checkMeter();

    // What every first meeting needs cannot be hidden.
    // Maria comes with her husband Daniel: the title and the thanks name them both.
    for (const title of [
      'Maria Lopez & Daniel Lopez',
      'What we heard from you',
      'Next steps',
      'Thank you, Maria & Daniel',
    ]) {
      const item = slideList(page).getByRole('listitem', { name: title, exact: true });
      await expect.poll(() => item.getByRole('img', { name: 'Always in the deck' }).count()).toBe(1);
      expect(await item.getByRole('button', { name: 'Hide slide' }).count()).toBe(0);
    }

    // Reorder with Move up (keyboard: the button keeps the focus as its slide moves).
    const education = slideList(page).getByRole('listitem', { name: 'Paying for education' });
    await education.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => listedIds(page))
      .toEqual([
        'title',
        'what-we-heard',
        'urgent-need',
        'goal-education',
        'goal-retirement',
        'goal-tax',
        'your-questions',
        'next-steps',
        'closing',
      ]);
    await checkMeter();

    // Hide a slide: it moves to the Hidden group, with Show slide.
    await slideList(page)
      .getByRole('listitem', { name: 'Your questions' })
      .getByRole('button', { name: 'Hide slide' })
      .click();
    await expect.poll(() => listedIds(page)).not.toContain('your-questions');
    const hidden = page.getByRole('list', { name: 'Hidden' });
    await expect
      .poll(() =>
        hidden.getByRole('listitem', { name: 'Your questions' }).getByRole('button', { name: 'Show slide' }).count(),
      )
      .toBe(1);
    await checkMeter();

    // Add slide with the keyboard alone: the chooser lists what the recipe holds with minutes.
    await page.getByRole('button', { name: 'Add slide' }).focus();
    await page.keyboard.press('Enter');
    const chooser = page.getByRole('dialog', { name: 'Slides you can add' });
    await chooser.waitFor();
    const offered = chooser.getByRole('listitem');
    expect(await offered.locator('.db-slide-text').allTextContents()).toEqual([
      'How we would work together',
      'Why Jordan Avery',
      'How we are paid',
    ]);
    expect(await offered.locator('.db-minutes').allTextContents()).toEqual(['1 min', '1 min', '1 min']);
    await chooser.getByRole('button', { name: /How we are paid/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chooser.isVisible()).toBe(false);
    // It fits in the time Your questions left, and lands where the recipe puts it.
    await expect
      .poll(() => listedIds(page))
      .toEqual([
        'title',
        'what-we-heard',
        'urgent-need',
        'goal-education',
        'goal-retirement',
        'goal-tax',
        'fees',
        'next-steps',
        'closing',
      ]);
    await checkMeter();

    // A second one does not fit: refused, with what to hide or to lengthen the meeting.
    await page.getByRole('button', { name: 'Add slide' }).click();
    await chooser.getByRole('button', { name: /Why Jordan Avery/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'does not fit' });
    await expect.poll(() => refusal.textContent()).toContain('“Why Jordan Avery” (1 min) does not fit');
    const message = (await refusal.textContent()) ?? '';
    expect(message).toMatch(/Hide “[^”]+”/);
    expect(message).toContain('lengthen the meeting');
    expect(await refusal.getByRole('button', { name: 'Lengthen the meeting' }).count()).toBe(1);
    expect(await listedIds(page)).not.toContain('why-us');
    await checkMeter();

    // Showing the hidden slide again would not fit either: refused the same way.
    await hidden.getByRole('listitem', { name: 'Your questions' }).getByRole('button', { name: 'Show slide' }).click();
    await expect.poll(() => refusal.textContent()).toContain('“Your questions” (1.5 min) does not fit');
    expect(await listedIds(page)).not.toContain('your-questions');
    await checkMeter();

    // Words: a hostile title is text on the slide and in the list, and runs nothing.
    await slideList(page).getByRole('button', { name: 'How we are paid' }).click();
    const preview = page.locator('.db-frame');
    await expect.poll(() => preview.locator('[data-slide-id]').getAttribute('data-slide-id')).toBe('fees');
    // The preview follows a keystroke before the next task: the input event's own update, no timer.
    const followed = await page
      .getByLabel('Slide title', { exact: true })
      .evaluate(async (input: HTMLInputElement, value) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.resolve();
        return document.querySelector('.db-frame h2')?.textContent;
      }, HOSTILE_TITLE);
    expect(followed).toBe(HOSTILE_TITLE);
    expect(await slideList(page).getByRole('listitem', { name: HOSTILE_TITLE }).count()).toBe(1);
    expect(await page.locator('.db-screen img').count()).toBe(0);

    // Then points; Undo takes back the points, the title stays.
    const points = page.getByLabel('Points', { exact: true });
    const plannedPoints = await points.inputValue();
    await points.fill(`${plannedPoints}\nA line to take back`);
    await expect.poll(() => preview.locator('li').allTextContents()).toContain('A line to take back');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => preview.locator('li').allTextContents()).not.toContain('A line to take back');
    expect(await page.getByLabel('Points', { exact: true }).inputValue()).toBe(plannedPoints);
    expect(await preview.locator('h2').textContent()).toBe(HOSTILE_TITLE);
    await checkMeter();

    // Every change is on disk: deck.json holds what the builder shows.
    const order = await listedIds(page);
    const deckFile = join(dir, 'prospects', id, 'deck.json');
    const readDeck = async () =>
      JSON.parse(await readFile(deckFile, 'utf8').catch(() => '{}')) as {
        order?: string[];
        hidden?: string[];
        added?: string[];
        edits?: Record<string, unknown>;
      };
    await expect.poll(async () => (await readDeck()).edits).toEqual({ fees: { title: HOSTILE_TITLE } });
    const saved = await readDeck();
    expect(saved).toMatchObject({ v: 1, hidden: ['your-questions'], added: ['fees'] });
    expect((saved.order ?? []).filter((slide) => order.includes(slide))).toEqual(order);

    // The CLI builds the same deck from the same files.
    const out = join(dir, 'cli-out');
    const prospect = join(dir, 'prospects', id);
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli.ts',
        'build',
        join(prospect, 'intake.json'),
        '--advisor',
        join(dir, 'advisor.json'),
        '--deck',
        deckFile,
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
      },
    );
    const plan = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')) as {
      deck: { plannedMinutes: number; slides: { id: string; title: string }[] };
    };
    expect(plan.deck.slides.map((s) => s.id)).toEqual(order);
    expect(plan.deck.slides.map((s) => s.title)).toEqual((await listed(page)).map((s) => s.title));
    expect(plan.deck.plannedMinutes).toBe((await meter(page)).now);

    expect(await seriousViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    expect(meters.length).toBe(7);

    // Present opens present mode for this prospect, once every change is saved.
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/present/${id}`);
  });

  it('keeps changes across a reload, reorders by dragging, and speaks French', async () => {
    const { page, id } = await builderFor(20);
    expect(await meter(page)).toMatchObject({ now: 15, max: 15 });
    // Drag "Fees" above "How we would work together" with the pointer, by its handle.
    const before = await listedIds(page);
    const handle = (slide: string) => slideList(page).locator(`li[data-slide-id="${slide}"] .db-handle`);
    await handle('fees').scrollIntoViewIfNeeded();
    const from = await handle('fees').boundingBox();
    const to = await handle('how-we-work').boundingBox();
    if (!from || !to) throw new Error('no drag handles');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // A few steps: dnd-kit starts a drag after the pointer moves 6 px, then follows it.
    for (const f of [0.1, 0.5, 0.9, 1])
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + (to.y - from.y) * f, { steps: 4 });
    await page.mouse.up();
    const expected = [...before];
    expected.splice(expected.indexOf('fees'), 1);
    expected.splice(expected.indexOf('how-we-work'), 0, 'fees');
    await expect.poll(() => listedIds(page)).toEqual(expected);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Every change saved' }).count()).toBe(1);

    await page.evaluate(() => localStorage.setItem('advisor-deck.language', 'fr'));
    await page.reload();
    const list = page.getByRole('list', { name: 'Diapositives' });
    await list.waitFor();
    await expect
      .poll(() =>
        list.locator(':scope > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-slide-id'))),
      )
      .toEqual(expected);
    expect(await page.evaluate(() => location.hash)).toBe(`#/deck/${id}`);
    const m = page.getByRole('meter', { name: 'Minutes prévues' });
    expect(await m.getAttribute('aria-valuetext')).toBe('15 sur 15 minutes');
    const item = list.getByRole('listitem').nth(2);
    for (const name of ['Monter', 'Descendre', 'Masquer la diapositive'])
      expect(await item.getByRole('button', { name }).count()).toBe(1);
    for (const name of ['Défaire', 'Ajouter une diapositive', 'Présenter'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    for (const label of ['Titre de la diapositive', 'Points clés', 'Notes du présentateur'])
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    await item.getByRole('button', { name: 'Masquer la diapositive' }).click();
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Masquées' }).getByRole('button', { name: 'Afficher la diapositive' }).count(),
      )
      .toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('has no serious accessibility finding at the iPad size, with the chooser open', async () => {
    const { page } = await builderFor(20, IPAD);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add slide' }).click();
    const chooser = page.getByRole('dialog', { name: 'Slides you can add' });
    await chooser.waitFor();
    // Everything the recipe holds fits a 20-minute meeting with this intake: nothing to add.
    await expect.poll(() => chooser.textContent()).toContain('already in the deck');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => chooser.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add slide');
  });

  it('points to Settings when there is no advisor profile yet', async () => {
    const dir = await tempDataFolder();
    folders.push(dir);
    const host = await startWebHost(dir);
    hosts.push(host);
    const page = await openApp(browser, host);
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'intake.json',
        mimeType: 'application/json',
        buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
      },
    ]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    const [id = ''] = await prospectFolders(dir);
    await page.evaluate((prospect) => {
      location.hash = `#/deck/${prospect}`;
    }, id);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Set up your advisor profile first');
    await page.getByRole('button', { name: 'Set up my profile' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings');
  });
});
