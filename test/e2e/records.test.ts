// The Records screen end to end: a real `npm run web` on a temp data folder, in Chromium, by
// accessible names. An intake form sent from the prospect's screen is recorded; Settings →
// Records lists it with its files, `Verify records` says the chain is intact (then names a file
// changed on disk), and `Export records` downloads a zip another reader (Python's) opens.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Records } from '../../electron/services/records';
import type { RunningHost } from '../support/web-host';
import { openApp, prospectFolders, startWebHost, tempDataFolder } from './app';
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

describe('the Records screen', () => {
  it('lists what was sent, verifies it intact, names a changed file, and exports a zip', async () => {
    const page = await openApp(browser, host);
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'maria.json',
        mimeType: 'application/json',
        buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
      },
    ]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Send intake form' }).click();
    await page.getByRole('button', { name: 'Open email draft' }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Records' }).click();
    await page.getByRole('heading', { name: 'Records', level: 2 }).waitFor();
    const entries = page
      .getByRole('list', { name: 'Records' })
      .getByRole('listitem')
      .filter({ hasText: 'Intake form sent' });
    await entries.first().waitFor();
    expect(await entries.count()).toBe(1);
    await expect.poll(() => entries.first().textContent()).toContain('intake-form.pdf');

    await page.getByRole('button', { name: 'Verify records' }).click();
    const status = page.getByRole('status').filter({ hasText: 'chain intact' });
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('1 record, 2 files, chain intact');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export records' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^records-.*\.zip$/);
    const zip = join(dir, 'export.zip');
    await download.saveAs(zip);
    const listed = (
      await run(PYTHON, [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))',
        zip,
      ])
    ).stdout.split('\n');
    const [id = ''] = await prospectFolders(dir);
    expect(listed).toEqual(
      expect.arrayContaining([
        'manifest.csv',
        'records/log.jsonl',
        `prospects/${id}/intake-form.pdf`,
        `prospects/${id}/intake-form.eml`,
      ]),
    );

    // A file changed on disk afterwards: Verify records names it, as the CLI does.
    await writeFile(join(dir, 'prospects', id, 'intake-form.eml'), 'changed');
    await page.getByRole('button', { name: 'Verify records' }).click();
    const broken = page.getByRole('status').filter({ hasText: 'intake-form.eml: changed since it was recorded' });
    await broken.waitFor();
    expect(await broken.textContent()).toContain(`records/log.jsonl:1: prospects/${id}/intake-form.eml`);
    expect((page as typeof page & { errors: string[] }).errors).toEqual([]);
  });

  it('opens a long log on its latest 500 entries, and shows the older ones on request', async () => {
    const long = await tempDataFolder();
    let other: RunningHost | undefined;
    try {
      await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(long, 'advisor.json'));
      // 510 entries appended as the app appends them (a real hash chain, fsync'd).
      let clock = Date.parse('2026-01-05T15:00:00Z');
      const records = new Records({ dataDir: long, now: () => clock, appVersion: 'test' });
      for (let i = 0; i < 510; i++) {
        clock += 3_600_000;
        await records.log.append({
          v: 1,
          at: new Date(clock).toISOString(),
          event: 'meeting rebuilt',
          prospect: `p-${i.toString(16).padStart(16, '0')}`,
          advisor: { name: 'Jordan Avery', firm: 'Harbor & Pine Wealth Partners' },
          app: 'test',
          files: [],
          kept: [],
        });
      }
      other = await startWebHost(long);
      const page = await openApp(browser, other);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('link', { name: 'Records' }).click();
      await page.getByRole('heading', { name: 'The latest 500 of 510 records', exact: true }).waitFor();
      const entries = page.getByRole('list', { name: 'Records' }).getByRole('listitem');
      expect(await entries.count()).toBe(500);
      // Newest first: the last entry appended (p-…1fd) leads.
      await expect.poll(() => entries.first().textContent()).toContain('p-00000000000001fd');

      await page.getByRole('button', { name: 'Show older records (10 more)' }).click();
      await page.getByRole('heading', { name: '510 records', exact: true }).waitFor();
      expect(await entries.count()).toBe(510);
      expect(await page.getByRole('button', { name: /^Show older records/ }).count()).toBe(0);
      // The focus is on the first of the older entries (the button is gone), the oldest last.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toContain('p-0000000000000009');
      expect(await entries.last().textContent()).toContain('p-0000000000000000');
    } finally {
      await other?.stop();
      await rm(long, { recursive: true, force: true });
    }
  });
});
