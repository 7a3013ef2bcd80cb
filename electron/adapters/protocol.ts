// The app:// scheme the app window is loaded from (the serving logic is in
// services/app-protocol.ts). Type-only electron imports: main.ts passes Electron's `protocol`,
// the tests pass a fake, so what is registered is checked by value without Electron.
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, appRequestHandler, type AppFilesOptions } from '../services/app-protocol';

/**
 * standard: a real origin (app://advisor-deck) that 'self' in the CSP matches, relative URLs
 * and hash routes that resolve like http's; secure: a secure context, like https;
 * supportFetchAPI: fetch() of the app's own files. Not corsEnabled, so no other origin can
 * read them; not bypassCSP, so the CSP holds; no service workers. codeCache: V8 keeps the
 * compiled scripts, so present mode starts without compiling the app's code again.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before the app is ready (Electron refuses it later). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After ready: app:// serves the built renderer folder and nothing else. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, options: AppFilesOptions): void {
  protocol.handle(APP_SCHEME, appRequestHandler(options));
}
