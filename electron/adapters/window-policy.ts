// What makes a window of the app safe, Signal-Desktop style: one place to review. A page in
// our window renders text a prospect typed, so it gets no Node, no way to open windows and no
// way to leave our own page. Type-only electron imports: window.ts applies this to a real
// BrowserWindow, the tests to plain objects, so the settings are checked by value.
import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';

/** Web preferences no window may loosen: they are applied last, over the caller's. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true, // the preload's world and the page's world share nothing
    sandbox: true, // the renderer process runs in Chromium's OS sandbox
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // same-origin policy stays on
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false, // a file dropped on the window must not replace our page
    spellcheck: false, // spellcheck would send what the advisor types to a dictionary service
  };
}

/** The caller's size, title and colours, with the secure web preferences and nothing else. */
export function hardenedWindowOptions(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
): BrowserWindowConstructorOptions {
  return { ...options, webPreferences: secureWebPreferences(preload) };
}

/** The part of a window the hardening touches (a BrowserWindow has it; so can a test double). */
export interface HardenableWindow {
  webContents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>;
}

/** Blocks every way a page could leave our own content: new windows, navigation, webviews. */
export function hardenWindow<W extends HardenableWindow>(win: W): W {
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // In-page navigation (the hash routes, #/prospect/<id>) does not emit will-navigate.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  return win;
}
