// Where the app window's page comes from, and which URLs count as ours. Pure (no electron
// import) so the sender check that guards every IPC channel is testable under plain Node.
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from '../services/app-protocol';

export interface RendererSource {
  /** The vite dev server, in development only. Otherwise the page is app://advisor-deck/index.html. */
  devServerUrl?: string | undefined;
}

/** The URL the app window loads. */
export function rendererUrl(source: RendererSource): string {
  return source.devServerUrl ?? APP_INDEX_URL;
}

/**
 * True when `url` is our own page: app://advisor-deck/index.html (any hash or query) or, in
 * development only, a page of the dev server origin. Everything else (another file of the
 * app, another host, file://, a navigated-away frame, a stray iframe, an empty URL) is refused.
 */
export function isAppUrl(url: string, source: RendererSource): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (source.devServerUrl) return parsed.origin === new URL(source.devServerUrl).origin;
  // Node gives a non-special scheme the opaque origin "null": compare its parts instead, exactly
  // as Chromium writes them for a standard scheme (lowercase host, no port, no credentials).
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === '/index.html'
  );
}

/**
 * The only links handed to the operating system (shell.openExternal): mailto:, the follow-up
 * email the app builds itself. Anything else (a file:, an http: link, a custom protocol that
 * starts another program) never leaves the app, whoever asks.
 */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'mailto:';
  } catch {
    return false;
  }
}
