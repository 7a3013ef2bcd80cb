// Session-wide rules: they hold for every page of the app, whatever window shows it.
import type { Session } from 'electron';

export function hardenSession(session: Session, csp: string): void {
  // Nothing in the app needs the camera, the microphone, notifications or geolocation.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Covers http(s) responses (the dev server); pages from file:// get the <meta> policy.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
