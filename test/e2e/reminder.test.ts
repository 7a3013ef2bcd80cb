// The browser's reminder path end to end: a follow-up comes due in the web host, the host sends
// it as a server-sent event (on the stream the page opened with its own secret), the window
// shows a notice, and the notice's button opens that follow-up. Time is not waited out: the
// follow-up is moved a few seconds ahead and the test waits for the notice (a state), and the
// events the page received are counted.
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../core/api';
import type { RunningHost } from '../support/web-host';
import { startWebHost, tempDataFolder } from './app';
import { launch } from './browser';

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

async function api<T>(channel: string, input?: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await host.session()) },
    body: JSON.stringify({ input }),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error}`);
  return result.value;
}

describe('a reminder in the browser', () => {
  it('comes due in the host, arrives as a server-sent event, shows a notice, and its button opens the follow-up', async () => {
    // A met prospect with a follow-up a week ahead (wrap-up through the API, as the window does it).
    const intake = JSON.parse(await readFile(join(ROOT, 'templates/samples/intake.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const saved = await api<{ saved: boolean; value: { id: string } }>('prospects:save', { intake });
    const id = saved.value.id;
    const deck = await api<{ ready: boolean; value: { intake: unknown } }>('deck:get', { id });
    expect(deck.ready).toBe(true);
    await api('meeting:start', { id });
    await api('meeting:end', { id });
    const zone = (intake['meeting'] as { timeZone: string }).timeZone;
    const aWeekAhead = DateTime.now()
      .setZone(zone)
      .plus({ days: 7 })
      .set({ hour: 15, minute: 30, second: 0, millisecond: 0 })
      .toFormat("yyyy-MM-dd'T'HH:mm");
    await api('meeting:wrapUp', { id, questions: [], followUpAt: aWeekAhead });
    const lists = await api<Record<string, { id: string; prospectName: string }[] | unknown>>('followups:list', {});
    const all = Object.values(lists).flatMap((v) =>
      Array.isArray(v) ? (v as { id: string; prospectName: string }[]) : [],
    );
    expect(all).toHaveLength(1);
    const followUp = all[0] as { id: string; prospectName: string };

    // The window, on Prospects, with its events stream open; the events it receives are counted
    // from the browser's own network log (CDP), set up before the page loads.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const events: { eventName: string; data: string }[] = [];
    cdp.on('Network.eventSourceMessageReceived', (e: { eventName: string; data: string }) => events.push(e));
    const stream = page.waitForResponse((r) => r.url().includes('/api/events?session='));
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Prospects', level: 2 }).waitFor();
    expect((await stream).status()).toBe(200);

    // Due a few seconds from now: the host's scheduler fires it and broadcasts it. (On a machine so
    // busy that the moment passed before the move landed, it fires at once, as a missed one.)
    const soon = DateTime.now().plus({ seconds: 10 }).toISO({ suppressMilliseconds: false }) ?? '';
    await api('followups:reschedule', { id: followUp.id, dueAt: soon });

    const notice = page.getByRole('status').filter({ hasText: followUp.prospectName });
    await notice.waitFor({ timeout: 90_000 });
    expect(await page.getByRole('status').getByRole('button', { name: 'Open', exact: true }).count()).toBe(1);
    await page.getByRole('status').getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 2 }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/follow-ups/${followUp.id}`);
    const item = page.getByRole('listitem', { name: followUp.prospectName });
    await item.waitFor();
    // One event, one notice: the reminder of this follow-up.
    const reminders = events.filter((e) => e.eventName === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(JSON.parse(reminders[0]?.data ?? '{}')).toMatchObject({
      followUpId: followUp.id,
      title: expect.stringContaining(followUp.prospectName) as unknown,
    });
    await context.close();
  });
});
