// The Electron main process: one hardened window, the IPC handlers of core/api.ts, nothing
// more. Everything with logic lives in core/ or electron/services/, which run without Electron.
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import type { Handlers } from '../core/api';
import { isAppUrl, type RendererSource } from './adapters/app-url';
import { contentSecurityPolicy } from './adapters/csp';
import { registerIpcHandlers } from './adapters/ipc';
import { hardenSession } from './adapters/session';
import { createHardenedWindow } from './adapters/window';

// electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev`. A packaged app ignores
// it, so nobody can point the installed app at another page through the environment.
const source: RendererSource = {
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
};
const preloadFile = join(import.meta.dirname, '../preload/preload.cjs');

const handlers: Handlers = {
  'app:info': () => ({ name: app.getName(), version: app.getVersion() }),
};

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const win = createHardenedWindow(
    { width: 1280, height: 860, minWidth: 800, minHeight: 600, show: false, title: 'Advisor Deck', backgroundColor: '#f6f4ef' },
    preloadFile,
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  const loading = source.devServerUrl ? win.loadURL(source.devServerUrl) : win.loadFile(source.indexFile);
  loading.catch((error: unknown) => console.error('Could not load the app window', error));
  mainWindow = win;
}

// Must run before the app is ready: every renderer, not only the ones we configure, is sandboxed.
app.enableSandbox();

// A second copy of the app would share the same data files; focus the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, contentSecurityPolicy({ devServerUrl: source.devServerUrl }));
    registerIpcHandlers(handlers, (url) => isAppUrl(url, source));
    openMainWindow();
    // macOS keeps the app running without windows; clicking the dock icon opens one again.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
