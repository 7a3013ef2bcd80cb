// `Send intake form` and the returned form, end to end: a real `npm run web` process on a temp
// data folder, driven in Chromium by accessible names; the form is filled by pypdf (an
// implementation independent of the app's reader) and imported through `Import intake`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, savedIntakes, startWebHost, tempDataFolder } from './app';
import { launch } from './browser';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

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
  await browser?.close();
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the intake form in the app', () => {
  it('sends the form with an email draft, then the returned PDF updates the prospect and shows what changed', async () => {
    const page = await openApp(browser, host);
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles([{ name: 'maria.json', mimeType: 'application/json', buffer: await readFile(join(ROOT, 'templates/samples/intake.json')) }]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button').first().click();

    await page.getByRole('button', { name: 'Send intake form' }).click();
    const [id = ''] = await prospectFolders(dir);
    const folder = join(dir, 'prospects', id);
    await page.getByRole('button', { name: 'Open email draft' }).waitFor();
    expect(existsSync(join(folder, 'intake-form.pdf')) && existsSync(join(folder, 'intake-form.eml'))).toBe(true);
    // The browser cannot hand the draft to the mail app: it downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Open email draft' }).click()]);
    expect(download.suggestedFilename()).toBe('intake-form.eml');

    const values = join(dir, 'values.json');
    await writeFile(values, JSON.stringify({ 'prospect.phone': '+1 415 555 0199', 'goals.home': true }));
    const filled = join(dir, 'filled.pdf');
    await run(PYTHON, [join(ROOT, 'test/support/fill_form.py'), join(folder, 'intake-form.pdf'), filled, values]);

    await page.getByRole('button', { name: 'Prospects' }).click();
    await fileInput.setInputFiles([
      { name: 'Maria returned.pdf', mimeType: 'application/pdf', buffer: await readFile(filled) },
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') },
    ]);
    const updates = page.getByRole('region', { name: 'Updated from returned intake forms' });
    await expect.poll(() => updates.textContent()).toContain('prospect.phone');
    expect(await updates.textContent()).toContain('goals');
    const problems = page.getByRole('region', { name: 'Import: files with problems' });
    await expect.poll(() => problems.textContent()).toContain('scan.pdf');
    expect(await problems.textContent()).toContain('is not a PDF file');
    const intakes = await savedIntakes(dir);
    expect(intakes).toHaveLength(1);
    expect(intakes[0]?.intake).toMatchObject({ prospect: { phone: '+1 415 555 0199' }, goals: ['retirement', 'education', 'home', 'tax'] });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });
});
