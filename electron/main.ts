/// <reference types="electron-vite/node" />
// The Electron main process: one hardened window, the IPC handlers of core/api.ts, and the
// follow-up reminders (store, scheduler, notifications, tray, login item). Everything with
// logic lives in core/ or electron/services/, which run without Electron.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session, shell, type Tray } from 'electron';
import trayIcon from '../assets/tray.png?asset';
import trayIcon2x from '../assets/tray@2x.png?asset';
import { AppEventHub } from '../core/api';
import { isAllowedExternalUrl, isAppUrl, rendererUrl, type RendererSource } from './adapters/app-url';
import { registerIpcHandlers, sendAppEvent } from './adapters/ipc';
import { setOpenAtLogin, startedAtLogin } from './adapters/login';
import { showFollowUpReminder } from './adapters/notifications';
import { registerAppScheme, serveAppScheme } from './adapters/protocol';
import { appOriginCheck, hardenSession } from './adapters/session';
import { createAppTray } from './adapters/tray';
import { createHardenedWindow } from './adapters/window';
import { openApp, type AdvisorDeckApp, type Platform } from './services/app';
import { contentSecurityPolicy } from './services/app-csp';
import { defaultDataFolder } from './services/dataFolder';

// electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev`. A packaged app ignores
// it, so nobody can point the installed app at another page through the environment.
// Otherwise the window loads app://advisor-deck/index.html, served from out/renderer.
const source: RendererSource = {
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
};
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadFile = join(import.meta.dirname, '../preload/preload.cjs');
// The packaged app ships templates/ as an extra resource (electron-builder.yml); from source
// they sit at the top of the repo, two folders above out/main/.
const templatesDir = app.isPackaged
  ? join(process.resourcesPath, 'templates')
  : join(import.meta.dirname, '../../templates');

// The same folder `npm run web` uses by default, so both see the same prospects.
app.setPath('userData', defaultDataFolder());

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let advisorDeck: AdvisorDeckApp | null = null;
let quitting = false;
// The app layer's events (core/contract/events.ts), sent to the window over IPC. Reminders are
// system notifications here (platform.notify), so the app layer never raises them in this host.
const events = new AppEventHub();
events.subscribe((event, payload) => {
  if (mainWindow) sendAppEvent(mainWindow.webContents, event, payload);
});

const platform: Platform = {
  name: app.getName(),
  version: app.getVersion(),
  openExternal: async (url) => {
    if (!isAllowedExternalUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  },
  notify: (firing) => showFollowUpReminder(firing, focusFollowUp),
  // Only paths the app layer built itself (a meeting's folder or one of its files) reach here.
  openPath: async (path) => (await shell.openPath(path)) === '',
  applySettings: (settings, change) => {
    if (change.openAtLogin !== undefined) setOpenAtLogin(settings.openAtLogin);
    applyTray(settings.keepInTray);
  },
};

function openMainWindow(): BrowserWindow {
  const win = createHardenedWindow(
    {
      width: 1280,
      height: 860,
      minWidth: 800,
      minHeight: 600,
      show: false,
      title: 'Advisor Deck',
      backgroundColor: '#f6f4ef',
    },
    preloadFile,
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  const loading = win.loadURL(rendererUrl(source));
  loading.catch((error: unknown) => console.error('Could not load the app window', error));
  mainWindow = win;
  return win;
}

/** Brings the window up (opening it if the app lives in the tray) and shows that follow-up. */
function focusFollowUp(id: string): void {
  const win = mainWindow ?? openMainWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  events.emit('followups:focus', id);
}

function showWindow(): void {
  const win = mainWindow ?? openMainWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function applyTray(keepInTray: boolean): void {
  if (keepInTray && !tray) {
    tray = createAppTray({ icon: { x1: trayIcon, x2: trayIcon2x }, onOpen: showWindow, onQuit: () => app.quit() });
  } else if (!keepInTray && tray) {
    tray.destroy();
    tray = null;
  }
}

// Must run before the app is ready: every renderer, not only the ones we configure, is sandboxed.
app.enableSandbox();
// Also before ready: app:// becomes a standard, secure scheme (its handler is set once ready).
registerAppScheme(protocol);
// Windows shows notifications only for an app with an AppUserModelID (electron-builder's appId).
if (process.platform === 'win32') app.setAppUserModelId('com.advisordeck.app');

// A second copy of the app would share the same data files; focus the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());

  void app.whenReady().then(async () => {
    hardenSession(
      session.defaultSession,
      contentSecurityPolicy({ devServerUrl: source.devServerUrl }),
      appOriginCheck(source.devServerUrl),
    );
    serveAppScheme(protocol, { rendererDir, csp: contentSecurityPolicy() });
    try {
      advisorDeck = await openApp({
        dataDir: app.getPath('userData'),
        templatesDir,
        platform,
        events,
        holder: 'the desktop app',
      });
    } catch (error) {
      // Most often: `npm run web` holds the same data folder. Say so and write nothing.
      dialog.showErrorBox('Advisor Deck cannot open its data', error instanceof Error ? error.message : String(error));
      app.exit(2);
      return;
    }
    for (const problem of advisorDeck.problems) console.warn(problem);
    registerIpcHandlers(ipcMain, advisorDeck.handlers, (url) => isAppUrl(url, source));
    const settings = advisorDeck.followUps?.settings();
    if (settings) applyTray(settings.keepInTray);
    powerMonitor.on('resume', () => advisorDeck?.onResume());
    // Started by the login item with the tray on: stay in the tray until the advisor opens it.
    if (!(startedAtLogin() && tray)) openMainWindow();
    // macOS keeps the app running without windows; clicking the dock icon opens one again.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });

  app.on('before-quit', () => {
    quitting = true;
    void advisorDeck?.close();
  });

  app.on('window-all-closed', () => {
    // In the tray, the app keeps running so reminders fire with the window closed.
    if (tray && !quitting) return;
    if (process.platform !== 'darwin') app.quit();
  });
}
