// Issue 21: the advisor's day without a stumble (first run, focus, Back, the builder's minutes
// and points, the intake's fields), end to end through a real `npm run web` in Chromium, by
// accessible names. Every wait is for a state (an element, a value, a file), never a time.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningHost } from '../support/web-host';
import { fillIntake, openApp, prospectFolders, startWebHost, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_ADVISOR = join(ROOT, 'templates/samples/advisor.json');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

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

async function host(advisor?: Record<string, unknown>): Promise<{ host: RunningHost; dir: string }> {
  const dir = await tempDataFolder();
  folders.push(dir);
  if (advisor) await writeFile(join(dir, 'advisor.json'), JSON.stringify(advisor));
  const running = await startWebHost(dir);
  hosts.push(running);
  return { host: running, dir };
}

async function sampleAdvisor(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(SAMPLE_ADVISOR, 'utf8')) as Record<string, unknown>;
}

async function importSample(
  page: Page,
  intake?: (sample: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const sample = JSON.parse(await readFile(join(ROOT, 'templates/samples/intake.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const body = JSON.stringify(intake ? intake(sample) : sample);
  await page
    .locator('input[type=file]')
    .setInputFiles([{ name: 'intake.json', mimeType: 'application/json', buffer: Buffer.from(body) }]);
  const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
  await expect.poll(() => rows.count()).toBe(1);
}

async function openFirstProspect(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Prospects' }).getByRole('listitem').first().getByRole('button').first().click();
  await page.locator('.intake-form').waitFor();
}

const focusedName = (page: Page) =>
  page.evaluate(
    () =>
      (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ??
      (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ??
      document.activeElement?.textContent ??
      '',
  );

describe('first run', () => {
  it('asks for the profile on Prospects, shows it first in Settings, and goes back to where the advisor was', async () => {
    const { host: running, dir } = await host();
    const page = await openApp(browser, running, DESKTOP);
    const prompt = page.getByRole('button', { name: 'Set up your profile' });
    await prompt.waitFor();
    await prompt.click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    // The profile comes before the app's preferences.
    const order = await page.evaluate(() => {
      const at = (el: Element | null | undefined) => (el ? [...document.querySelectorAll('main *')].indexOf(el) : -1);
      const profile = [...document.querySelectorAll('legend')].find((l) => l.textContent === 'Your advisor profile');
      const language = [...document.querySelectorAll('label')].find((l) => l.textContent === 'App language');
      const winBack = [...document.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Win-back'));
      return { profile: at(profile), language: at(language), winBack: at(winBack) };
    });
    expect(order.profile).toBeGreaterThanOrEqual(0);
    expect(order.profile).toBeLessThan(order.language);
    expect(order.profile).toBeLessThan(order.winBack);
    // The advisor's own zone, the computer's until changed.
    expect(await page.getByLabel('Your time zone', { exact: true }).inputValue()).toBe(
      await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    );
    await fillIntake(page, {
      Name: 'Dana Whitfield',
      Firm: 'Harbor & Main Advisors',
      Email: 'dana@example.com',
      Disclosure: 'Hypothetical illustrations only.',
      'Your time zone': 'America/Toronto',
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Back on Prospects, and the prompt is gone.
    await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
    await expect.poll(() => prompt.count()).toBe(0);
    await expect
      .poll(
        async () =>
          JSON.parse(await readFile(join(dir, 'advisor.json'), 'utf8').catch(() => '{}')) as Record<string, unknown>,
      )
      .toMatchObject({ timeZone: 'America/Toronto' });

    // A new prospect's meeting starts in the advisor's zone; the first field has the focus.
    await page.getByRole('button', { name: 'New prospect' }).click();
    const firstName = page.getByLabel('First name', { exact: true });
    await expect.poll(() => firstName.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('America/Toronto');
  });

  it('goes back to the deck being built once the profile is saved', async () => {
    const { host: running } = await host();
    const page = await openApp(browser, running, DESKTOP);
    await importSample(page);
    await openFirstProspect(page);
    await page.getByRole('button', { name: 'Build deck' }).click();
    await page.getByRole('button', { name: 'Set up my profile' }).click();
    const advisor = await sampleAdvisor();
    await fillIntake(page, {
      Name: String(advisor['name']),
      Firm: String(advisor['firm']),
      Email: String(advisor['email']),
      Disclosure: String(advisor['disclosure']),
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('list', { name: 'Slides' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/deck\/p-/);
  });
});

describe('focus', () => {
  /** Every focused element, Tab after Tab, must be clear of the sticky header and the Save bar. */
  async function hiddenWhileTabbing(page: Page, until: string): Promise<string[]> {
    const hidden: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const check = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { name: '', covered: false };
        const name =
          el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
        const header = document.querySelector('.app-header');
        const bar = document.querySelector('.form-actions');
        const box = el.getBoundingClientRect();
        const inBar = !!bar?.contains(el);
        const inHeader = !!header?.contains(el);
        const top = header?.getBoundingClientRect().bottom ?? 0;
        const barTop = bar?.getBoundingClientRect().top ?? innerHeight;
        const covered =
          (!inHeader && box.top < top - 0.5) ||
          (!inBar && !inHeader && box.bottom > barTop + 0.5) ||
          box.bottom > innerHeight + 0.5;
        return { name: name.trim(), covered, box: [Math.round(box.top), Math.round(box.bottom)], top, barTop };
      });
      if (check.covered) hidden.push(`${check.name} ${JSON.stringify(check)}`);
      if (check.name === until) return hidden;
    }
    throw new Error(`Tab never reached ${until}`);
  }

  for (const [size, options, language] of [
    ['1280×800', DESKTOP, 'en'],
    ['iPad, French', IPAD, 'fr'],
  ] as const) {
    it(`keeps every focused field of the intake form clear of the header and the Save bar (${size})`, async () => {
      const { host: running } = await host(await sampleAdvisor());
      const page = await openApp(browser, running, options);
      if (language === 'fr') {
        await page.evaluate(() => localStorage.setItem('advisor-deck.language', 'fr'));
        await page.reload();
        await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
      }
      await importSample(page, (s) => ({
        ...s,
        concerns: ['One', 'Two', 'Three'],
        questions: ['Why?', 'How?'],
        prospect: {
          ...(s['prospect'] as object),
          dependents: [
            { firstName: 'Ana', age: 15 },
            { firstName: 'Leo', age: 12 },
          ],
        },
      }));
      await openFirstProspect(page);
      await page.locator('.intake-form input').first().focus();
      const last = language === 'fr' ? 'Supprimer' : 'Delete prospect';
      expect(await hiddenWhileTabbing(page, last)).toEqual([]);
      // And back up again, Shift+Tab: fields scrolled to from below stop clear of the header.
      const up: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Shift+Tab');
        const covered = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const header = document.querySelector('.app-header');
          return !header?.contains(el) &&
            el.getBoundingClientRect().top < (header?.getBoundingClientRect().bottom ?? 0) - 0.5
            ? (el.getAttribute('aria-label') ?? el.textContent ?? el.id)
            : '';
        });
        if (covered) up.push(covered);
      }
      expect(up).toEqual([]);
    });
  }

  it('moves along the slide list with the arrow keys, into the editor on Enter, and to a neighbour after Hide slide', async () => {
    const { host: running } = await host(await sampleAdvisor());
    const page = await openApp(browser, running, DESKTOP);
    await importSample(page);
    await openFirstProspect(page);
    await page.getByRole('button', { name: 'Build deck' }).click();
    const list = page.getByRole('list', { name: 'Slides' });
    await list.waitFor();
    // The screen's heading takes the focus, not the page body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    // One Tab stop per list: from Undo, a few Tabs reach the list, ↓ walks it.
    await page.getByRole('button', { name: 'Undo' }).focus();
    let tabs = 0;
    while (!(await page.evaluate(() => !!document.activeElement?.closest('.db-slides')))) {
      await page.keyboard.press('Tab');
      if (++tabs > 12) throw new Error('Tab never reached the slide list');
    }
    const titles = await list
      .locator(':scope > li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toContain(titles[4] ?? '?');
    // Enter: the slide is chosen and its title field has the focus, in view under the header.
    await page.keyboard.press('Enter');
    const title = page.getByLabel('Slide title', { exact: true });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.inputValue()).toBe(titles[4]);
    // Only one row's buttons are in the Tab order.
    expect(await list.locator('button[tabindex="0"]').count()).toBeLessThanOrEqual(4);

    // Hide slide: the focus goes to the row that took its place.
    const row = list.getByRole('listitem', { name: 'Your questions' });
    await row.getByRole('button', { name: 'Hide slide' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('li')?.getAttribute('data-slide-id') ?? document.activeElement?.tagName,
        ),
      )
      .toBe('next-steps');
  });
});

describe('the browser Back', () => {
  it('goes back within the app: builder → the prospect → Prospects, also after a reload on the builder', async () => {
    const { host: running, dir } = await host(await sampleAdvisor());
    const page = await openApp(browser, running, DESKTOP);
    await importSample(page);
    await openFirstProspect(page);
    await page.getByRole('button', { name: 'Build deck' }).click();
    await page.getByRole('list', { name: 'Slides' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Maria Lopez', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Build deck' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Maria Lopez', level: 2 }).waitFor();

    // Opened straight on the builder (a reload, a link): Back still leads to the prospect.
    const [id = ''] = await prospectFolders(dir);
    const fresh = await page.context().newPage();
    await fresh.goto(`${running.origin}/#/deck/${id}`);
    await fresh.getByRole('list', { name: 'Slides' }).waitFor();
    await fresh.goBack();
    await fresh.getByRole('heading', { name: 'Maria Lopez', level: 2 }).waitFor();
    await fresh.goBack();
    await fresh.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
    expect(fresh.url()).toContain(running.origin);
  });
});

describe('deck builder', () => {
  it('says where the minutes of a hidden slide went, and offers as many points as the slide shows', async () => {
    const { host: running } = await host(await sampleAdvisor());
    const page = await openApp(browser, running, DESKTOP);
    await importSample(page, (s) => ({ ...s, meeting: { ...(s['meeting'] as object), minutes: 30 } }));
    await openFirstProspect(page);
    await page.getByRole('button', { name: 'Build deck' }).click();
    const list = page.getByRole('list', { name: 'Slides' });
    await list.waitFor();
    const minutes = () =>
      list
        .locator(':scope > li')
        .evaluateAll((items) =>
          Object.fromEntries(
            items.map((li) => [
              li.getAttribute('aria-label') ?? '',
              Number((li.querySelector('.db-minutes')?.textContent ?? '').replace(/[^\d.]/g, '')),
            ]),
          ),
        );
    const before = await minutes();
    const meter = page.getByRole('meter', { name: 'Planned minutes' });
    const plannedBefore = Number(await meter.getAttribute('aria-valuenow'));
    await list.getByRole('listitem', { name: 'Your questions' }).getByRole('button', { name: 'Hide slide' }).click();
    const said = page.locator('.db-moved');
    await said.waitFor();
    const text = (await said.textContent()) ?? '';
    expect(text).toContain('“Your questions” hidden');
    const after = await minutes();
    const grew = Object.entries(after).filter(([title, m]) => before[title] !== undefined && m > (before[title] ?? 0));
    const plannedAfter = Number(await meter.getAttribute('aria-valuenow'));
    if (grew.length > 0) {
      // Every slide that grew is named with its minutes.
      for (const [title, m] of grew) expect(text).toContain(`+${m - (before[title] ?? 0)} min to “${title}”`);
    } else {
      expect(plannedAfter).toBeLessThan(plannedBefore);
      expect(text).toMatch(/min left free/);
    }

    // In person (4:3), a goal with a chart shows two points beside it: the editor offers two.
    await list.locator('[data-slide-id="goal-retirement"] .db-slide-title').click();
    const points = page.getByLabel('Points', { exact: true });
    await points.waitFor();
    const hint = await page.evaluate(
      () =>
        document.getElementById(
          document.querySelector('.db-editor textarea')?.getAttribute('aria-describedby')?.split(' ').pop() ?? '',
        )?.textContent ?? '',
    );
    expect(hint).toContain('up to 2');
    const lines = (await points.inputValue()).split('\n').filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(2);
    const drawn = await page.locator('.db-work .slide .points li').allTextContents();
    expect(drawn).toEqual(lines);
    await points.fill('One\nTwo\nThree');
    await expect.poll(() => page.locator('.db-editor .field-error').textContent()).toContain('at most 2 points');
  });
});

describe('intake fields', () => {
  it('formats amounts as typed, says date problems in the picker’s words, counts problems right, and marks what the prospect reads', async () => {
    const { host: running } = await host(await sampleAdvisor());
    const page = await openApp(browser, running, DESKTOP);
    await page.getByRole('button', { name: 'New prospect' }).click();
    await page.getByLabel('First name', { exact: true }).fill('Ana');
    await page.getByLabel('Last name', { exact: true }).fill('Silva');
    await page.getByRole('checkbox', { name: 'Retirement' }).check();
    const assets = page.getByLabel('Investable assets', { exact: true });
    await assets.fill('650000');
    await assets.blur();
    await expect.poll(() => assets.inputValue()).toBe('650,000');
    // A language by name; the value is still the tag.
    const language = page.getByLabel('Language', { exact: true });
    expect(await language.locator('option', { hasText: 'Français (Canada)' }).getAttribute('value')).toBe('fr-CA');
    await language.selectOption('fr-CA');
    await assets.focus();
    await assets.blur();
    await expect.poll(() => assets.inputValue()).toMatch(/^650[\s\u00a0\u202f]000$/);
    // One problem left: the date. Said in the words of the date field, counted in the singular.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'to fix' }).first().textContent())
      .toContain('1 problem to fix');
    const dateError = await page.locator('.field-invalid .field-error').allTextContents();
    expect(dateError.join(' ')).not.toContain('2026-12-03T14:00');
    expect(dateError.join(' ')).toContain('day and the time');
    // Shown to the prospect, and Notes private.
    const described = (label: string) =>
      page.getByLabel(label, { exact: true }).evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    expect(await described('Urgent need')).toContain('Shown to the prospect');
    expect(await described('First name')).toContain('Shown to the prospect');
    expect(await described('Notes')).toContain('Private');
    // Saved: "Draft kept" is not left on screen.
    await page.getByLabel('Meeting date and time', { exact: true }).fill('2027-01-14T09:30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.draft-state').textContent()).toBe('');
    // Stored as a number.
    await page.getByRole('button', { name: 'Prospects' }).click();
    await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
  });
});

describe('French', () => {
  it('says Défaire for Undo, formats minutes with a comma, and keeps the meeting format whole', async () => {
    const { host: running } = await host(await sampleAdvisor());
    const page = await openApp(browser, running, IPAD);
    await page.evaluate(() => localStorage.setItem('advisor-deck.language', 'fr'));
    await page.reload();
    await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
    await importSample(page, (s) => ({ ...s, meeting: { ...(s['meeting'] as object), minutes: 30 } }));
    await page
      .getByRole('list', { name: 'Prospects' })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .first()
      .click();
    // The meeting format's name fits its menu.
    const format = page.getByLabel('Format du rendez-vous', { exact: true });
    await format.waitFor();
    expect(await format.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await page.getByRole('button', { name: 'Préparer la présentation' }).click();
    await page.getByRole('list', { name: 'Diapositives' }).waitFor();
    expect(await page.getByRole('button', { name: 'Défaire' }).count()).toBe(1);
    const meterText = (await page.getByRole('meter').getAttribute('aria-valuetext')) ?? '';
    expect(meterText).not.toMatch(/\d\.\d/);
    // The builder's actions sit on one line beside the title.
    const tops = await page
      .locator('.screen-head .actions > *')
      .evaluateAll((els) => [...new Set(els.map((el) => Math.round(el.getBoundingClientRect().top)))]);
    expect(tops.length).toBe(1);
  });
});
