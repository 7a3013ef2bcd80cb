// The tablet page in WebKit, the engine of an iPad's Safari: Debian's WebKitGTK (MiniBrowser)
// driven through WebDriver pairs with the address `Present on tablet` gives, shows the deck,
// turns a slide with the edge arrow and takes a question; both land in the laptop's meeting.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { LiveMeeting } from '../../core/meeting/live';
import { startWebHost, type RunningHost } from '../support/web-host';
import { startWebKit, webkitAvailable, type WebDriver } from '../support/webdriver';
import { tempDataFolder } from './app';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const HOSTILE = 'WebKit <b>question</b> & "fees"?';
// CI installs WebKitGTK (.ci/run): there, a missing engine is a failure, not a skip.
const available = webkitAvailable() || process.env['CI'] === 'true';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function api(host: RunningHost, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await host.session()) },
    body: JSON.stringify({ input }),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!result.ok) throw new Error(`${channel}: ${result.error ?? response.status}`);
  return result.value;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, tries = 600): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (ok(value)) return value;
    if (i >= tries) throw new Error(`never: ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!available)('present on a tablet, in WebKit', () => {
  it('pairs, shows the deck, turns a slide and takes a question', async () => {
    const dir = await tempDataFolder();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(dir, { recursive: true });
    await copyFile(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
    const host = await startWebHost(dir, ['--share-host', '127.0.0.1']);
    cleanups.push(() => host.stop());
    const imported = (await api(host, 'prospects:import', {
      files: [{ name: 'intake.json', text: await readFile(join(ROOT, 'templates/samples/intake.json'), 'utf8') }],
    })) as { ok: boolean; prospect: { id: string } }[];
    const id = imported[0]?.prospect.id ?? '';
    const started = (await api(host, 'share:start', { id })) as { started: boolean; status: { address: string } };
    expect(started.started).toBe(true);
    const live = async () => {
      try {
        return JSON.parse(await readFile(join(dir, 'prospects', id, 'meeting-live.json'), 'utf8')) as LiveMeeting;
      } catch {
        return null;
      }
    };

    const webkit: WebDriver = await startWebKit();
    cleanups.push(() => webkit.quit());
    await webkit.go(started.status.address);
    await until(
      'the deck ready in WebKit',
      () => webkit.run<boolean>('return document.querySelector(\'.deck[data-ready="true"]\') !== null'),
      Boolean,
    );
    // Paired: the token left the address bar.
    expect(await webkit.run<string>('return location.search')).toBe('');
    const ids = await webkit.run<string[]>(
      "return [...document.querySelectorAll('.slides > section')].map((s) => s.getAttribute('data-slide-id'))",
    );
    expect(ids.length).toBeGreaterThan(5);
    await until('the first slide in the meeting', live, (m) => m?.visits.length === 1);

    // The edge arrow, as a finger on the tablet would press it.
    await webkit.click(await webkit.find('css selector', '.reveal .controls .navigate-right'));
    await until('the second slide in the meeting', live, (m) => m?.visits.at(-1)?.slideId === ids[1]);

    await webkit.click(await webkit.find('xpath', "//button[normalize-space()='Add question']"));
    const box = await webkit.find('css selector', 'textarea#tablet-question');
    await webkit.type(box, HOSTILE);
    await webkit.click(await webkit.find('xpath', "//button[normalize-space()='Save question']"));
    const meeting = await until('the question in the meeting', live, (m) => (m?.questions.length ?? 0) > 0);
    expect(meeting?.questions.map((q) => q.text)).toEqual([HOSTILE]);
    expect(meeting?.questions[0]?.slideId).toBe(ids[1]);
    // Text, never markup, on the tablet too.
    expect(await webkit.run<number>("return document.querySelectorAll('.tablet-dialog b').length")).toBe(0);
  });
});
