// A prospect whose every word is hostile, through every screen of `npm run web` in Chromium and
// on the tablet page: names, notes, concerns and questions made of markup (an <img onerror>, a
// </script>, an "><svg onload>), bidi overrides and 10,000 combining marks. On each screen no
// element is injected, no script runs, no dialog opens, and the words are shown as text.
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');

const FIRST = '<img src=x onerror="window.__pwned=1;alert(1)">';
const LAST = '"><svg onload=window.__pwned=2>\u202Egnp.exe\u202C';
// 10,000 combining marks, in stacks the schema allows (16 on a letter).
const ZALGO =
  `e${'\u0301\u0300\u0302\u0303\u0308\u0323\u0327\u0304\u0306\u0307\u030A\u030B\u030C\u0331\u0332\u0333'}`.repeat(625);
const HOSTILE_TEXT = [
  '</script><script>window.__pwned=3</script>',
  '"><svg onload=window.__pwned=4>',
  '<iframe src="javascript:window.__pwned=5">',
  '\u202Eevil.exe\u202C right-to-left',
  "<a href='javascript:alert(1)'>click</a>",
];

/** The fixture of hostile intake, with these names and texts, and a meeting still to come whatever today is. */
async function hostileIntake(): Promise<Buffer> {
  const intake = JSON.parse(await readFile(join(ROOT, 'test/fixtures/intake-hostile.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const prospect = intake['prospect'] as Record<string, unknown>;
  prospect['firstName'] = FIRST;
  prospect['lastName'] = LAST;
  intake['concerns'] = [...HOSTILE_TEXT, ZALGO];
  intake['questions'] = HOSTILE_TEXT.map((q) => `${q}?`);
  intake['notes'] = `${HOSTILE_TEXT.join('\n')}\n${ZALGO}`;
  intake['urgentNeed'] = HOSTILE_TEXT[0];
  const startsAt = DateTime.now()
    .setZone('America/New_York')
    .plus({ days: 3 })
    .set({ hour: 14, minute: 0, second: 0, millisecond: 0 });
  intake['meeting'] = { ...(intake['meeting'] as object), startsAt: startsAt.toFormat("yyyy-MM-dd'T'HH:mm") };
  return Buffer.from(JSON.stringify(intake));
}

let browser: Browser;
let host: RunningHost;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = await tempDataFolder();
  await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
  host = await startWebHost(dir, ['--share-host', '127.0.0.1']);
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Counts dialogs (alert, confirm, prompt) the page opens; none may. */
function watchDialogs(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('dialog', (dialog) => {
    seen.count++;
    void dialog.dismiss();
  });
  return seen;
}

/**
 * What the hostile words would have made, had any been parsed as markup: their elements, event
 * handler attributes, the flag their scripts set. `screen` names the screen in a failure.
 */
async function expectInert(page: Page, dialogs: { count: number }, screen: string): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: [
      ...document.querySelectorAll('img[src="x"], svg[onload], iframe, a[href^="javascript:"]'),
      // The deck's own inline scripts are allowed by their hashes; one made of the prospect's words is not.
      ...[...document.querySelectorAll('script')].filter((el) => (el.textContent ?? '').includes('__pwned')),
    ].map((el) => el.outerHTML.slice(0, 120)),
    handlers: [...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
      .map((el) => el.outerHTML.slice(0, 80)),
  }));
  expect(found, screen).toEqual({ pwned: null, injected: [], handlers: [] });
  expect(dialogs.count, screen).toBe(0);
}

/** The page's visible text holds the hostile words as typed (markup characters and all). */
async function expectShownAsText(page: Page, screen: string, words: string[] = ['<img src=x onerror=']): Promise<void> {
  for (const word of words)
    await expect
      .poll(() => page.evaluate(() => document.body.innerText), { message: `${screen}: ${word}`, timeout: 30_000 })
      .toContain(word);
}

describe('hostile names and notes on every screen', () => {
  it('Prospects, intake, builder, present with its strip, the tablet, wrap-up, summary preview and Follow-ups show them as text', async () => {
    const page = await openApp(browser, host, { viewport: { width: 1280, height: 800 } });
    const dialogs = watchDialogs(page);
    await page
      .locator('input[type=file]')
      .setInputFiles([{ name: 'hostile.json', mimeType: 'application/json', buffer: await hostileIntake() }]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    const [id = ''] = await prospectFolders(dir);
    await expectShownAsText(page, 'Prospects');
    await expectInert(page, dialogs, 'Prospects');

    // Intake: the boxes hold the words as typed.
    await rows.first().getByRole('button').first().click();
    await page.getByLabel('First name', { exact: true }).waitFor();
    expect(await page.getByLabel('First name', { exact: true }).inputValue()).toBe(FIRST);
    // Saved as the schema keeps text: NFC (an e with its acute is one code point).
    expect(await page.getByLabel('Notes', { exact: true }).inputValue()).toContain(ZALGO.normalize('NFC'));
    await expectInert(page, dialogs, 'intake');

    // Build deck: the slides in the window, with the prospect's words.
    await page.getByRole('button', { name: 'Build deck' }).click();
    await page.getByRole('list', { name: 'Slides' }).waitFor();
    await expectShownAsText(page, 'builder');
    await expectInert(page, dialogs, 'builder');

    // Present, shared with a tablet, with the presenter strip and a hostile question typed in.
    await page.goto(`${host.origin}/#/prospect/${id}`);
    await page.getByRole('button', { name: 'Present on tablet', exact: true }).click();
    await page.locator('.deck[data-ready="true"]').waitFor();
    const address = (await page.getByLabel('Tablet address', { exact: true }).textContent()) ?? '';
    if ((await page.getByRole('button', { name: 'Show presenter notes' }).count()) > 0)
      await page.getByRole('button', { name: 'Show presenter notes' }).click();
    const strip = page.getByRole('complementary', { name: 'Presenter notes' });
    await strip.waitFor();
    await page.getByRole('button', { name: 'Add question', exact: true }).click();
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill(`${FIRST} ${HOSTILE_TEXT[1] ?? ''}`);
    await page.getByRole('button', { name: 'Save question', exact: true }).click();
    await expect.poll(async () => (await strip.innerText()).includes('<img src=x onerror=')).toBe(true);
    await expectShownAsText(page, 'present');
    await expectInert(page, dialogs, 'present and the presenter strip');

    // The tablet page: the deck served on the office network.
    const tablet = await (await browser.newContext(IPAD)).newPage();
    const tabletDialogs = watchDialogs(tablet);
    await tablet.goto(address);
    await tablet.locator('.deck[data-ready="true"]').waitFor();
    const slides = await tablet.$$eval('.slides > section', (s) => s.map((x) => x.textContent ?? '').join('\n'));
    expect(slides).toContain('<img src=x onerror=');
    expect(slides).toContain('</script><script>window.__pwned=3</script>');
    await expectInert(tablet, tabletDialogs, 'tablet');
    await tablet.context().close();

    // Wrap-up, and the summary's page preview.
    await page.getByRole('button', { name: 'End meeting', exact: true }).click();
    await page.getByRole('dialog', { name: 'End meeting?' }).getByRole('button', { name: 'End', exact: true }).click();
    await page.getByRole('heading', { name: `Wrap-up: ${FIRST}`, level: 2, exact: false }).waitFor();
    await expectInert(page, dialogs, 'wrap-up');
    await page.getByRole('button', { name: 'Create summary and follow-up' }).click();
    await page.getByRole('heading', { name: 'Summary and follow-up created' }).waitFor({ timeout: 120_000 });
    const preview = page.getByRole('article', { name: 'Summary page preview' });
    expect(await preview.innerText()).toContain('<img src=x onerror=');
    await expectInert(page, dialogs, 'summary preview');

    // Follow-ups: the prospect's name on the list, as text.
    await page.getByRole('button', { name: 'Follow-ups' }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 2 }).waitFor();
    const item = page.getByRole('region', { name: 'Upcoming' }).getByRole('listitem').first();
    await item.waitFor();
    expect(await item.innerText()).toContain(FIRST);
    await expectInert(page, dialogs, 'Follow-ups');
    expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([]);
  });
});
