// Present on a tablet over Wi-Fi, end to end: a real `npm run web --share-host 127.0.0.1`, the
// laptop in one browser context (1280×800) and the tablet in another (iPad viewport, touch, an
// iPad Safari user agent). The tablet pairs from the address decoded out of the QR image; what
// it does comes back to the laptop's meeting (meeting-live.json on disk); a stretch offline
// loses nothing and applies nothing twice. Every wait counts events, never a time window.
import AxeBuilder from '@axe-core/playwright';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveMeeting } from '../../core/meeting/live';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, swipe, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE = '<img src=x onerror="window.__pwned=1"> & <b>bold</b> ${window.__pwned=1}';
const SHOTS = process.env['TABLET_SCREENSHOTS'];

let browser: Browser;
const hosts: RunningHost[] = [];
const folders: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
  while (hosts.length) await hosts.pop()?.stop();
});

afterAll(async () => {
  await browser?.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

async function laptopReady(): Promise<{ page: Page; dir: string; id: string; host: RunningHost }> {
  const dir = await tempDataFolder();
  folders.push(dir);
  await mkdir(dir, { recursive: true });
  await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
  const host = await startWebHost(dir, ['--share-host', '127.0.0.1']);
  hosts.push(host);
  const page = await openApp(browser, host, { viewport: { width: 1280, height: 800 } });
  contexts.push(page.context());
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
  expect(id).not.toBe('');
  return { page, dir, id, host };
}

async function live(dir: string, id: string): Promise<LiveMeeting | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'prospects', id, 'meeting-live.json'), 'utf8')) as LiveMeeting;
  } catch {
    return null;
  }
}

/** The address in the QR image the laptop shows, decoded as a phone camera would. */
async function addressFromQr(page: Page): Promise<string> {
  const qr = page.getByRole('img', { name: 'Tablet address', exact: true });
  await qr.waitFor();
  const src = (await qr.getAttribute('src')) ?? '';
  expect(src.startsWith('data:image/png;base64,')).toBe(true);
  const png = PNG.sync.read(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'));
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    png.width,
    png.height,
  );
  expect(code).not.toBeNull();
  return code?.data ?? '';
}

async function newTablet(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(IPAD);
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const onScreen = (page: Page) => page.locator('.slides > section.present').getAttribute('data-slide-id');
const slideIds = (page: Page) =>
  page.$$eval('.slides > section', (s) => s.map((x) => x.getAttribute('data-slide-id') ?? ''));

/** A finger across the tablet's slide, right to left: the next slide. */
async function swipeNext(page: Page): Promise<void> {
  const size = page.viewportSize() ?? { width: 1180, height: 820 };
  await swipe(page, { x: 0, y: 0, ...size }, 'next');
}

async function askOnTablet(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add question', exact: true }).tap();
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Save question', exact: true }).tap();
  await page.getByRole('textbox', { name: 'Question', exact: true }).waitFor({ state: 'hidden' });
}

async function status(url: string): Promise<number | 'refused'> {
  try {
    const response = await fetch(url, { redirect: 'manual' });
    return response.status;
  } catch {
    return 'refused';
  }
}

describe('present on a tablet', () => {
  it('pairs from the QR code, mirrors the tablet, takes its questions once, survives a dropped network, follows the laptop, and stops', async () => {
    const { page: laptop, dir, id, host } = await laptopReady();
    // From the prospect's screen, beside Build deck: present mode opens, sharing.
    await laptop.goto(`${host.origin}/#/prospect/${id}`);
    await laptop.getByRole('button', { name: 'Present on tablet', exact: true }).click();
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    const address = await addressFromQr(laptop);
    // The same address as text, for typing it in.
    expect(await laptop.getByLabel('Tablet address', { exact: true }).textContent()).toBe(address);
    const url = new URL(address);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.port).not.toBe(String(host.port));
    expect((url.searchParams.get('pair') ?? '').length).toBeGreaterThanOrEqual(22);
    if (SHOTS) await laptop.screenshot({ path: join(SHOTS, 'laptop-share.png') });

    // Nothing without the token, or with a wrong one; nothing of the app on this server.
    expect(await status(`${url.origin}/`)).toBe(403);
    expect(await status(`${url.origin}/?pair=${'A'.repeat(32)}`)).toBe(403);
    expect(await status(`${url.origin}/api/prospects:list`)).toBe(404);
    expect(await status(`${url.origin}/index.html`)).toBe(404);

    const tablet = await newTablet();
    await tablet.page.goto(address);
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
    // The token is traded for a cookie and gone from the address bar.
    expect(new URL(tablet.page.url()).search).toBe('');
    await laptop.getByText('Tablet connected', { exact: true }).waitFor();
    if (SHOTS) await tablet.page.screenshot({ path: join(SHOTS, 'tablet-presents.png') });

    const ids = await slideIds(tablet.page);
    expect(ids).toEqual(await slideIds(laptop));
    const visits = async () => (await live(dir, id))?.visits.map((v) => v.slideId);
    await expect.poll(visits).toEqual([ids[0]]);

    // The tablet presents: swipes there show here, and are the meeting's.
    await swipeNext(tablet.page);
    await expect.poll(() => onScreen(tablet.page)).toBe(ids[1]);
    await expect.poll(() => onScreen(laptop)).toBe(ids[1]);
    await expect.poll(visits).toEqual(ids.slice(0, 2));

    // A question on the tablet: once in the meeting, as text.
    await askOnTablet(tablet.page, HOSTILE);
    await expect.poll(async () => (await live(dir, id))?.questions.map((q) => q.text)).toEqual([HOSTILE]);
    expect((await live(dir, id))?.questions[0]?.slideId).toBe(ids[1]);

    // The network drops: three swipes and a question on the tablet, kept there, then back.
    await tablet.context.setOffline(true);
    for (let i = 0; i < 3; i++) {
      await swipeNext(tablet.page);
      await expect.poll(() => onScreen(tablet.page)).toBe(ids[2 + i]);
    }
    await askOnTablet(tablet.page, 'Offline question: what about fees?');
    await tablet.page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    expect((await live(dir, id))?.questions.length).toBe(1);
    await tablet.context.setOffline(false);
    await expect.poll(visits, { timeout: 60_000 }).toEqual(ids.slice(0, 5));
    await expect
      .poll(async () => (await live(dir, id))?.questions.map((q) => q.text), { timeout: 60_000 })
      .toEqual([HOSTILE, 'Offline question: what about fees?']);
    await expect.poll(() => onScreen(laptop)).toBe(ids[4]);
    // A reload of the tablet sends nothing again.
    await tablet.page.reload();
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
    expect((await live(dir, id))?.questions.length).toBe(2);

    // A second device with the same address waits for the advisor, and gets nothing if refused.
    const other = await newTablet();
    const waiting = await other.page.goto(address);
    expect(waiting?.status()).toBe(403);
    await other.page.getByRole('heading', { name: 'Waiting for the advisor' }).waitFor();
    expect(await other.page.locator('.deck').count()).toBe(0);
    await laptop.getByRole('button', { name: 'Refuse', exact: true }).click();
    await other.page.getByText('The advisor did not allow this device.').waitFor();
    const again = await other.page.goto(`${url.origin}/`);
    expect(again?.status()).toBe(403);
    // Another one, allowed: it sees the deck.
    const third = await newTablet();
    await third.page.goto(address);
    await laptop.getByRole('button', { name: 'Allow', exact: true }).click();
    await third.page.locator('.deck[data-ready="true"]').waitFor();

    // The tablet follows: the laptop drives, the tablet shows the same slide, without notes.
    // The mode is the app layer's: the radio shows it once share:mode has answered, so the
    // click is waited on by its state, not expected to flip the box at once.
    const follows = laptop.getByRole('radio', { name: /The tablet follows/ });
    await follows.click();
    await expect.poll(() => follows.isChecked(), { timeout: 30_000 }).toBe(true);
    await tablet.page.waitForFunction(() => document.documentElement.getAttribute('data-share-mode') === 'follows');
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
    expect(
      await tablet.page.locator('aside.notes').evaluateAll((notes) => notes.map((n) => n.textContent ?? '').join('')),
    ).toBe('');
    expect(await tablet.page.getByRole('button', { name: 'Add question' }).count()).toBe(0);
    await expect.poll(() => onScreen(tablet.page)).toBe(ids[4]);
    await laptop.getByRole('button', { name: 'Next slide', exact: true }).click();
    await expect.poll(() => onScreen(laptop)).toBe(ids[5]);
    await expect.poll(() => onScreen(tablet.page)).toBe(ids[5]);
    await expect.poll(visits).toEqual(ids.slice(0, 6));
    if (SHOTS) await tablet.page.screenshot({ path: join(SHOTS, 'tablet-follows.png') });

    // Stop sharing: the tablets are told (Meeting ended, the deck gone), and nothing answers any more.
    await laptop.getByRole('button', { name: 'Stop sharing', exact: true }).click();
    await laptop.getByText('Sharing stopped', { exact: false }).waitFor();
    for (const device of [tablet, third]) {
      await device.page.getByRole('heading', { name: 'Meeting ended', exact: true }).waitFor();
      expect(await device.page.locator('.slides, section, aside.notes, .tablet-bar').count()).toBe(0);
      expect(await device.page.locator('body').textContent()).not.toContain('Offline');
    }
    expect(await status(`${url.origin}/`)).toBe('refused');
    expect(await status(address)).toBe('refused');

    // Wrap-up has the tablet's questions, once each, as text.
    await laptop.getByRole('button', { name: 'End meeting', exact: true }).click();
    await laptop
      .getByRole('dialog', { name: 'End meeting?' })
      .getByRole('button', { name: 'End', exact: true })
      .click();
    await laptop.waitForURL(`**/#/wrap-up/${id}`);
    const questions = laptop.getByRole('textbox', { name: /^Question \d+$/ });
    await expect.poll(() => questions.count()).toBe(2);
    expect(await questions.first().inputValue()).toBe(HOSTILE);
    expect(await laptop.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await tablet.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(tablet.errors).toEqual([]);
  });

  it('runs long by the tablet’s own clock: proposes what to skip there, and the skipped slides are passed over and recorded', async () => {
    const { page: laptop, dir, id, host } = await laptopReady();
    await laptop.goto(`${host.origin}/#/present/${id}`);
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByRole('button', { name: 'Present on tablet', exact: true }).click();
    const address = await addressFromQr(laptop);
    const tablet = await newTablet();
    // The tablet's clock, moved by the test: running long is measured by the screen the advisor holds.
    await tablet.page.clock.install();
    await tablet.page.goto(address);
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByText('Tablet connected', { exact: true }).waitFor();
    const ids = await slideIds(tablet.page);
    await swipeNext(tablet.page);
    await expect.poll(async () => (await live(dir, id))?.visits.map((v) => v.slideId)).toEqual(ids.slice(0, 2));
    const notice = tablet.page.getByRole('status').filter({
      has: tablet.page.getByRole('heading', { name: 'Running long', exact: true }),
    });
    expect(await notice.count()).toBe(0);

    // Eight minutes on the second slide: the rest (13 of the 15 planned minutes) no longer fits.
    await tablet.page.clock.fastForward('08:00');
    await notice.waitFor();
    if (SHOTS) await tablet.page.screenshot({ path: join(SHOTS, 'tablet-running-long.png') });
    const proposed = await notice.getByRole('listitem').allTextContents();
    expect(proposed.length).toBeGreaterThan(0);
    await notice.getByRole('button', { name: 'Skip suggested slides', exact: true }).tap();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(async () => (await live(dir, id))?.skippedSlideIds?.length ?? 0).toBe(proposed.length);
    const skipped = (await live(dir, id))?.skippedSlideIds ?? [];
    // Never the title, what we heard, next steps or the closing; never the slide on screen.
    for (const locked of ['title', 'what-we-heard', 'next-steps', 'closing']) expect(skipped).not.toContain(locked);
    expect(skipped).not.toContain(ids[1]);

    // Swipes pass over the skipped slides to the end; the meeting shows none of them.
    const rest = ids.slice(2).filter((slideId) => !skipped.includes(slideId));
    for (const next of rest) {
      await swipeNext(tablet.page);
      await expect.poll(() => onScreen(tablet.page)).toBe(next);
    }
    await expect
      .poll(async () => (await live(dir, id))?.visits.map((v) => v.slideId))
      .toEqual([...ids.slice(0, 2), ...rest]);
    expect(tablet.errors).toEqual([]);
  });

  it('refuses a reused token after the advisor ends the meeting, and closes with the meeting', async () => {
    const { page: laptop, id, host } = await laptopReady();
    await laptop.goto(`${host.origin}/#/present/${id}`);
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByRole('button', { name: 'Present on tablet', exact: true }).click();
    const address = await addressFromQr(laptop);
    const tablet = await newTablet();
    await tablet.page.goto(address);
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
    // The one-time token, used again without the tablet's cookie: no deck.
    const reused = await status(address);
    expect(reused).toBe(403);

    // A reload of the laptop comes back to the share under way; in French, and accessible.
    await laptop.evaluate(() => localStorage.setItem('advisor-deck.language', 'fr'));
    await laptop.reload();
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByRole('img', { name: 'Adresse de la tablette', exact: true }).waitFor();
    for (const name of ['Présenter sur la tablette', 'Arrêter le partage', 'Masquer'])
      expect(await laptop.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    expect(await laptop.getByRole('radio', { name: /La tablette suit/ }).isVisible()).toBe(true);
    const axe = await new AxeBuilder({ page: laptop })
      .include('.share-panel')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
    if (SHOTS) await laptop.screenshot({ path: join(SHOTS, 'laptop-share-fr.png') });
    // The keyboard alone: Tab reaches the mode and Space picks it.
    await laptop.getByRole('radio', { name: /La tablette suit/ }).focus();
    await laptop.keyboard.press('Space');
    await expect.poll(() => laptop.getByRole('radio', { name: /La tablette suit/ }).isChecked()).toBe(true);
    await tablet.page.waitForFunction(() => document.documentElement.getAttribute('data-share-mode') === 'follows');
    await laptop.evaluate(() => localStorage.setItem('advisor-deck.language', 'en'));
    await laptop.reload();
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByRole('button', { name: 'End meeting', exact: true }).click();
    await laptop
      .getByRole('dialog', { name: 'End meeting?' })
      .getByRole('button', { name: 'End', exact: true })
      .click();
    await laptop.waitForURL(`**/#/wrap-up/${id}`);
    expect(await status(address)).toBe('refused');
    // The paired tablet: Meeting ended, no slide left in the page, nothing queued to retry.
    await tablet.page.getByRole('heading', { name: 'Meeting ended', exact: true }).waitFor();
    expect(await tablet.page.locator('.slides, section, aside.notes, .tablet-bar').count()).toBe(0);
    expect(
      await tablet.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('advisor-deck:'))),
    ).toEqual([]);
    expect(tablet.errors).toEqual([]);
  });

  it('pairs by the typed code: a wrong code is refused, attempts are limited, the right one pairs once', async () => {
    const { page: laptop, id, host } = await laptopReady();
    await laptop.goto(`${host.origin}/#/present/${id}`);
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByRole('button', { name: 'Present on tablet', exact: true }).click();
    const address = new URL(await addressFromQr(laptop));
    const codeText = laptop.getByLabel('Pairing code', { exact: true });
    await codeText.waitFor();
    const code = ((await codeText.textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{6}$/);
    expect(await laptop.getByText(`${address.origin}/`, { exact: false }).count()).toBeGreaterThan(0);

    // The tablet opens the bare address: a form for the code, no deck.
    const tablet = await newTablet();
    const first = await tablet.page.goto(`${address.origin}/`);
    expect(first?.status()).toBe(403);
    expect(await tablet.page.locator('.deck').count()).toBe(0);
    const field = tablet.page.getByRole('textbox', { name: 'Pairing code', exact: true });
    const wrong = code === '000000' ? '111111' : '000000';
    await field.fill(wrong);
    await tablet.page.getByRole('button', { name: 'Pair', exact: true }).tap();
    await tablet.page.getByRole('alert').filter({ hasText: 'That code is not right. 4 tries left.' }).waitFor();
    expect(await tablet.page.locator('.deck').count()).toBe(0);
    // The right code, spaced as the laptop shows it: paired, on to the deck, the code spent.
    await field.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await tablet.page.getByRole('button', { name: 'Pair', exact: true }).tap();
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByText('Tablet connected', { exact: true }).waitFor();
    await codeText.waitFor({ state: 'detached' });
    // Spent: the same code again from another device pairs nothing.
    const post = (typed: string) =>
      fetch(`${address.origin}/pair`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `code=${typed}`,
      }).then(async (r) => ({
        status: r.status,
        cookie: r.headers.get('set-cookie'),
        text: await r.text(),
      }));
    const again = await post(code);
    expect(again.status).toBe(403);
    expect(again.cookie).toBeNull();
    expect(again.text).toContain('This code no longer works');
    expect(tablet.errors).toEqual([]);
  });

  it('spends the code after five wrong answers, from any address', async () => {
    const { page: laptop, id, host } = await laptopReady();
    await laptop.goto(`${host.origin}/#/present/${id}`);
    await laptop.locator('.deck[data-ready="true"]').waitFor();
    await laptop.getByRole('button', { name: 'Present on tablet', exact: true }).click();
    const address = new URL(await addressFromQr(laptop));
    const codeText = laptop.getByLabel('Pairing code', { exact: true });
    await codeText.waitFor();
    const code = ((await codeText.textContent()) ?? '').replace(/\s/g, '');
    const post = (typed: string) =>
      fetch(`${address.origin}/pair`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `code=${typed}`,
      }).then(async (r) => ({
        status: r.status,
        cookie: r.headers.get('set-cookie'),
        text: await r.text(),
      }));
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 4; i++)
      expect((await post(wrong(i))).text).toContain(`${4 - i} ${4 - i === 1 ? 'try' : 'tries'} left`);
    expect((await post(wrong(4))).text).toContain('This code no longer works');
    // Even the right code now: refused, no cookie; the laptop no longer shows it.
    const late = await post(code);
    expect(late.status).toBe(403);
    expect(late.cookie).toBeNull();
    await codeText.waitFor({ state: 'detached' });
    // The QR code still pairs.
    const tablet = await newTablet();
    await tablet.page.goto(address.href);
    await tablet.page.locator('.deck[data-ready="true"]').waitFor();
  });
});
