// Every window of the app is created and hardened here, Signal-Desktop style: one function
// to review instead of one per window. A page in our window renders text a prospect typed,
// so it gets no Node, no way to open windows and no way to leave our own page.
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

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

/** Blocks every way a page could leave our own content: new windows, navigation, webviews. */
export function hardenWindow(win: BrowserWindow): BrowserWindow {
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  return win;
}

/** The only way the app creates a window: secure preferences, then the hardening above. */
export function createHardenedWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
): BrowserWindow {
  return hardenWindow(new BrowserWindow({ ...options, webPreferences: secureWebPreferences(preload) }));
}
