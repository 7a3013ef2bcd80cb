// The contract's events (core/contract/events.ts): their payloads checked as they reach the
// window, the hub the app layer raises them on, and the web host carrying them to every open
// window as server-sent events (over real HTTP on 127.0.0.1, with the page's secret).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppEventHub, eventPayload, type Handlers } from '../../core/api';
import type { ShareStatus } from '../../core/meeting/tabletShare';
import { FOLLOW_UP_ID } from '../../core/followUp/record';
import { sendAppEvent } from '../../electron/adapters/ipc';
import { startWebHost } from '../../electron/services/web/server';

const status: ShareStatus = { active: false, version: 2, mode: 'presents', tablet: 'waiting', pending: [] };

describe('event payloads', () => {
  it('passes only payloads of the event’s shape', () => {
    const reminder = { followUpId: 'fu-1', title: 'Call Ana', body: 'Today' };
    expect(eventPayload('reminder', { ...reminder, extra: '<script>' })).toEqual(reminder);
    expect(eventPayload('reminder', { ...reminder, body: 1 })).toBeUndefined();
    expect(eventPayload('reminder', null)).toBeUndefined();
    expect(eventPayload('followups:focus', 'fu-1')).toBe('fu-1');
    for (const id of ['<img>', '', 'A', 'x'.repeat(65), 3]) expect(eventPayload('followups:focus', id)).toBeUndefined();
    expect(eventPayload('share:changed', { id: 'p-1', status })).toEqual({ id: 'p-1', status });
    expect(eventPayload('share:changed', { id: 'p-1', status: { active: 'yes', version: 1 } })).toBeUndefined();
    expect(eventPayload('share:changed', { status })).toBeUndefined();
  });

  it('checks follow-up ids as the follow-up record does', () => {
    for (const id of ['fu-1', 'a', 'x'.repeat(64), 'x'.repeat(65), '-a', 'A1', 'a_b', 'a b'])
      expect(eventPayload('followups:focus', id) !== undefined, id).toBe(FOLLOW_UP_ID.test(id));
  });

  it('hands each raised event to every subscriber until it unsubscribes', () => {
    const hub = new AppEventHub();
    const seen: string[] = [];
    const off = hub.subscribe((event, payload) => seen.push(`a ${event} ${JSON.stringify(payload)}`));
    hub.subscribe((event) => seen.push(`b ${event}`));
    hub.emit('followups:focus', 'fu-1');
    off();
    hub.emit('share:changed', { id: 'p-1', status });
    expect(seen).toEqual(['a followups:focus "fu-1"', 'b followups:focus', 'b share:changed']);
  });
});

describe('web host events stream', () => {
  const renderer = mkdtempSync(join(tmpdir(), 'events-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!DOCTYPE html><html><head></head><body></body></html>');
  afterAll(() => rmSync(renderer, { recursive: true, force: true }));

  it('sends every event of the hub to each open window, only with the page’s secret', async () => {
    const events = new AppEventHub();
    const host = await startWebHost({ handlers: {} as Handlers, events, rendererDir: renderer, token: 't'.repeat(32) });
    try {
      const origin = `http://127.0.0.1:${host.port}`;
      const page = await new Promise<{ cookie: string; secret: string }>((resolve, reject) => {
        request(host.url, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () =>
            resolve({
              cookie: String(res.headers['set-cookie']).split(';')[0] ?? '',
              secret: /name="advisor-deck-session" content="([^"]+)"/.exec(body)?.[1] ?? '',
            }),
          );
        })
          .on('error', reject)
          .end();
      });
      const open = (secret: string) =>
        new Promise<{ status: number; text: () => string; close(): void }>((resolve, reject) => {
          const req = request(`${origin}/api/events?session=${encodeURIComponent(secret)}`, {
            headers: { Cookie: page.cookie },
          });
          req.on('response', (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            resolve({ status: res.statusCode ?? 0, text: () => text, close: () => req.destroy() });
          });
          req.on('error', reject);
          req.end();
        });
      const refused = await open('wrong');
      expect(refused.status).toBe(403);
      const windows = [await open(page.secret), await open(page.secret)];
      for (const w of windows) expect(w.status).toBe(200);
      await Promise.all(windows.map((w) => expect.poll(() => w.text()).toBe(': connected\n\n')));
      events.emit('reminder', { followUpId: 'fu-1', title: 'Call Ana', body: 'Today' });
      events.emit('share:changed', { id: 'p-1', status });
      const expected =
        ': connected\n\nevent: reminder\ndata: {"followUpId":"fu-1","title":"Call Ana","body":"Today"}\n\n' +
        `event: share:changed\ndata: ${JSON.stringify({ id: 'p-1', status })}\n\n`;
      await Promise.all(windows.map((w) => expect.poll(() => w.text()).toBe(expected)));
      for (const w of windows) w.close();
    } finally {
      await host.close();
    }
  });
});

describe('IPC transport (electron/adapters/ipc.ts)', () => {
  it('sends an event on the channel of its name, once the window has loaded', () => {
    const sent: unknown[][] = [];
    let loading = true;
    let onLoad: (() => void) | undefined;
    const contents = {
      send: (...args: unknown[]) => sent.push(args),
      isLoading: () => loading,
      once: (event: string, listener: () => void) => {
        expect(event).toBe('did-finish-load');
        onLoad = listener;
        return contents;
      },
    };
    sendAppEvent(contents as never, 'followups:focus', 'fu-1');
    expect(sent).toEqual([]);
    loading = false;
    onLoad?.();
    sendAppEvent(contents as never, 'share:changed', { id: 'p-1', status });
    expect(sent).toEqual([
      ['followups:focus', 'fu-1'],
      ['share:changed', { id: 'p-1', status }],
    ]);
  });
});
