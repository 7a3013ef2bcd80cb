// Session-wide rules: they hold for every page of the app, whatever window shows it.
import type { Session } from 'electron';

export function hardenSession(session: Session, csp: string): void {
  // Nothing in the app needs the camera, the microphone, notifications or geolocation.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Covers the dev server's responses; app:// responses carry the same header from their
  // handler (services/app-protocol.ts), and index.html carries it as a <meta> as well.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
