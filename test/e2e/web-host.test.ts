// `npm run web` as a process: who may talk to it, one writer per data folder, a clean stop, and
// nothing acknowledged lost when it is killed mid-save.
import { request } from 'node:http';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkIntake } from '../../core/intake/intake';
import { exited, spawnWebHost, startWebHost, type RunningHost } from '../support/web-host';
import { tempDataFolder } from './app';
import { launch } from './browser';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const ROOT = resolve(import.meta.dirname, '../..');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the test sets Host, Origin and Cookie exactly as an attacker could. */
function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A call as the app's page makes it (cookie, the page's secret, same Origin), or with `headers` changed. */
async function api(
  host: RunningHost,
  channel: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', ...(await host.session()), ...headers },
    body: JSON.stringify({ input }),
  });
}

/** A server-sent events stream: its status once the headers are in, and a way to close it. */
function openStream(port: number, path: string, cookie: string): Promise<{ status: number; close: () => void }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, Cookie: cookie } },
      (res) => {
        resolvePromise({ status: res.statusCode ?? 0, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const hosts: RunningHost[] = [];
const folders: string[] = [];
async function host(dir?: string): Promise<{ host: RunningHost; dir: string }> {
  const data = dir ?? (await tempDataFolder());
  if (!dir) folders.push(data);
  const h = await startWebHost(data);
  hosts.push(h);
  return { host: h, dir: data };
}

afterEach(async () => {
  while (hosts.length) {
    const h = hosts.pop();
    if (h && h.child.exitCode === null && h.child.signalCode === null) await h.stop();
  }
});
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('who may talk to the web host', () => {
  it('answers 401 without the token or its cookie; the token gives an HttpOnly, SameSite=Strict cookie and the page its secret', async () => {
    const { host: h } = await host();
    expect(h.token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    expect((await send(h.port, {})).status).toBe(401);
    expect((await send(h.port, { path: '/?token=wrong' })).status).toBe(401);
    expect((await send(h.port, { path: '/assets/x.js' })).status).toBe(401);
    expect((await api(h, 'prospects:list', undefined, { Cookie: 'advisor_deck_session=wrong' })).status).toBe(401);

    const first = await send(h.port, { path: `/?token=${h.token}` });
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^advisor_deck_session=[A-Za-z0-9_-]{32};/);
    // The cookie is not the token: a server that receives the cookie cannot open the page's address.
    expect(cookie).not.toContain(h.token);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const secret = /<meta name="advisor-deck-session" content="([A-Za-z0-9_-]{32})"/.exec(first.body)?.[1];
    expect(secret).toBeDefined();
    // Elsewhere the token is dropped from the address bar by a redirect.
    const deep = await send(h.port, { path: `/assets/x.js?token=${h.token}` });
    expect(deep.status).toBe(303);
    expect(deep.headers['location']).toBe('/assets/x.js');

    const session = cookie.split(';')[0] ?? '';
    const page = await send(h.port, { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    // The page served for the cookie alone carries no secret.
    expect(page.body).not.toContain('advisor-deck-session');
    expect(page.body).not.toContain(secret);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const list = await api(h, 'prospects:list', undefined);
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: { prospects: [], problems: [] } });
  });

  it('refuses the API to the cookie alone (403): every port of 127.0.0.1 receives the cookie, only the page has its secret', async () => {
    const { host: h } = await host();
    const session = await h.session();
    const cookieAlone = { Cookie: session.Cookie, 'X-Advisor-Deck-Session': '' };
    const refused = await api(h, 'prospects:list', undefined, cookieAlone);
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('prospects');
    const wrong = await api(h, 'prospects:list', undefined, {
      'X-Advisor-Deck-Session': `${session['X-Advisor-Deck-Session'].slice(0, -1)}A`,
    });
    expect(wrong.status).toBe(403);
    // The secret without the cookie is no better.
    expect((await api(h, 'prospects:list', undefined, { Cookie: '' })).status).toBe(401);
    // Nothing written for a refused save.
    const intake = JSON.parse(await readFile(join(ROOT, 'templates/samples/intake.json'), 'utf8')) as unknown;
    expect((await api(h, 'prospects:save', { intake }, cookieAlone)).status).toBe(403);
    expect(JSON.parse((await api(h, 'prospects:list', undefined)).body)).toMatchObject({
      ok: true,
      value: { prospects: [] },
    });
    // The events stream: the cookie alone is refused, the page's secret in the address opens it.
    expect((await send(h.port, { path: '/api/events', headers: { Cookie: session.Cookie } })).status).toBe(403);
    const stream = await openStream(h.port, `/api/events?session=${session['X-Advisor-Deck-Session']}`, session.Cookie);
    expect(stream.status).toBe(200);
    stream.close();
  });

  it('in Chromium: the page drops the token from the address bar; its API request replayed with the cookie alone is refused', async () => {
    const { host: h } = await host();
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const listed = page.waitForRequest((r) => r.url().endsWith('/api/prospects:list'));
      await page.goto(`${h.url}#/follow-ups`);
      const request = await listed;
      await page.getByRole('heading', { name: 'Follow-ups', level: 2 }).waitFor();
      expect(page.url()).toBe(`${h.origin}/#/follow-ups`);
      const headers = await request.allHeaders();
      const cookie = (await context.cookies()).find((c) => c.name === 'advisor_deck_session');
      expect(cookie?.httpOnly).toBe(true);
      const cookieHeader = `advisor_deck_session=${cookie?.value ?? ''}`;
      const replay = (extra: Record<string, string>) =>
        send(h.port, {
          method: 'POST',
          path: '/api/prospects:list',
          headers: { 'Content-Type': 'application/json', Origin: h.origin, Cookie: cookieHeader, ...extra },
          body: request.postData() ?? '',
        });
      expect((await replay({})).status).toBe(403);
      expect((await replay({ 'X-Advisor-Deck-Session': headers['x-advisor-deck-session'] ?? '' })).status).toBe(200);
      // A reload keeps working: the page kept its secret in its own origin's storage.
      const again = page.waitForResponse((r) => r.url().endsWith('/api/prospects:list'));
      await page.reload();
      expect((await again).status()).toBe(200);
      await page.getByRole('heading', { name: 'Follow-ups', level: 2 }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it('answers 400 for an address that does not decode, with no stack trace', async () => {
    const { host: h } = await host();
    const session = await h.session();
    for (const path of ['/%', '/%E0%A4%A', '//', '/assets/%zz.js']) {
      const reply = await send(h.port, { path, headers: { Cookie: session.Cookie } });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
    }
    expect((await send(h.port, { path: '/%', headers: { Cookie: session.Cookie } })).status).toBe(400);
    expect((await api(h, 'prospects:list', undefined)).status).toBe(200);
    expect(h.stderr()).not.toMatch(/URIError|at .*\(/);
  });

  it('refuses a Host other than 127.0.0.1:<port> or localhost:<port> (DNS rebinding)', async () => {
    const { host: h } = await host();
    const cookie = (await h.session()).Cookie;
    for (const bad of [
      'evil.example',
      `evil.example:${h.port}`,
      `127.0.0.1:${h.port + 1}`,
      '127.0.0.1',
      `0.0.0.0:${h.port}`,
    ]) {
      const reply = await send(h.port, { headers: { Host: bad, Cookie: cookie } });
      expect(reply.status, bad).toBeGreaterThanOrEqual(400);
      expect(reply.status, bad).toBeLessThan(500);
    }
    expect((await send(h.port, { headers: { Host: `localhost:${h.port}`, Cookie: cookie } })).status).toBe(200);
  });

  it('refuses a state-changing request from a foreign Origin with 403, and writes nothing', async () => {
    const { host: h, dir } = await host();
    const intake = JSON.parse(await readFile(join(ROOT, 'templates/samples/intake.json'), 'utf8')) as unknown;
    for (const origin of ['http://evil.example', `http://127.0.0.1:${h.port + 1}`, 'null']) {
      const reply = await api(h, 'prospects:save', { intake }, { Origin: origin });
      expect(reply.status, origin).toBe(403);
    }
    const crossSite = await api(h, 'prospects:save', { intake }, { Origin: h.origin, 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(await readdir(join(dir, 'prospects'))).toEqual([]);
    const ok = await api(h, 'prospects:save', { intake });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { saved: true } });
  });

  it('serves nothing outside the built app and lists no folder', async () => {
    const { host: h } = await host();
    const session = await h.session();
    const cookie = { Cookie: session.Cookie };
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/',
      '/assets',
      '/..%2f..%2fetc%2fpasswd',
      '/api/nope',
    ]) {
      const reply = await send(h.port, { path, headers: cookie });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
    }
    expect((await send(h.port, { method: 'GET', path: '/api/prospects:list', headers: cookie })).status).toBe(403);
    expect(
      (
        await send(h.port, {
          method: 'GET',
          path: '/api/prospects:list',
          headers: { ...cookie, 'X-Advisor-Deck-Session': session['X-Advisor-Deck-Session'] },
        })
      ).status,
    ).toBe(405);
  });

  it('lets the browser keep the content-hashed code, and nothing else', async () => {
    const { host: h } = await host();
    const cookie = { Cookie: (await h.session()).Cookie };
    const page = await send(h.port, { path: '/', headers: cookie });
    expect(page.headers['cache-control']).toBe('no-store');
    const script = /src="\.?\/(assets\/index-[A-Za-z0-9_-]{8}\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const code = await send(h.port, { path: `/${script ?? ''}`, headers: cookie });
    expect(code.status).toBe(200);
    expect(code.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const answer = await api(h, 'prospects:list', undefined);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('checks every input with the channel schema, like the Electron window', async () => {
    const { host: h } = await host();
    const reply = JSON.parse((await api(h, 'prospects:get', { id: '../../etc/passwd' })).body) as {
      ok: boolean;
      error: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/Invalid input for prospects:get/);
  });
});

describe('one writer per data folder', () => {
  it('refuses a second host on the same folder, saying which process holds it, and writes nothing', async () => {
    const { host: first, dir } = await host();
    const second = spawnWebHost(['--data', dir, '--port', '0']);
    let stderr = '';
    second.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    let stdout = '';
    second.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    expect(await exited(second)).toBe(2);
    expect(stderr).toContain('in use by the web host');
    expect(stderr).toContain(`process ${first.child.pid}`);
    expect(stdout).not.toContain('Advisor Deck: http');
  });

  it('stops cleanly on Ctrl+C and frees the folder for the next one', async () => {
    const { host: first, dir } = await host();
    expect(await first.stop()).toBe(0);
    const { host: next } = await host(dir);
    expect((await api(next, 'prospects:list', undefined)).status).toBe(200);
  });
});

describe('killed with SIGKILL during saves', () => {
  it('loses nothing it acknowledged, leaves no damaged file, and the next start takes the folder back', async () => {
    const { host: h, dir } = await host();
    const intake = JSON.parse(await readFile(join(ROOT, 'templates/samples/intake.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // Kill after a random number of acknowledged writes, with more in flight: counts, not time.
    const killAfter = 20 + Math.floor(Math.random() * 40);
    const acknowledged = new Map<string, string>();
    let sent = 0;
    let killed = false;
    const writer = async (w: number) => {
      while (!killed) {
        const n = sent++;
        const id = `p-${(w * 100000 + n).toString(16).padStart(16, '0')}`;
        const firstName = `Writer${w} save${n}`;
        const body = { id, intake: { ...intake, prospect: { ...(intake['prospect'] as object), firstName } } };
        try {
          const reply = await api(
            h,
            n % 3 === 0 ? 'prospects:saveDraft' : 'prospects:save',
            n % 3 === 0 ? { id, draft: body.intake } : body,
          );
          if (reply.status === 200 && (JSON.parse(reply.body) as { ok: boolean }).ok) acknowledged.set(id, firstName);
        } catch {
          return; // the host is gone
        }
        if (acknowledged.size >= killAfter && !killed) {
          killed = true;
          await h.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(1), writer(2), writer(3), writer(4)]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);

    // The lock of the killed process is recovered at once: its process is gone.
    const { host: next } = await host(dir);
    const listed = JSON.parse((await api(next, 'prospects:list', undefined)).body) as {
      ok: true;
      value: { prospects: { id: string; firstName: string }[]; problems: unknown[] };
    };
    expect(listed.value.problems).toEqual([]);
    const byId = new Map(listed.value.prospects.map((p) => [p.id, p.firstName]));
    for (const [id, firstName] of acknowledged) expect(byId.get(id), id).toBe(firstName);
    // Every file on disk is whole. Read once the host has stopped: its start removes the killed
    // writer's temporary folders in the background (awaited on stop), and a folder listed here must
    // not vanish under the walk.
    await next.stop();
    for (const id of await readdir(join(dir, 'prospects'))) {
      for (const file of await readdir(join(dir, 'prospects', id))) {
        if (!file.endsWith('.json')) continue;
        const value = JSON.parse(await readFile(join(dir, 'prospects', id, file), 'utf8')) as unknown;
        if (file === 'intake.json') expect(checkIntake(value).ok).toBe(true);
      }
    }
  });
});
