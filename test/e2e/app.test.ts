// The app's screens end to end: a real `npm run web` process on a temp data folder, driven in
// Chromium by accessible names, its files read back from disk and built with the real CLI.
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkIntake } from '../../core/intake/intake';
import { HOSTILE } from '../support/samples';
import type { RunningHost } from '../support/web-host';
import { fillIntake, openApp, prospectFolders, savedIntakes, startWebHost, tabTo, tempDataFolder } from './app';
import { IPAD, launch } from './browser';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_ADVISOR = join(ROOT, 'templates/samples/advisor.json');

let browser: Browser;
const hosts: RunningHost[] = [];
const folders: string[] = [];

async function freshHost(): Promise<{ host: RunningHost; dir: string }> {
  const dir = await tempDataFolder();
  folders.push(dir);
  const host = await startWebHost(dir);
  hosts.push(host);
  return { host, dir };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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

describe('intake form', () => {
  it('makes a prospect with the keyboard alone, saved as an intake the CLI builds', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await tabTo(page, 'New prospect');
    await page.keyboard.press('Enter');
    await page.getByLabel('First name', { exact: true }).waitFor();
    const type = async (label: string, text: string) => {
      await tabTo(page, label);
      await page.keyboard.type(text);
    };
    await type('First name', 'Renée');
    await type('Last name', "O'Brien-Côté");
    await type('Email', 'renee@example.com');
    await type('Age', '52');
    await type('Partner first name', 'Luc');
    await tabTo(page, 'Add dependent');
    await page.keyboard.press('Enter');
    // The new row takes the focus.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent))
      .toBe('Dependent 1 first name');
    await page.keyboard.type('Zoé');
    await type('Dependent 1 age', '14');
    await type('Investable assets', '450 000');
    for (const goal of ['Taxes', 'Retirement', 'Education']) {
      await tabTo(page, goal);
      await page.keyboard.press('Space');
    }
    // Retirement was ticked second: move it to the top with the keyboard.
    await page.getByRole('listitem', { name: 'Retirement' }).getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    await type('Urgent need', 'Rollover of a 401(k) from a former employer');
    await tabTo(page, 'Add concern');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Market swings close to retirement');
    await tabTo(page, 'Add question');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Can we retire at 60?');
    await tabTo(page, 'Meeting date and time');
    await page.keyboard.type('12032026');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('0200PM');
    await tabTo(page, 'Time zone');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('America/Toronto');
    await page.keyboard.press('Enter');
    // The language is picked by its name; the intake keeps the tag.
    await tabTo(page, 'Language');
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français (Canada)' });
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await savedIntakes(dir)).length).toBe(1);

    const [saved] = await savedIntakes(dir);
    if (!saved) throw new Error('no intake saved');
    expect(saved.intake).toMatchObject({
      locale: 'fr-CA',
      prospect: {
        firstName: 'Renée',
        lastName: "O'Brien-Côté",
        email: 'renee@example.com',
        age: 52,
        partner: { firstName: 'Luc' },
        dependents: [{ firstName: 'Zoé', age: 14 }],
      },
      finances: { investableAssets: 450000 },
      goals: ['retirement', 'tax', 'education'],
      concerns: ['Market swings close to retirement'],
      questions: ['Can we retire at 60?'],
      meeting: { startsAt: '2026-12-03T14:00', timeZone: 'America/Toronto' },
    });
    expect(checkIntake(saved.intake).ok).toBe(true);
    // No draft is left once the intake is saved.
    await expect(stat(join(dir, 'prospects', saved.id, 'draft.json'))).rejects.toThrow();

    const out = join(dir, 'cli-out');
    const cli = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli.ts',
        'build',
        join(dir, 'prospects', saved.id, 'intake.json'),
        '--advisor',
        SAMPLE_ADVISOR,
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
      },
    );
    expect(cli.stdout).toContain('Built');
    expect((await stat(join(out, 'deck.html'))).size).toBeGreaterThan(1000);
  });

  it('shows a missing required field and a bad email at their fields, focuses the first, and saves nothing', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await page.getByRole('button', { name: 'New prospect' }).click();
    await fillIntake(page, { 'Last name': 'Nguyen', Email: 'not-an-email' });
    await page.getByLabel('Email', { exact: true }).blur();
    // Shown when the advisor leaves the field.
    const email = page.getByLabel('Email', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save' }).click();
    const first = page.getByLabel('First name', { exact: true });
    await expect.poll(() => first.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent))
      .toBe('First name');
    for (const field of [first, email]) {
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const message = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
      expect(message).toMatch(/must|required|empty/);
    }
    expect(await page.getByLabel('Meeting date and time').getAttribute('aria-invalid')).toBe('true');
    expect(await savedIntakes(dir)).toEqual([]);
  });

  it('keeps what was typed across a reload, as a draft apart from intake.json', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await page.getByRole('button', { name: 'New prospect' }).click();
    await page.getByLabel('First name', { exact: true }).fill('Hiroshi');
    await page.getByLabel('Urgent need', { exact: true }).pressSequentially('Tax on a severance');
    await page.reload();
    await expect.poll(() => page.getByLabel('First name', { exact: true }).inputValue()).toBe('Hiroshi');
    expect(await page.getByLabel('Urgent need', { exact: true }).inputValue()).toBe('Tax on a severance');
    const [id = ''] = await prospectFolders(dir);
    expect(JSON.parse(await readFile(join(dir, 'prospects', id, 'draft.json'), 'utf8'))).toMatchObject({
      prospect: { firstName: 'Hiroshi' },
      urgentNeed: 'Tax on a severance',
    });
    expect(await savedIntakes(dir)).toEqual([]);
  });

  it('shows hostile strings as text and runs nothing', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await page.getByRole('button', { name: 'New prospect' }).click();
    const name = HOSTILE[0] ?? '<img src=x onerror="window.__pwned=1">';
    await fillIntake(page, {
      'First name': name.slice(0, 100),
      'Last name': '<script>window.__pwned=1</script>',
      Notes: HOSTILE.join('\n'),
      'Meeting date and time': '2026-12-03T14:00',
    });
    await page.getByRole('checkbox', { name: 'Home' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await savedIntakes(dir)).length).toBe(1);
    await page.getByRole('button', { name: 'Prospects' }).click();
    const list = page.getByRole('list', { name: 'Prospects' });
    await expect.poll(() => list.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('.prospect-list img, .prospect-list script').count()).toBe(0);
  });
});

describe('prospects', () => {
  it('imports good and bad intake files: good ones land, bad ones listed by field', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    const good = await readFile(join(ROOT, 'templates/samples/intake.json'));
    const french = await readFile(join(ROOT, 'test/fixtures/intake-fr.json'));
    const bad = Buffer.from(
      JSON.stringify({
        prospect: { firstname: 'X', lastName: 'Y' },
        goals: ['yachts'],
        meeting: { startsAt: '2026-13-01T10:00', timeZone: 'Mars/Olympus' },
      }),
    );
    await page.locator('input[type=file]').setInputFiles([
      { name: 'good.json', mimeType: 'application/json', buffer: good },
      { name: 'french.json', mimeType: 'application/json', buffer: french },
      { name: 'bad.json', mimeType: 'application/json', buffer: bad },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') },
    ]);
    const problems = page.getByRole('region', { name: 'Import: files with problems' });
    await expect.poll(() => problems.textContent()).toContain('bad.json');
    const text = (await problems.textContent()) ?? '';
    for (const field of ['prospect.firstname', 'goals[0]', 'meeting.startsAt', 'meeting.timeZone', 'broken.json'])
      expect(text).toContain(field);
    expect((await savedIntakes(dir)).length).toBe(2);
    await expect.poll(() => page.getByRole('list', { name: 'Prospects' }).getByRole('listitem').count()).toBe(2);
  });

  it('imports intake files dropped on the window', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    const text = await readFile(join(ROOT, 'test/fixtures/intake-cjk.json'), 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect.poll(async () => (await savedIntakes(dir)).length).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Prospects' }).textContent()).toContain('山田');
  });

  it('keeps the stage the advisor sets, and shows it in the list', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'good.json',
        mimeType: 'application/json',
        buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
      },
    ]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button').first().click();
    await page.getByLabel('Stage').selectOption('client');
    const [id = ''] = await prospectFolders(dir);
    await expect
      .poll(
        async () =>
          (JSON.parse(await readFile(join(dir, 'prospects', id, 'prospect.json'), 'utf8')) as { status: string })
            .status,
      )
      .toBe('client');
    await page.getByRole('button', { name: 'Prospects' }).click();
    await expect.poll(() => rows.first().textContent()).toContain('Client');
  });

  it('deletes to the trash with Undo', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'good.json',
        mimeType: 'application/json',
        buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
      },
    ]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Delete prospect' }).click();
    await expect.poll(() => prospectFolders(dir)).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await savedIntakes(dir)).length).toBe(1);
    await expect.poll(() => rows.count()).toBe(1);
  });
});

describe('advisor profile and preview', () => {
  it('refuses to build without a profile, then builds the deck once Settings has one', async () => {
    const { host, dir } = await freshHost();
    const page = await openApp(browser, host);
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'good.json',
        mimeType: 'application/json',
        buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
      },
    ]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Preview deck' }).click();
    await page.getByRole('button', { name: 'Set up my profile' }).click();

    await fillIntake(page, {
      Name: 'Dana Whitfield',
      Firm: 'Harbor & Main Advisors',
      Email: 'dana@example.com',
      Disclosure: 'Advisory services offered through Harbor & Main. Hypothetical illustrations only.',
      Credentials: 'CFP, CFA',
    });
    await page.getByLabel('Preferred follow-up time').fill('09:30');
    await page.getByLabel('Holidays').fill('2026-12-25\n2027-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        async () =>
          JSON.parse(await readFile(join(dir, 'advisor.json'), 'utf8').catch(() => '{}')) as Record<string, unknown>,
      )
      .toMatchObject({
        name: 'Dana Whitfield',
        credentials: ['CFP', 'CFA'],
        followUp: { preferredTime: '09:30', holidays: ['2026-12-25', '2027-01-01'] },
      });

    await page.getByRole('button', { name: 'Prospects' }).click();
    await rows.first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Preview deck' }).click();
    const slides = page.locator('.preview-slide');
    await expect.poll(() => slides.count(), { timeout: 30_000 }).toBeGreaterThan(4);
    const [id = ''] = await prospectFolders(dir);
    const meetings = join(dir, 'prospects', id, 'meetings');
    const [meeting = ''] = await readdir(meetings);
    expect((await readdir(join(meetings, meeting))).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'plan.json',
      'summary.pdf',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('every screen', () => {
  it('has no serious or critical accessibility finding (axe), at the desktop and iPad sizes', async () => {
    const { host } = await freshHost();
    for (const options of [{ viewport: { width: 1280, height: 800 } }, IPAD]) {
      const page = await openApp(browser, host, options);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'New prospect' }).click();
      await page.getByLabel('First name', { exact: true }).fill('Ana');
      await page.getByRole('checkbox', { name: 'Retirement' }).check();
      await page.getByRole('button', { name: 'Add concern' }).click();
      await page.getByRole('button', { name: 'Add dependent' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Name', { exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Prospects' }).click();
      await page.getByRole('list', { name: 'Prospects' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
    // Eight axe passes, two at the iPad's double density: 6 to 10 s each on a loaded machine.
  }, 240_000);

  it('speaks French when the advisor picks it in Settings, and remembers it', async () => {
    const { host } = await freshHost();
    const page = await openApp(browser, host);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('App language').selectOption('fr');
    await page.getByRole('button', { name: 'Prospects' }).click();
    await page.getByRole('button', { name: 'Nouveau prospect' }).click();
    await page.getByLabel('Prénom', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByLabel('Prénom', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.reload();
    await page.getByRole('button', { name: 'Réglages' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
