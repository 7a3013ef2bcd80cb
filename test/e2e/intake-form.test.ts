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
import { deepFieldChain, fanOutFieldTree, objectStreamBomb } from '../support/hostilePdfs';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });
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
    await fileInput.setInputFiles([
      {
        name: 'maria.json',
        mimeType: 'application/json',
        buffer: await readFile(join(ROOT, 'templates/samples/intake.json')),
      },
    ]);
    const rows = page.getByRole('list', { name: 'Prospects' }).getByRole('listitem');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(1);
    await rows.first().getByRole('button').first().click();

    await page.getByRole('button', { name: 'Send intake form' }).click();
    const [id = ''] = await prospectFolders(dir);
    const folder = join(dir, 'prospects', id);
    await page.getByRole('button', { name: 'Open email draft' }).waitFor();
    expect(existsSync(join(folder, 'intake-form.pdf')) && existsSync(join(folder, 'intake-form.eml'))).toBe(true);
    // The browser cannot hand the draft to the mail app: it downloads it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Open email draft' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('intake-form.eml');

    const values = join(dir, 'values.json');
    await writeFile(values, JSON.stringify({ 'prospect.phone': '+1 415 555 0199', 'goals.home': true }));
    const filled = join(dir, 'filled.pdf');
    await run(PYTHON, [join(ROOT, 'test/support/fill_form.py'), join(folder, 'intake-form.pdf'), filled, values]);

    await page.getByRole('button', { name: 'Prospects' }).click();
    const before = await savedIntakes(dir);
    const importReturned = () =>
      fileInput.setInputFiles([{ name: 'Maria returned.pdf', mimeType: 'application/pdf', buffer: filledBytes }]);
    const filledBytes = await readFile(filled);
    await fileInput.setInputFiles([
      { name: 'Maria returned.pdf', mimeType: 'application/pdf', buffer: filledBytes },
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') },
    ]);
    // The prospect's own form shows what it would change, and changes nothing yet.
    const pending = page.getByRole('region', { name: 'Returned form from Maria Lopez: what it would change' });
    await pending.waitFor({ timeout: 60_000 });
    expect(await pending.getByRole('row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^prospect\.phone.*\+1 415 555 0199$/)]),
    );
    const problems = page.getByRole('region', { name: 'Import: files with problems' });
    await expect.poll(() => problems.textContent(), { timeout: 60_000 }).toContain('scan.pdf');
    expect(await problems.textContent()).toContain('is not a PDF file');
    expect(await savedIntakes(dir)).toEqual(before);
    // Keep as it is: nothing changes.
    await pending.getByRole('button', { name: 'Keep as it is' }).click();
    await pending.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await savedIntakes(dir)).toEqual(before);
    // The same form again, and Apply changes: now it changes.
    await importReturned();
    await pending.getByRole('button', { name: 'Apply changes' }).click();
    await pending.waitFor({ state: 'detached', timeout: 60_000 });
    await expect
      .poll(async () => (await savedIntakes(dir))[0]?.intake, { timeout: 60_000 })
      .toMatchObject({ prospect: { phone: '+1 415 555 0199' }, goals: ['retirement', 'education', 'home', 'tax'] });
    expect(await savedIntakes(dir)).toHaveLength(1);

    // A forged form: made with the prospect's id (the CLI can) but without their secret.
    const forged = join(dir, 'forged.pdf');
    await run(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', 'intake-form', '--prospect-id', id, '--out', forged],
      { cwd: ROOT },
    );
    await writeFile(
      values,
      JSON.stringify({
        'prospect.firstName': 'Maria',
        'prospect.lastName': 'Lopez',
        'prospect.email': 'attacker@example.com',
        'goals.tax': true,
        'meeting.startsAt': '2027-01-05T10:00',
        'meeting.timeZone': 'America/Los_Angeles',
      }),
    );
    const forgedFilled = join(dir, 'forged-filled.pdf');
    await run(PYTHON, [join(ROOT, 'test/support/fill_form.py'), forged, forgedFilled, values]);
    await fileInput.setInputFiles([
      { name: 'forged.pdf', mimeType: 'application/pdf', buffer: await readFile(forgedFilled) },
    ]);
    const unmatched = page.getByRole('region', { name: 'Returned forms imported as new prospects' });
    await expect.poll(() => unmatched.textContent(), { timeout: 60_000 }).toContain('forged.pdf');
    expect(await page.getByRole('region', { name: /what it would change/ }).count()).toBe(0);
    const intakes = await savedIntakes(dir);
    expect(intakes).toHaveLength(2);
    expect(intakes.find((i) => i.id === id)?.intake).toMatchObject({
      prospect: { email: 'maria.lopez@example.com', phone: '+1 415 555 0199' },
    });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  it('reads hostile forms off the main thread: another window answers while they are read, then each is listed with its reason', async () => {
    const page = await openApp(browser, host);
    const before = (await savedIntakes(dir)).length;
    const files = [
      { name: 'chain.pdf', bytes: deepFieldChain(100_000) },
      { name: 'bomb.pdf', bytes: objectStreamBomb(2048) },
      { name: 'fan-out.pdf', bytes: fanOutFieldTree(40) },
    ];
    for (const file of files) await writeFile(join(dir, file.name), file.bytes);
    const events: string[] = [];
    const problems = page.getByRole('region', { name: 'Import: files with problems' });
    await page.locator('input[type=file]').setInputFiles(
      files.map((f) => join(dir, f.name)),
      { timeout: 120_000 },
    );
    const imported = (async () => {
      await expect.poll(() => problems.textContent(), { timeout: 120_000 }).toContain('fan-out.pdf');
      events.push('import answered');
    })();
    // Another window opens and lists the prospects while the forms are being read.
    const other = (async () => {
      const second = await openApp(browser, host);
      // The list (or, on its own, the empty state): both come from the host's answer.
      await second
        .getByRole('list', { name: 'Prospects' })
        .getByRole('listitem')
        .or(second.getByText('No prospects yet'))
        .first()
        .waitFor({ timeout: 120_000 });
      events.push('other window answered');
    })();
    await Promise.all([imported, other]);
    expect(events).toEqual(['other window answered', 'import answered']);
    const text = (await problems.textContent()) ?? '';
    for (const file of files) expect(text).toContain(file.name);
    expect(text).not.toMatch(/flattened/);
    expect(text).toMatch(/reached twice/);
    expect(text).toMatch(/expands to more than 16 MB|took more than \d+ s to read/);
    expect(await savedIntakes(dir)).toHaveLength(before);
  });
});
