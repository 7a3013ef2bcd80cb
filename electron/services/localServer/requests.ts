// What a local server checks of a request before it does any work: the Host it was sent to (DNS
// rebinding), where it comes from (Origin and fetch metadata: cross-site request forgery), the
// secrets it carries (compared without leaking their length by timing), and its body, refused past
// a cap instead of buffered.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, cookie: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return rest.join('=');
  }
  return undefined;
}

/** The Set-Cookie value of a session: script cannot read it, no other site sends it. */
export function sessionCookie(name: string, secret: string): string {
  return `${name}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The request's Host, when it is one of `allowed` (host:port as the browser writes it); else undefined. */
export function allowedHost(req: IncomingMessage, allowed: readonly string[]): string | undefined {
  const host = req.headers.host ?? '';
  return allowed.includes(host) ? host : undefined;
}

/**
 * True when a browser says the request comes from another site: an Origin not in `origins`
 * (browsers send Origin on every cross-origin POST), or fetch metadata saying cross-site.
 */
export function fromAnotherSite(req: IncomingMessage, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) return true;
  return req.headers['sec-fetch-site'] === 'cross-site';
}

/** The methods that change something, which another site's page must never get to send. */
export function changesState(req: IncomingMessage): boolean {
  return req.method === 'POST' || req.method === 'PUT' || req.method === 'DELETE' || req.method === 'PATCH';
}

/** The body as text, or undefined when it is (or says it is) larger than `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 413 | 415 | 400; message: string };

/**
 * A JSON body: sent as application/json only (a form post from another page cannot send that
 * without a CORS preflight), at most `maxBytes`, and parsed. An empty body is `empty`.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number, empty?: unknown): Promise<JsonBody> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return { ok: false, status: 415, message: 'Send JSON' };
  const body = await readBody(req, maxBytes);
  if (body === undefined) return { ok: false, status: 413, message: 'Too large' };
  if (body === '' && empty !== undefined) return { ok: true, value: empty };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'Not JSON' };
  }
}
