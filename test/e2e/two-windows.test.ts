// Two windows on one prospect, and a damaged meeting file, end to end (issue 17.6 and 17.7): a
// real `npm run web` on a temp data folder, Chromium, elements found by role and name, and what
// is on disk read back. Waits are on states and files, never on time.
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../core/api';
import type { RunningHost } from '../support/web-host';
import { openApp, startWebHost, tempDataFolder } from './app';
import { launch } from './browser';

vi.setConfig({ testTimeout: 150_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_ADVISOR = join(ROOT, 'templates/samples/advisor.json');
const SAMPLE_INTAKE = join(ROOT, 'templates/samples/intake.json');
const ID = 'p-00000000000000aa';
const STALE = 'This prospect changed in another window.';

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

/** One call to the host's API, as the window makes it (cookie, the page's secret, same Origin, JSON). */
async function api<T>(host: RunningHost, channel: string, input?: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await host.session()) },
    body: JSON.stringify({ input }),
  });
  expect(response.status).toBe(200);
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error}`);
  return result.value;
}

/** A data folder with the sample advisor and the sample intake saved as one prospect, and a host on it. */
async function prospectHere(): Promise<{ dir: string; host: RunningHost }> {
  const dir = await tempDataFolder();
  folders.push(dir);
  await copyFile(SAMPLE_ADVISOR, join(dir, 'advisor.json'));
  const host = await startWebHost(dir);
  hosts.push(host);
  const saved = await api<{ saved: boolean }>(host, 'prospects:save', {
    id: ID,
    intake: JSON.parse(await readFile(SAMPLE_INTAKE, 'utf8')) as unknown,
  });
  expect(saved.saved).toBe(true);
  return { dir, host };
}

const onDisk = async (dir: string, name: string): Promise<Record<string, unknown> | null> => {
  try {
    return JSON.parse(await readFile(join(dir, 'prospects', ID, name), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
};

async function openProspect(page: Page, host: RunningHost): Promise<void> {
  await page.goto(`${host.origin}/#/prospect/${ID}`);
  await page.getByRole('heading', { name: 'Maria Lopez', level: 2 }).waitFor();
}

const staleAlert = (page: Page) => page.getByRole('alert').filter({ hasText: STALE });

describe('two windows on one prospect', () => {
  it('refuses the save of the window that loaded before the other saved, says so, and Reload shows what is saved', async () => {
    const { dir, host } = await prospectHere();
    const a = await openApp(browser, host);
    const b = await a.context().newPage();
    await openProspect(a, host);
    await openProspect(b, host);
    const notes = (page: Page) => page.getByLabel('Notes', { exact: true });

    // A saves.
    await notes(a).fill('From window A: call after 5 pm.');
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => (await onDisk(dir, 'intake.json'))?.['notes'])
      .toBe('From window A: call after 5 pm.');
    await expect.poll(async () => onDisk(dir, 'draft.json')).toBeNull();

    // B, still on what it loaded before A's save: its draft is refused, and so is its Save.
    await notes(b).fill('From window B: mornings only.');
    await staleAlert(b).waitFor();
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await staleAlert(b).count()).toBe(1);
    // A's data, untouched: no draft of B's beside it, the intake as A saved it.
    expect(await onDisk(dir, 'draft.json')).toBeNull();
    expect((await onDisk(dir, 'intake.json'))?.['notes']).toBe('From window A: call after 5 pm.');
    expect(await staleAlert(a).count()).toBe(0);

    // The browser's own reload of B brings back what B typed (its session copy), still refused.
    await b.reload();
    await staleAlert(b).waitFor();
    expect(await notes(b).inputValue()).toBe('From window B: mornings only.');
    expect(await onDisk(dir, 'draft.json')).toBeNull();
    expect((await onDisk(dir, 'intake.json'))?.['notes']).toBe('From window A: call after 5 pm.');

    // Reload: B shows A's data, and saves from it again.
    await staleAlert(b).getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => notes(b).inputValue()).toBe('From window A: call after 5 pm.');
    expect(await staleAlert(b).count()).toBe(0);
    await notes(b).fill('From window B, after reloading.');
    await expect.poll(async () => (await onDisk(dir, 'draft.json'))?.['notes']).toBe('From window B, after reloading.');
    expect(await staleAlert(b).count()).toBe(0);

    // Now A is the one behind: its next keystroke is refused in turn, B's draft stays.
    await notes(a).fill('From window A, again.');
    await staleAlert(a).waitFor();
    expect((await onDisk(dir, 'draft.json'))?.['notes']).toBe('From window B, after reloading.');
    expect([...((a as Page & { errors?: string[] }).errors ?? [])]).toEqual([]);
  });

  it('refuses deck changes from a builder that loaded before another builder saved', async () => {
    const { dir, host } = await prospectHere();
    const a = await openApp(browser, host);
    const b = await a.context().newPage();
    for (const page of [a, b]) {
      await page.goto(`${host.origin}/#/deck/${ID}`);
      await page.getByRole('heading', { name: 'Deck for Maria Lopez', level: 2 }).waitFor();
    }
    const deckFile = () => onDisk(dir, 'deck.json');
    await a.getByRole('button', { name: 'Hide slide', exact: true }).first().click();
    await expect.poll(async () => ((await deckFile())?.['hidden'] as string[] | undefined)?.length ?? 0).toBe(1);
    const afterA = await deckFile();

    await b.getByRole('button', { name: 'Move down', exact: true }).first().click();
    await staleAlert(b).waitFor();
    expect(await deckFile()).toEqual(afterA);

    await staleAlert(b).getByRole('button', { name: 'Reload' }).click();
    await b.getByRole('heading', { name: 'Deck for Maria Lopez', level: 2 }).waitFor();
    await b.getByRole('button', { name: 'Move down', exact: true }).first().waitFor();
    expect(await staleAlert(b).count()).toBe(0);
    await b.getByRole('button', { name: 'Move down', exact: true }).first().click();
    await expect
      .poll(async () => ((await deckFile())?.['order'] as string[] | undefined)?.length ?? 0)
      .toBeGreaterThan(0);
    // A's hidden slide survived B's save: B saved from the reloaded changes.
    expect((await deckFile())?.['hidden']).toEqual(afterA?.['hidden']);
  });
});

describe('a damaged meeting in progress', () => {
  it('is set aside, reported on the prospect, Prospects and wrap-up screens, and present starts a new meeting', async () => {
    const { dir, host } = await prospectHere();
    await api(host, 'meeting:start', { id: ID });
    await api(host, 'meeting:record', { id: ID, event: { kind: 'question', text: 'How are you paid?' } });
    const live = join(dir, 'prospects', ID, 'meeting-live.json');
    const damaged = (await readFile(live, 'utf8')).slice(0, 50);
    await writeFile(live, damaged);

    const page = await openApp(browser, host);
    await openProspect(page, host);
    const report = page
      .getByRole('alert')
      .filter({ hasText: 'The meeting in progress could not be read; it was kept as meeting-live.damaged-' });
    await report.waitFor();
    const keptAs = /meeting-live\.damaged-[0-9TZ-]+\.json/.exec((await report.textContent()) ?? '')?.[0];
    expect(keptAs).toBeDefined();
    expect(await readFile(join(dir, 'prospects', ID, keptAs ?? ''), 'utf8')).toBe(damaged);
    expect((await readdir(join(dir, 'prospects', ID))).filter((n) => n.startsWith('meeting-live'))).toEqual([keptAs]);

    // The Prospects screen lists it with the other damaged files.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
    const list = page.getByText(/damaged files? (was|were) set aside/);
    await list.click();
    await page
      .getByText(keptAs ?? '', { exact: false })
      .first()
      .waitFor();

    // Present starts a new meeting (never over the copy); wrap-up says what happened too.
    await page.goto(`${host.origin}/#/present/${ID}`);
    await expect.poll(async () => (await onDisk(dir, 'meeting-live.json'))?.['questions']).toEqual([]);
    expect(await readFile(join(dir, 'prospects', ID, keptAs ?? ''), 'utf8')).toBe(damaged);
    await page.goto(`${host.origin}/#/wrap-up/${ID}`);
    await page.getByRole('heading', { name: 'Wrap-up: Maria Lopez', level: 2 }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: keptAs ?? '' })
      .waitFor();
    await page.getByRole('button', { name: 'Create summary and follow-up' }).waitFor();
  });
});
