/**
 * Present on a tablet (issue targets), over loopback with a real `npm run web --share-host
 * 127.0.0.1`: a slide change on the tablet until the laptop's window shows it; the tablet's
 * first slide with a 4× slower CPU; 1,000 queued events replayed to the laptop after a dropped
 * network. Times are taken in the pages (performance.timeOrigin + now(), one clock for both
 * pages on this machine) or around the real HTTP requests the tablet makes. The renderer must
 * be built (npm run build:app, or npm run web once).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { IPAD, launch } from '../test/e2e/browser';
import { startWebHost, type RunningHost } from '../test/support/web-host';
import { ms, percentile, type Row } from './measure';

const ROOT = join(import.meta.dirname, '..');
const CHANGES = 20;
const RUNS = 5;
const QUEUED = 1000;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

async function api(host: RunningHost, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await host.session()) },
    body: JSON.stringify({ input }),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!result.ok) throw new Error(`tablet bench: ${channel}: ${result.error ?? response.status}`);
  return result.value;
}

const onScreen = (page: Page) => page.locator('.slides > section.present').getAttribute('data-slide-id');

export async function benchTablet(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-deck-tablet-bench-'));
  copyFileSync(join(ROOT, 'templates/samples/advisor.json'), join(dir, 'advisor.json'));
  const host = await startWebHost(dir, ['--share-host', '127.0.0.1']);
  const browser = await launch();
  try {
    await api(host, 'prospects:import', {
      files: [{ name: 'intake.json', text: readFileSync(join(ROOT, 'templates/samples/intake.json'), 'utf8') }],
    });
    const id =
      readdirSync(join(dir, 'prospects')).find((n) => existsSync(join(dir, 'prospects', n, 'intake.json'))) ?? '';
    const started = (await api(host, 'share:start', { id })) as { started: boolean; status: { address: string } };
    if (!started.started) throw new Error('tablet bench: sharing did not start');

    const laptopContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const laptop = await laptopContext.newPage();
    await laptop.goto(host.url);
    await laptop.goto(`${host.origin}/#/present/${id}`);
    await laptop.locator('.deck[data-ready="true"]').waitFor();

    const tabletContext = await browser.newContext(IPAD);
    const tablet = await tabletContext.newPage();
    await tablet.goto(started.status.address);
    await tablet.locator('.deck[data-ready="true"]').waitFor();
    const ids = (await tablet.evaluate(
      `[...document.querySelectorAll('.slides > section')].map((s) => s.getAttribute('data-slide-id'))`,
    )) as string[];

    // Row 1: the tablet turns a slide; the laptop's window shows the same one.
    const lags: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const target = ids[(i % (ids.length - 1)) + 1] ?? '';
      const back = i % (ids.length - 1) === ids.length - 2;
      const shown = laptop.evaluate(`new Promise((resolve, reject) => {
        const target = ${JSON.stringify(target)};
        const timer = setTimeout(() => reject(new Error('the laptop never showed ' + target)), 15000);
        const observer = new MutationObserver(() => {
          const s = document.querySelector('.slides > section.present');
          if (!s || s.getAttribute('data-slide-id') !== target) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(document.querySelector('.slides'), { attributes: true, subtree: true, attributeFilter: ['class'] });
      })`) as Promise<number>;
      const at = (await tablet.evaluate(
        `(() => { const at = performance.timeOrigin + performance.now(); window.presentation.slide(${ids.indexOf(target)}); return at; })()`,
      )) as number;
      lags.push((await shown) - at);
      if (back) {
        await tablet.evaluate('window.presentation.slide(0)');
        while ((await onScreen(laptop)) !== ids[0]) await sleep(20);
      }
    }

    // Row 2: the tablet's deck, loaded again with a 4× slower CPU, to its first slide.
    const cdp = await tabletContext.newCDPSession(tablet);
    const firsts: number[] = [];
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    try {
      for (let i = 0; i < RUNS; i++) {
        await tablet.reload();
        await tablet.locator('.deck[data-ready="true"]').waitFor();
        const mark = (await tablet.evaluate(
          `new Promise((resolve) => { const read = () => { const m = performance.getEntriesByName('deck-first-slide')[0]; if (m) resolve(m.startTime); else requestAnimationFrame(read); }; read(); })`,
        )) as number;
        firsts.push(mark);
      }
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }

    // Row 3: 1,000 events queued on the tablet during a dropped network, replayed as its page
    // does (200 a request, in order), until the laptop has applied every one.
    const cookie = (await tabletContext.cookies()).find((c) => c.name === 'advisor_deck_tablet');
    const origin = new URL(started.status.address).origin;
    const now = Date.now();
    const events = Array.from({ length: QUEUED }, (_, i) =>
      i % 50 === 49
        ? {
            id: `bench-q-${i}-${now}`,
            kind: 'question',
            text: `Queued question ${i}`,
            slideId: ids[i % ids.length],
            at: new Date(now + i).toISOString(),
          }
        : {
            id: `bench-s-${i}-${now}`,
            kind: 'slide',
            slideId: ids[i % ids.length],
            at: new Date(now + i).toISOString(),
          },
    );
    const replayStart = performance.now();
    for (let i = 0; i < events.length; i += 200) {
      const response = await fetch(`${origin}/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Cookie: `advisor_deck_tablet=${cookie?.value ?? ''}`,
          Origin: origin,
        },
        body: JSON.stringify({ events: events.slice(i, i + 200) }),
      });
      const body = (await response.json()) as { acked: string[] };
      if (body.acked.length !== Math.min(200, events.length - i))
        throw new Error('tablet bench: not every event was acknowledged');
    }
    const replay = performance.now() - replayStart;
    const live = JSON.parse(readFileSync(join(dir, 'prospects', id, 'meeting-live.json'), 'utf8')) as {
      questions: unknown[];
    };
    if (live.questions.length < 20) throw new Error('tablet bench: the queued questions did not reach the meeting');

    await laptopContext.close();
    await tabletContext.close();
    const p95 = percentile(sorted(lags), 95);
    const first = percentile(sorted(firsts), 50);
    return [
      {
        name: `tablet: slide change tablet → laptop window, loopback (p95 of ${CHANGES}; median ${ms(percentile(sorted(lags), 50))})`,
        value: ms(p95),
        target: '≤ 150 ms',
        ok: p95 <= 150,
      },
      {
        name: `tablet: deck first slide on the tablet, 4× CPU slowdown (median of ${RUNS})`,
        value: `${ms(first)} (max ${ms(Math.max(...firsts))})`,
        target: '≤ 800 ms',
        ok: first <= 800,
      },
      {
        name: `tablet: ${QUEUED.toLocaleString('en-US')} queued events replayed and applied`,
        value: ms(replay),
        target: '≤ 1000 ms',
        ok: replay <= 1000,
      },
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
