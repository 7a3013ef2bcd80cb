// Where the app window's page comes from, and which URLs count as ours. Pure (no electron
// import) so the sender check that guards every IPC channel is testable under plain Node.
import { pathToFileURL } from 'node:url';

export interface RendererSource {
  /** The vite dev server, in development only. */
  devServerUrl?: string | undefined;
  /** The built renderer/index.html, loaded from file:// in production. */
  indexFile: string;
}

/**
 * True when `url` is our own page: the built index.html (any hash or query) or, in
 * development, a page of the dev server origin. Everything else (a navigated-away frame,
 * a stray iframe, an empty URL) is refused.
 */
export function isAppUrl(url: string, source: RendererSource): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (source.devServerUrl) return parsed.origin === new URL(source.devServerUrl).origin;
  const index = pathToFileURL(source.indexFile);
  // file: URLs all share the opaque origin "null", so compare the exact file instead.
  return parsed.protocol === 'file:' && parsed.host === index.host && parsed.pathname === index.pathname;
}
