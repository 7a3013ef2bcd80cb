// The security headers every answer of our local servers carries: the app window's app:// files,
// the web host on 127.0.0.1 and the tablet server on the LAN. One list, so a header added for one
// server is not forgotten by the others.
import type { ServerResponse } from 'node:http';

/** What every answer carries, a file of the app protocol included: its policy, no sniffing, no referrer. */
export function baseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * An HTTP server's answers also refuse framing and sharing a browsing context, and are never
 * stored: they hold client data (the web host) or a meeting (the tablet server).
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    ...baseHeaders(csp),
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

export const TEXT = 'text/plain; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The whole answer at once, with its length; `headers` carries the security headers. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
