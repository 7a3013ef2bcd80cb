// The tablet server on its own, over real HTTP on 127.0.0.1: pairing, who gets what, limits,
// and each event applied once whatever the tablet sends again.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { TabletEvent } from '../../core/meeting/tabletShare';
import { MAX_TABLET_BODY, TabletServer } from '../../electron/services/share/server';

const servers: TabletServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the Host, Origin and Cookie headers are exactly what a test says. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

async function started(): Promise<{ server: TabletServer; applied: TabletEvent[]; origin: string }> {
  const applied: TabletEvent[] = [];
  const server = new TabletServer({
    host: '127.0.0.1',
    mode: 'presents',
    deck: () =>
      Promise.resolve({
        html: '<!DOCTYPE html><title>deck</title><div class="deck"></div>',
        csp: "default-src 'none'",
      }),
    apply: (events) => {
      applied.push(...events);
      return Promise.resolve();
    },
    changed: () => undefined,
  });
  await server.start();
  servers.push(server);
  return { server, applied, origin: new URL(server.address).origin };
}

async function pair(server: TabletServer): Promise<string> {
  const reply = await send(server.address);
  expect(reply.status).toBe(303);
  const cookie = String(reply.headers['set-cookie']).split(';')[0] ?? '';
  expect(String(reply.headers['set-cookie'])).toMatch(/HttpOnly/);
  expect(String(reply.headers['set-cookie'])).toMatch(/SameSite=Strict/);
  return cookie;
}

const post = (origin: string, cookie: string, events: unknown[]) =>
  send(`${origin}/events`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ events }),
  });

const slide = (id: string, slideId: string): TabletEvent => ({
  id,
  kind: 'slide',
  slideId,
  at: '2026-12-03T14:05:00.000Z',
});

describe('tablet server', () => {
  it('pairs the first device only; the token again waits for the advisor; wrong and absent tokens get 403', async () => {
    const { server, origin } = await started();
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    const cookie = await pair(server);
    const deck = await send(`${origin}/`, { headers: { Cookie: cookie } });
    expect(deck.status).toBe(200);
    expect(deck.body).toContain('class="deck"');
    expect(deck.headers['content-security-policy']).toBe("default-src 'none'");

    const again = await send(server.address);
    expect(again.status).toBe(403);
    expect(again.body).toContain('Waiting for the advisor');
    expect(again.body).not.toContain('class="deck"');
    expect(server.pending).toHaveLength(1);
    const waitingCookie = String(again.headers['set-cookie']).split(';')[0] ?? '';
    expect((await send(`${origin}/`, { headers: { Cookie: waitingCookie } })).status).toBe(403);
    server.answer(server.pending[0]?.device ?? '', false);
    const refused = await send(`${origin}/pair/status`, { headers: { Cookie: waitingCookie } });
    expect(JSON.parse(refused.body)).toEqual({ state: 'refused' });
    expect((await send(`${origin}/`, { headers: { Cookie: waitingCookie } })).status).toBe(403);

    expect((await send(`${origin}/?pair=${'x'.repeat(32)}`)).status).toBe(403);
    expect((await send(`${origin}/`)).status).toBe(403);
    expect((await send(`${origin}/`, { headers: { Cookie: 'advisor_deck_tablet=forged' } })).status).toBe(403);
    expect((await send(`${origin}/events`, { headers: { Cookie: waitingCookie } })).status).toBe(403);
    // Nothing else is served: no app, no files.
    for (const path of ['/api/prospects:list', '/index.html', '/../advisor.json', '/events/'])
      expect((await send(`${origin}${path}`, { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('answers an address that does not parse 400, paired or not', async () => {
    const { server, origin } = await started();
    expect((await send(`${origin}//`)).status).toBe(400);
    const cookie = await pair(server);
    for (const path of ['//', '/%', '/events%']) {
      const reply = await send(`${origin}${path}`, { headers: { Cookie: cookie } });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
    }
  });

  it('answers a foreign Host 421 and a foreign Origin 403', async () => {
    const { server, origin } = await started();
    const cookie = await pair(server);
    expect((await send(`${origin}/`, { headers: { Cookie: cookie, Host: 'evil.example:80' } })).status).toBe(421);
    const forged = await send(`${origin}/events`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: '{"events":[]}',
    });
    expect(forged.status).toBe(403);
  });

  it('applies each event once, in order, and acknowledges what it cannot use', async () => {
    const { server, applied, origin } = await started();
    const cookie = await pair(server);
    const first = await post(origin, cookie, [slide('aaaaaaaa1', 'title'), slide('aaaaaaaa2', 'what-we-heard')]);
    expect(JSON.parse(first.body)).toEqual({ acked: ['aaaaaaaa1', 'aaaaaaaa2'] });
    // The same queue again after a dropped answer, with one more and one malformed.
    const replay = await post(origin, cookie, [
      slide('aaaaaaaa1', 'title'),
      slide('aaaaaaaa2', 'what-we-heard'),
      { id: 'bbbbbbbb1', kind: 'slide', slideId: '<script>' },
      slide('aaaaaaaa3', 'urgent-need'),
    ]);
    expect(JSON.parse(replay.body)).toEqual({ acked: ['aaaaaaaa1', 'aaaaaaaa2', 'bbbbbbbb1', 'aaaaaaaa3'] });
    expect(applied.map((e) => e.id)).toEqual(['aaaaaaaa1', 'aaaaaaaa2', 'aaaaaaaa3']);
    expect(server.slideId).toBe('urgent-need');
  });

  it('refuses bodies over the cap and more events than a request may carry, unread', async () => {
    const { server, applied, origin } = await started();
    const cookie = await pair(server);
    const big = await send(`${origin}/events`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: origin },
      body: 'x'.repeat(MAX_TABLET_BODY + 1),
    });
    expect(big.status).toBe(413);
    const many = await post(
      origin,
      cookie,
      Array.from({ length: 201 }, (_, i) => slide(`cccccccc${i}`, 'title')),
    );
    expect(many.status).toBe(400);
    const text = await send(`${origin}/events`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'text/plain', Origin: origin },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect(applied).toEqual([]);
  });

  it('answers a flood from one address 429', async () => {
    const { server, origin } = await started();
    const cookie = await pair(server);
    // All at once: however slow the machine, far more than the bucket refills meanwhile.
    const replies = await Promise.all(
      Array.from({ length: 400 }, () => send(`${origin}/pair/status`, { headers: { Cookie: cookie } })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(100);
  });

  it('takes slide events only while the tablet presents', async () => {
    const { server, applied, origin } = await started();
    const cookie = await pair(server);
    server.setMode('follows');
    await post(origin, cookie, [
      slide('dddddddd1', 'title'),
      { id: 'dddddddd2', kind: 'question', text: 'Fees?', at: '2026-12-03T14:05:00.000Z' },
    ]);
    expect(applied.map((e) => e.kind)).toEqual(['question']);
  });

  it('answers nothing once closed', async () => {
    const { server, origin } = await started();
    const cookie = await pair(server);
    await server.close();
    await expect(send(`${origin}/`, { headers: { Cookie: cookie } })).rejects.toThrow();
  });
});
