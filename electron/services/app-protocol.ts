// The app window's page comes from app://advisor-deck/, served from the built renderer folder
// (out/renderer) by electron/adapters/protocol.ts. This is the part of it with logic, in plain
// Node so it is tested without Electron: which URL maps to which file, with which type, and
// the guarantee that nothing outside that folder is ever read.
//
// Why a custom scheme and not file://: a file:// page shares the opaque origin "null" with
// every other file on the disk, and only a <meta> can carry its CSP. app://advisor-deck is a
// real origin ('self' in the CSP means exactly it), its responses carry the CSP header, and
// the grantFileProtocolExtraPrivileges fuse can be turned off (electron-builder.yml).
import { promises as fs } from 'node:fs';
import { basename, join, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'advisor-deck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page of the app; its routes are hash routes (#/prospect/<id>). */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The only files served: what `electron-vite build` puts in out/renderer. */
const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
};

// One path segment as vite names files (index.html, assets/IntakeScreen-fRjjyznw.js): no dot
// first (so no '.', '..' or hidden files), no separator, no '%', no space, nothing exotic.
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The MIME type served for a file name, or undefined when that type is not served at all. */
export function mimeType(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : TYPES[fileName.slice(dot + 1).toLowerCase()];
}

/**
 * The file an app:// URL names, as path segments under the renderer folder, or undefined
 * when the URL is not one the app serves: another scheme or host, credentials or a port, an
 * empty, dot, encoded or otherwise unusual segment, or a type that is not served. The query
 * and hash are ignored (the hash never reaches the handler anyway).
 */
export function appFileSegments(url: string): string[] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // Node's URL keeps the host of a non-special scheme as written; Chromium lowercases it for a
  // standard scheme. Comparing exactly refuses anything Chromium would not have produced.
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password)
    return undefined;
  const segments = parsed.pathname.split('/').slice(1);
  // Every segment is checked as sent, still percent-encoded: '%2e%2e', '%2f' or '%5c' never
  // decode into a dot segment or a separator, because a segment with '%' is refused outright.
  if (segments.length === 0 || !segments.every((segment) => SEGMENT.test(segment))) return undefined;
  const last = segments[segments.length - 1] ?? '';
  return mimeType(last) ? segments : undefined;
}

/**
 * The real path of the file `url` names inside `rendererDir`, or undefined. The file must be
 * a regular file whose real path (symlinks resolved) is still inside the real renderer folder,
 * so a link placed in the folder cannot lead out of it.
 */
export async function resolveAppFile(rendererDir: string, url: string): Promise<string | undefined> {
  const segments = appFileSegments(url);
  if (!segments) return undefined;
  try {
    const root = await fs.realpath(rendererDir);
    const file = await fs.realpath(join(root, ...segments));
    if (!file.startsWith(root + sep)) return undefined;
    const stat = await fs.stat(file);
    return stat.isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export interface AppFilesOptions {
  /** The built renderer folder (out/renderer; inside app.asar when packaged). */
  rendererDir: string;
  /** The Content-Security-Policy sent with every response, the not-found ones included. */
  csp: string;
}

/**
 * The handler behind protocol.handle('app', …): GET (or HEAD) of a file of the built renderer,
 * with its type and the app's security headers; every other request is a 404 with the same
 * headers. Uses only the Fetch API's Request and Response, which Node and Electron both have.
 */
export function appRequestHandler({ rendererDir, csp }: AppFilesOptions): (request: Request) => Promise<Response> {
  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = await resolveAppFile(rendererDir, request.url);
    const type = file && mimeType(basename(file));
    if (!file || !type) return notFound();
    try {
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers(type) });
    } catch {
      return notFound();
    }
  };
}
