// The local-server kit (electron/services/localServer/) on its own, over real HTTP on 127.0.0.1
// and real files in a temp folder: the headers, the Host and Origin checks, capped JSON bodies,
// the static files' confinement, and server-sent events.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  allowedHost,
  baseHeaders,
  changesState,
  cookieValue,
  eventMessage,
  EventStreams,
  fileSegments,
  fromAnotherSite,
  readJsonBody,
  readServedFile,
  sameSecret,
  securityHeaders,
  send,
  sessionCookie,
  TEXT,
} from '../../electron/services/localServer';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server on a free port of 127.0.0.1 answering with `handle`; its origin. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void): Promise<string> {
  const server = createServer((req, res) => void handle(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | string[] } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    for (const chunk of [options.body ?? []].flat()) req.write(chunk);
    req.end();
  });
}

describe('security headers', () => {
  it('sends the same policy, no sniffing, no referrer and no cross-origin reads everywhere', () => {
    expect(baseHeaders("default-src 'none'")).toEqual({
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('adds, for an HTTP server, no framing, an own browsing context and nothing stored', async () => {
    const headers = securityHeaders("default-src 'self'");
    expect(headers).toMatchObject(baseHeaders("default-src 'self'"));
    const origin = await serve((_req, res) => send(res, 418, 'été', TEXT, headers));
    const reply = await call(origin);
    expect(reply.status).toBe(418);
    expect(reply.body).toBe('été');
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength('été')));
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-security-policy']).toBe("default-src 'self'");
  });
});

describe('secrets and cookies', () => {
  it('compares secrets whole, whatever their lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });

  it('reads one cookie among others, with = inside its value, and writes an HttpOnly, SameSite=Strict one', () => {
    expect(cookieValue('a=1; s=x=y; b=2', 's')).toBe('x=y');
    expect(cookieValue('a=1', 's')).toBeUndefined();
    expect(cookieValue(undefined, 's')).toBeUndefined();
    expect(sessionCookie('s', 'v')).toBe('s=v; HttpOnly; SameSite=Strict; Path=/');
  });
});

describe('Host and Origin', () => {
  it('takes only the listed hosts, and tells another site’s state-changing request', async () => {
    const seen: unknown[] = [];
    const origin = await serve((req, res) => {
      const port = new URL(origin).port;
      seen.push({
        host: allowedHost(req, [`127.0.0.1:${port}`, `localhost:${port}`]) ?? null,
        changes: changesState(req),
        foreign: fromAnotherSite(req, [`http://127.0.0.1:${port}`]),
      });
      res.end();
    });
    const port = new URL(origin).port;
    await call(origin);
    await call(origin, { headers: { Host: 'evil.example' } });
    await call(origin, { method: 'POST', headers: { Origin: 'http://evil.example' } });
    await call(origin, { method: 'DELETE', headers: { Origin: origin, 'Sec-Fetch-Site': 'cross-site' } });
    await call(origin, { method: 'PUT', headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' } });
    await call(origin, { method: 'PATCH', headers: { Origin: 'null' } });
    expect(seen).toEqual([
      { host: `127.0.0.1:${port}`, changes: false, foreign: false },
      { host: null, changes: false, foreign: false },
      { host: `127.0.0.1:${port}`, changes: true, foreign: true },
      { host: `127.0.0.1:${port}`, changes: true, foreign: true },
      { host: `127.0.0.1:${port}`, changes: true, foreign: false },
      { host: `127.0.0.1:${port}`, changes: true, foreign: true },
    ]);
  });
});

describe('JSON bodies', () => {
  const MAX = 1000;
  async function jsonServer(): Promise<string> {
    return serve(async (req, res) => {
      const body = await readJsonBody(req, MAX, { empty: true });
      res.end(JSON.stringify(body));
    });
  }
  const json = { 'Content-Type': 'application/json' };

  it('takes JSON, and an empty body as the default given', async () => {
    const origin = await jsonServer();
    expect(JSON.parse((await call(origin, { method: 'POST', headers: json, body: '{"a":[1]}' })).body)).toEqual({
      ok: true,
      value: { a: [1] },
    });
    expect(JSON.parse((await call(origin, { method: 'POST', headers: json })).body)).toEqual({
      ok: true,
      value: { empty: true },
    });
  });

  it('refuses another type (415: no text/plain, no form), bad JSON (400) and a body over the cap (413)', async () => {
    const origin = await jsonServer();
    const status = async (headers: Record<string, string>, body?: string | string[]) =>
      (
        JSON.parse((await call(origin, { method: 'POST', headers, ...(body ? { body } : {}) })).body) as {
          status?: number;
        }
      ).status;
    expect(await status({ 'Content-Type': 'text/plain' }, '{}')).toBe(415);
    expect(await status({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1')).toBe(415);
    expect(await status({}, '{}')).toBe(415);
    expect(await status(json, '{nope')).toBe(400);
    // Said too large: refused unread. Sent in chunks without a length: refused past the cap.
    expect(await status({ ...json, 'Content-Length': String(MAX + 1) }, 'x'.repeat(MAX + 1))).toBe(413);
    expect(
      await status(
        json,
        Array.from({ length: 11 }, () => 'x'.repeat(100)),
      ),
    ).toBe(413);
    expect(await status(json, `"${'x'.repeat(MAX - 2)}"`)).toBeUndefined();
  });
});

describe('static files', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'local-server-'));
    root = join(dir, 'renderer');
    outside = join(dir, 'secret.js');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!DOCTYPE html>');
    writeFileSync(join(root, 'assets', 'index-AbCd1234.js'), 'export {};');
    writeFileSync(join(root, 'notes.txt'), 'not a served type');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(root, 'assets', 'link.js'));
  });
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('reads a served file with its type', async () => {
    const file = await readServedFile(root, '/assets/index-AbCd1234.js');
    expect(file?.type).toBe('text/javascript; charset=utf-8');
    expect(file?.body.toString()).toBe('export {};');
    expect(file?.segments).toEqual(['assets', 'index-AbCd1234.js']);
    expect((await readServedFile(root, '/index.html'))?.type).toBe('text/html; charset=utf-8');
  });

  it.each([
    '/',
    '/assets/',
    '/assets',
    '/notes.txt',
    '/../secret.js',
    '/%2e%2e/secret.js',
    '/assets/..%2f..%2fsecret.js',
    '/assets%2findex-AbCd1234.js',
    '/.hidden.js',
    '/assets/link.js',
    '/missing.js',
    '//index.html',
  ])('serves nothing for %s', async (path) => {
    expect(await readServedFile(root, path)).toBeUndefined();
  });

  it('checks segments as sent, still encoded', () => {
    expect(fileSegments('/assets/a.css')).toEqual(['assets', 'a.css']);
    expect(fileSegments('/a%20b.css')).toBeUndefined();
    expect(fileSegments('')).toBeUndefined();
  });
});

describe('server-sent events', () => {
  it('writes each message to every open stream, forgets a closed one, and ends the rest with a last message', async () => {
    const streams = new EventStreams<string>();
    const closed: string[] = [];
    const origin = await serve((req, res) =>
      streams.open(req, res, { 'Cache-Control': 'no-store' }, ': hello\n\n', req.url ?? '', () =>
        closed.push(req.url ?? ''),
      ),
    );
    const received = new Map<string, string>();
    const opened = (path: string) =>
      new Promise<{ destroy(): void; ended: Promise<void> }>((resolve) => {
        const req = request(`${origin}${path}`, (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          expect(res.headers['cache-control']).toBe('no-store');
          res.setEncoding('utf8');
          const ended = new Promise<void>((done) => res.on('end', done).on('close', done));
          res.on('data', (c: string) => {
            received.set(path, (received.get(path) ?? '') + c);
            resolve({ destroy: () => req.destroy(), ended });
          });
        });
        req.end();
      });
    const one = await opened('/one');
    const two = await opened('/two');
    expect(streams.size).toBe(2);
    two.destroy();
    await expect.poll(() => closed).toEqual(['/two']);
    expect(streams.size).toBe(1);
    streams.write(eventMessage('reminder', { title: 'Call <b>Ana</b>', body: 'line\nbreak' }));
    await streams.end(eventMessage('ended', {}), 5_000);
    await one.ended;
    expect(received.get('/one')).toBe(
      ': hello\n\nevent: reminder\ndata: {"title":"Call <b>Ana</b>","body":"line\\nbreak"}\n\nevent: ended\ndata: {}\n\n',
    );
    expect(streams.size).toBe(0);
  });
});
