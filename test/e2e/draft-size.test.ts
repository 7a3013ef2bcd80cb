// A megabyte pasted into Notes: the box stops at its maxLength (the schema's limit in code
// units), the draft kept is small, and the next start reads it back instead of setting it aside
// as too large (the bug: 1.2 MB went into draft.json, over what a start reads).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS, UNITS_PER_CHARACTER } from '../../core/text/text';
import { openApp, prospectFolders, startWebHost, tempDataFolder } from './app';
import { launch } from './browser';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 90_000 });

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = await tempDataFolder();
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the size of what is typed', () => {
  it('keeps a pasted megabyte of Notes to the box, and the next start reads the draft back', async () => {
    const host = await startWebHost(dir);
    const page = await openApp(browser, host);
    await page.getByRole('button', { name: 'New prospect' }).click();
    await page.getByLabel('First name', { exact: true }).fill('Ana');
    const notes = page.getByLabel('Notes', { exact: true });
    expect(Number(await notes.getAttribute('maxlength'))).toBe(LIMITS.longText * UNITS_PER_CHARACTER);
    expect(Number(await page.getByLabel('First name', { exact: true }).getAttribute('maxlength'))).toBe(
      LIMITS.name * UNITS_PER_CHARACTER,
    );
    // A paste, as the browser performs one: 1.2 MB of text inserted at the caret in one edit.
    await notes.focus();
    await page.keyboard.insertText('y'.repeat(1_200_000));
    expect((await notes.inputValue()).length).toBe(LIMITS.longText * UNITS_PER_CHARACTER);
    const [id = ''] = await prospectFolders(dir);
    const draftPath = join(dir, 'prospects', id, 'draft.json');
    await expect
      .poll(
        async () =>
          ((JSON.parse(await readFile(draftPath, 'utf8').catch(() => '{}')) as { notes?: string }).notes ?? '').length,
        { timeout: 60_000 },
      )
      .toBe(LIMITS.longText * UNITS_PER_CHARACTER);
    // Still too long for the schema (said at the field on Save), but a draft the next start reads.
    expect(await host.stop()).toBe(0);

    const next = await startWebHost(dir);
    try {
      const response = await fetch(`${next.origin}/api/prospects:list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(await next.session()) },
        body: '{}',
      });
      const listed = (await response.json()) as {
        ok: true;
        value: { prospects: { id: string }[]; problems: unknown[] };
      };
      expect(listed.value.problems).toEqual([]);
      expect(listed.value.prospects.map((p) => p.id)).toEqual([id]);
    } finally {
      await next.stop();
    }
  });
});
