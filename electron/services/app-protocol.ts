// The app window's page comes from app://advisor-deck/, served from the built renderer folder
// (out/renderer) by electron/adapters/protocol.ts. This is the part of it with logic, in plain
// Node so it is tested without Electron: which URL maps to which file, with which type, and
// the guarantee that nothing outside that folder is ever read.
//
// Why a custom scheme and not file://: a file:// page shares the opaque origin "null" with
// every other file on the disk, and only a <meta> can carry its CSP. app://advisor-deck is a
// real origin ('self' in the CSP means exactly it), its responses carry the CSP header, and
// the grantFileProtocolExtraPrivileges fuse can be turned off (electron-builder.yml).
import { baseHeaders, fileSegments, mimeType, readServedFile, resolveFileIn } from './localServer';

export { mimeType };

export const APP_SCHEME = 'app';
export const APP_HOST = 'advisor-deck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page of the app; its routes are hash routes (#/prospect/<id>). */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

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
  // Every segment is checked as sent, still percent-encoded (localServer/staticFiles.ts).
  return fileSegments(parsed.pathname);
}

/**
 * The real path of the file `url` names inside `rendererDir`, or undefined. The file must be
 * a regular file whose real path (symlinks resolved) is still inside the real renderer folder,
 * so a link placed in the folder cannot lead out of it.
 */
export async function resolveAppFile(rendererDir: string, url: string): Promise<string | undefined> {
  const segments = appFileSegments(url);
  if (!segments) return undefined;
  return resolveFileIn(rendererDir, segments);
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
  const headers = (type: string): Record<string, string> => ({ 'Content-Type': type, ...baseHeaders(csp) });
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const segments = appFileSegments(request.url);
    const file = segments && (await readServedFile(rendererDir, `/${segments.join('/')}`));
    if (!file) return notFound();
    return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers: headers(file.type) });
  };
}
