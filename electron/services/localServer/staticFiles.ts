// Files of one folder served by address, the built renderer (out/renderer) for the app window's
// app:// scheme and for the web host: which address maps to which file, with which type, and the
// guarantee that nothing outside that folder is ever read (no dot segment, no encoded separator,
// no link leading out, no folder listing).
import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';

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
 * The segments of a URL's path (`/assets/x.js`) when every one is a plain file name as sent,
 * still percent-encoded ('%2e%2e', '%2f' or '%5c' never decode into a dot segment or a
 * separator, because a segment with '%' is refused outright), and the last has a served type.
 */
export function fileSegments(pathname: string): string[] | undefined {
  const segments = pathname.split('/').slice(1);
  if (segments.length === 0 || !segments.every((segment) => SEGMENT.test(segment))) return undefined;
  const last = segments[segments.length - 1] ?? '';
  return mimeType(last) ? segments : undefined;
}

/**
 * The real path of the file `segments` name inside `root`, or undefined. The file must be a
 * regular file whose real path (symlinks resolved) is still inside the real root folder, so a
 * link placed in the folder cannot lead out of it.
 */
export async function resolveFileIn(root: string, segments: readonly string[]): Promise<string | undefined> {
  try {
    const realRoot = await fs.realpath(root);
    const file = await fs.realpath(join(realRoot, ...segments));
    if (!file.startsWith(realRoot + sep)) return undefined;
    const stat = await fs.stat(file);
    return stat.isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The file a URL path names under `root`, read, with its type; undefined when it is not one served. */
export async function readServedFile(
  root: string,
  pathname: string,
): Promise<{ body: Buffer; type: string; segments: string[] } | undefined> {
  const segments = fileSegments(pathname);
  if (!segments) return undefined;
  const file = await resolveFileIn(root, segments);
  const type = mimeType(segments[segments.length - 1] ?? '');
  if (!file || !type) return undefined;
  try {
    return { body: await fs.readFile(file), type, segments };
  } catch {
    return undefined;
  }
}
