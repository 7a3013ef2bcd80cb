// One prospect's whole day through the screens, by their accessible names only: import, build
// the deck, present on a tablet with swipes and two questions, end, wrap up, follow up.
import { execFileSync } from 'node:child_process';
import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { followUpSlot } from '../../core/followUp/slotRule';
import { formatLongDate } from '../../core/locale/format';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');

let browser: Browser;
let host: RunningHost;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  dir = await tempDataFolder();
  await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
  host = await startWebHost(dir);
});

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A finger swipe from right to left (next slide), as a tablet sends it. */
async function swipeLeft(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const y = 400;
  const points = [900, 800, 700, 600, 500, 400];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: points[0] ?? 900, y }] });
  for (const x of points.slice(1))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('an advisor day', () => {
  it('imports, builds, presents with questions, wraps up and lists the follow-up', async () => {
    const ZONE = 'America/Los_Angeles';
    const today = () => DateTime.now().setZone(ZONE).toISODate() ?? '';
    const startedOn = today();
    const page = await openApp(browser, host, IPAD);
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'templates/samples/intake.json'));
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    const [id = ''] = await prospectFolders(dir);

    // Build: hide one slide, move one up.
    await rows.first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Build deck' }).click();
    const slides = page.getByRole('list', { name: 'Slides' });
    await slides.waitFor();
    await slides.getByRole('listitem', { name: 'How we are paid' }).getByRole('button', { name: 'Hide slide' }).click();
    await slides.getByRole('listitem').nth(3).getByRole('button', { name: 'Move up' }).click();
    const meter = page.getByRole('meter', { name: 'Planned minutes' });
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(
      Number(await meter.getAttribute('aria-valuemax')),
    );
    await expect
      .poll(
        async () =>
          JSON.parse(await readFile(join(dir, 'prospects', id, 'deck.json'), 'utf8').catch(() => '{}')) as {
            hidden?: string[];
          },
      )
      .toMatchObject({ hidden: ['fees'] });

    // Present on the tablet: swipe, a tap, two questions.
    await page.getByRole('button', { name: 'Present' }).click();
    await page.locator('section[data-slide-id]').first().waitFor();
    await swipeLeft(page);
    await page.getByRole('button', { name: 'Next slide' }).tap();
    for (const question of ['Can we retire at 60?', 'What if markets fall <b>hard</b>?']) {
      await page.getByRole('button', { name: 'Add question' }).tap();
      await page.getByRole('textbox', { name: 'Question' }).fill(question);
      await page.getByRole('button', { name: 'Save question' }).tap();
    }
    await expect
      .poll(
        async () =>
          (
            JSON.parse(await readFile(join(dir, 'prospects', id, 'meeting-live.json'), 'utf8')) as {
              questions: unknown[];
              visits: unknown[];
            }
          ).questions.length,
      )
      .toBe(2);
    await page.getByRole('button', { name: 'End meeting' }).tap();
    await page.getByRole('dialog', { name: 'End meeting?' }).getByRole('button', { name: 'End', exact: true }).tap();

    // Wrap up: create the summary and the follow-up.
    await page.getByRole('button', { name: 'Create summary and follow-up' }).click();
    await page.getByRole('button', { name: 'Open email draft' }).first().waitFor({ timeout: 60_000 });
    const meetings = join(dir, 'prospects', id, 'meetings');
    const [meeting = ''] = await readdir(meetings);
    const folder = join(meetings, meeting);
    expect((await readdir(folder)).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'meeting.json',
      'plan.json',
      'summary.pdf',
    ]);
    expect(execFileSync('pdfinfo', [join(folder, 'summary.pdf')]).toString()).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', [join(folder, 'summary.pdf'), '-']).toString();
    expect(text).toContain('Maria');
    expect(text).toContain('Can we retire at 60?');
    const plan = JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8')) as {
      deck: { slides: { id: string }[] };
      followUp: { dueAt: string };
    };
    expect(plan.deck.slides.map((s) => s.id)).not.toContain('fees');
    // Planned for 3 December 2026 (the sample), held today: the follow-up is the slot rule on
    // today, 2 to 3 business days on, and the summary names today (issues 17 and 21).
    const endedOn = (
      JSON.parse(await readFile(join(folder, 'meeting.json'), 'utf8')) as { endedAt: string }
    ).endedAt.slice(0, 10);
    expect([startedOn, today()]).toContain(endedOn);
    const advisor = JSON.parse(await readFile(join(ROOT, 'templates/samples/advisor.json'), 'utf8')) as {
      followUp: { preferredTime: string; holidays: string[] };
    };
    expect(plan.followUp.dueAt).toBe(followUpSlot({ meetingDate: endedOn, timeZone: ZONE, ...advisor.followUp }).dueAt);
    expect(Date.parse(plan.followUp.dueAt)).toBeGreaterThan(Date.now());
    expect(text.replace(/\s+/g, ' ')).toContain(formatLongDate('en-US', endedOn));
    const event = new ICAL.Component(
      ICAL.parse(await readFile(join(folder, 'follow-up.ics'), 'utf8')),
    ).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('dtstart')?.toString()).toBeTruthy();
    const mail = await simpleParser(await readFile(join(folder, 'follow-up.eml')));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.attachments.map((a) => a.filename)).toContain('summary.pdf');
    expect(
      (JSON.parse(await readFile(join(dir, 'prospects', id, 'prospect.json'), 'utf8')) as { status: string }).status,
    ).toBe('met');

    // The follow-up waits on its screen.
    await page.getByRole('button', { name: 'Follow-ups' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Upcoming' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Maria');
  });
});
