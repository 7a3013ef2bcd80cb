// Session-wide rules: they hold for every page of the app, whatever window shows it.
import type { Session } from 'electron';

/**
 * The one permission the app asks for: full screen, for present mode, and only for its own page.
 * Nothing in the app needs the camera, the microphone, notifications or geolocation.
 */
export function allowsPermission(
  permission: string,
  urlOrOrigin: string | undefined,
  isAppOrigin: (urlOrOrigin: string) => boolean,
): boolean {
  return permission === 'fullscreen' && urlOrOrigin !== undefined && isAppOrigin(urlOrOrigin);
}

/** app://advisor-deck (an origin or any URL on it), or the dev server's origin in development. */
export function appOriginCheck(devServerUrl: string | undefined): (urlOrOrigin: string) => boolean {
  const dev = devServerUrl ? new URL(devServerUrl).origin : undefined;
  // Not `new URL(x).origin`: Node gives "null" as the origin of a custom scheme.
  return (value) =>
    /^app:\/\/advisor-deck(\/|$)/.test(value) || (dev !== undefined && (value === dev || value.startsWith(`${dev}/`)));
}

export function hardenSession(
  session: Session,
  csp: string,
  isAppOrigin: (origin: string) => boolean = () => false,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    // details may be absent for some permissions: the page's own address decides then.
    const url = (details as { requestingUrl?: string } | undefined)?.requestingUrl || contents?.getURL?.();
    callback(allowsPermission(permission, url, isAppOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowsPermission(permission, requestingOrigin, isAppOrigin),
  );
  // Covers the dev server's responses; app:// responses carry the same header from their
  // handler (services/app-protocol.ts), and index.html carries it as a <meta> as well.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
