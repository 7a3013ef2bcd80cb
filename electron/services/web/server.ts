// The app over HTTP on 127.0.0.1 (`npm run web`): the built renderer and one POST route per
// channel of core/api.ts, answered by the same handlers as the Electron window. It holds client
// data, so it is locked down like the window:
// - only 127.0.0.1, and only a Host of 127.0.0.1:<port> or localhost:<port> (DNS rebinding);
// - a random token per start (128+ bits) in the printed address; the first visit trades it for
//   an HttpOnly, SameSite=Strict cookie and drops it from the address bar; anything else is 401;
// - the API (and the events stream) also needs the page's own secret, sent as a header: cookies
//   are not scoped by port, so every other server on 127.0.0.1 the browser visits receives the
//   cookie. The secret is written into the page only in answer to the printed token, and the
//   page keeps it in storage of its own origin (which does include the port): the cookie alone
//   gets the built app's code and a 403 from the API;
// - a state-changing request from a foreign Origin is 403 (cross-site request forgery);
// - the window's Content-Security-Policy, no directory listing, nothing outside the built app.
// The checks, headers, static files and event streams come from the local-server kit
// (../localServer). The app layer's events (core/contract/events.ts: reminders, follow-up focus,
// share changes) reach each open window on /api/events as server-sent events, by name.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { channelNames, dispatch, type AppEventHub, type Channel, type Handlers } from '../../../core/api';
import { contentSecurityPolicy } from '../app-csp';
import {
  allowedHost,
  changesState,
  cookieValue,
  eventMessage,
  EventStreams,
  fromAnotherSite,
  HTML,
  JSON_TYPE,
  readJsonBody,
  readServedFile,
  sameSecret,
  securityHeaders,
  send as sendWith,
  sessionCookie,
  TEXT,
} from '../localServer';

const COOKIE = 'advisor_deck_session';
/** The header (or, for the events stream, which cannot send headers, the query parameter) carrying the page's secret. */
export const SESSION_HEADER = 'x-advisor-deck-session';
export const SESSION_PARAM = 'session';
/** The meta tag the page reads its secret from (renderer/src/api/http.ts). */
const SESSION_META = 'advisor-deck-session';
/** Big enough for a batch of intake files or a logo; anything larger is refused unread. */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;

export interface WebHostOptions {
  handlers: Handlers;
  /** The app layer's events (core/api.ts), sent to every open window on /api/events. */
  events?: AppEventHub;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0: any free port. */
  port?: number;
  /** A fixed token (tests); random by default. */
  token?: string;
}

/** Bad percent-encoding and the like: the request's fault, answered 400 without a stack trace. */
class BadAddress extends Error {}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type = TEXT,
  headers: Record<string, string> = {},
): void {
  sendWith(res, status, body, type, headers);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Three secrets, so that holding one does not give the next: the printed token gives the
  // cookie and the page's secret; the cookie alone (which leaks to other ports) gives neither.
  const cookieSecret = randomBytes(24).toString('base64url');
  const pageSecret = randomBytes(24).toString('base64url');
  const csp = contentSecurityPolicy();
  const channelSet = new Set<string>(channelNames);
  const streams = new EventStreams();
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const security = securityHeaders(csp);
  // Each event of the app layer goes to every open window, under its own name.
  const unsubscribe = options.events?.subscribe((event, payload) => streams.write(eventMessage(event, payload)));

  async function servePage(res: ServerResponse, headers: Record<string, string>): Promise<void> {
    const page = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
    // The secret is base64url: nothing in it needs escaping in an attribute.
    const tag = `<meta name="${SESSION_META}" content="${pageSecret}" />`;
    send(res, 200, page.replace('<head>', `<head>\n    ${tag}`), HTML, headers);
  }

  async function serveFile(res: ServerResponse, pathname: string): Promise<void> {
    if (!decodes(pathname)) throw new BadAddress(pathname);
    // Nothing outside the built app, and no folder listing: only files with a known type.
    const file = await readServedFile(options.rendererDir, pathname === '/' ? '/index.html' : pathname);
    if (!file) return send(res, 404, 'Not found', undefined, security);
    // The built app's code and styles are named by their content hash (out/renderer/assets):
    // the browser may keep them, and keeps their compiled code too, so present mode and the
    // other screens start without parsing their scripts again. They hold no client data;
    // index.html and every answer of the API stay no-store.
    const relative = file.segments.join('/');
    const hashed = relative.startsWith('assets/') && /-[A-Za-z0-9_-]{8}\.(js|css|woff2|ttf|svg|png)$/.test(relative);
    send(
      res,
      200,
      file.body,
      file.type,
      hashed ? { ...security, 'Cache-Control': 'public, max-age=31536000, immutable' } : security,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = allowedHost(req, allowedHosts());
    if (host === undefined)
      return send(res, 421, 'Wrong host: open the address npm run web printed.', undefined, security);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      throw new BadAddress(req.url ?? '');
    }
    const fromQuery = url.searchParams.get('token');
    const fromCookie = cookieValue(req.headers.cookie, COOKIE);
    const byToken = fromQuery !== null && sameSecret(fromQuery, token);
    const authorised = (fromCookie !== undefined && sameSecret(fromCookie, cookieSecret)) || byToken;
    if (!authorised)
      return send(
        res,
        401,
        'Advisor Deck: open the address that npm run web printed (it carries the access token).',
        undefined,
        security,
      );

    // Browsers send Origin on every cross-origin POST; a foreign one is a forged request.
    if (changesState(req) && fromAnotherSite(req, allowedOrigins()))
      return send(res, 403, 'Forbidden: this request comes from another site.', undefined, security);

    // The token is traded for a cookie. The page itself comes with its secret and drops the token
    // from the address bar (and from history) as it starts; any other address is redirected
    // without the token.
    const setCookie = sessionCookie(COOKIE, cookieSecret);
    if (byToken && req.method === 'GET') {
      if (url.pathname === '/' || url.pathname === '/index.html')
        return servePage(res, { ...security, 'Set-Cookie': setCookie });
      url.searchParams.delete('token');
      return send(res, 303, '', undefined, {
        ...security,
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': setCookie,
      });
    }

    if (url.pathname.startsWith('/api/')) {
      const header = req.headers[SESSION_HEADER];
      const secret = typeof header === 'string' ? header : url.searchParams.get(SESSION_PARAM);
      if (secret === null || !sameSecret(secret, pageSecret)) {
        return send(
          res,
          403,
          'Forbidden: only the Advisor Deck page may use its API. Open the address that npm run web printed.',
          undefined,
          security,
        );
      }
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      // One stream per open window; every event goes to each (core/contract/events.ts).
      streams.open(req, res, security, ': connected\n\n', true);
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', undefined, { ...security, Allow: 'POST' });
      const channel = url.pathname.slice('/api/'.length);
      if (!channelSet.has(channel)) return send(res, 404, 'No such channel', undefined, security);
      // JSON only: a form post from another page cannot send it without a CORS preflight.
      const body = await readJsonBody(req, MAX_BODY_BYTES, {});
      if (!body.ok) return send(res, body.status, body.message, undefined, security);
      const input = body.value;
      const payload =
        input !== null && typeof input === 'object' && 'input' in input
          ? (input as { input: unknown }).input
          : undefined;
      const result = await dispatch(options.handlers, channel as Channel, payload);
      return send(res, 200, JSON.stringify(result), JSON_TYPE, security);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, security);
    return serveFile(res, url.pathname);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BadAddress) {
        if (!res.headersSent)
          send(res, 400, 'Bad address', undefined, {
            'Content-Security-Policy': csp,
            'X-Content-Type-Options': 'nosniff',
          });
        return;
      }
      console.error('web host:', error);
      if (!res.headersSent) send(res, 500, 'Something went wrong; see the terminal.', undefined, security);
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
