/// <reference types="electron-vite/node" />
// The Electron main process: one hardened window, the IPC handlers of core/api.ts, and the
// follow-up reminders (store, scheduler, notifications, tray, login item). Everything with
// logic lives in core/ or electron/services/, which run without Electron.
import { join } from 'node:path';
import { app, BrowserWindow, powerMonitor, session, shell, type Tray } from 'electron';
import trayIcon from '../assets/tray.png?asset';
import trayIcon2x from '../assets/tray@2x.png?asset';
import { FOLLOW_UP_FOCUS_EVENT, type Handlers } from '../core/api';
import { mailtoLink } from '../core/followUpEmail';
import { isAppUrl, type RendererSource } from './adapters/app-url';
import { contentSecurityPolicy } from './adapters/csp';
import { registerIpcHandlers } from './adapters/ipc';
import { setOpenAtLogin, startedAtLogin } from './adapters/login';
import { showFollowUpReminder } from './adapters/notifications';
import { hardenSession } from './adapters/session';
import { createAppTray } from './adapters/tray';
import { createHardenedWindow } from './adapters/window';
import { FollowUpScheduler } from './services/followup/scheduler';
import { FollowUpStore } from './services/followup/store';

// electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev`. A packaged app ignores
// it, so nobody can point the installed app at another page through the environment.
const source: RendererSource = {
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
};
const preloadFile = join(import.meta.dirname, '../preload/preload.cjs');

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let followUps: FollowUpStore | null = null;
let scheduler: FollowUpScheduler | null = null;
let quitting = false;

function store(): FollowUpStore {
  if (!followUps) throw new Error('The follow-up store is not open yet.');
  return followUps;
}

const handlers: Required<Handlers> = {
  'app:info': () => ({ name: app.getName(), version: app.getVersion() }),
  'followups:list': () => store().list(),
  'followups:snooze': ({ id, until }) => store().snooze(id, until),
  'followups:reschedule': ({ id, dueAt }) => store().reschedule(id, dueAt),
  'followups:complete': ({ id }) => store().complete(id),
  'followups:cancel': ({ id }) => store().cancel(id),
  'followups:email': async ({ id }) => {
    const f = store().get(id);
    if (!f) throw new Error('This follow-up no longer exists.');
    // Only a mailto: link the app built itself is ever opened; nothing the renderer sends.
    await shell.openExternal(mailtoLink(f.prospectEmail, f.subject, f.body));
    return { opened: true };
  },
  'settings:get': () => store().settings(),
  'settings:set': (change) => {
    const settings = store().setSettings(change);
    if (change.openAtLogin !== undefined) setOpenAtLogin(settings.openAtLogin);
    applyTray(settings.keepInTray);
    return settings;
  },
};

function openMainWindow(): BrowserWindow {
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
  return win;
}

/** Brings the window up (opening it if the app lives in the tray) and shows that follow-up. */
function focusFollowUp(id: string): void {
  const win = mainWindow ?? openMainWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  const send = () => win.webContents.send(FOLLOW_UP_FOCUS_EVENT, id);
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
  else send();
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

function startFollowUps(): void {
  // electron-store's place: the same conf files, in the app's own data folder.
  followUps = FollowUpStore.open({ cwd: app.getPath('userData') });
  for (const problem of followUps.problems) console.warn(`Follow-ups: ${problem.file}: ${problem.message}`);
  const settings = followUps.settings();
  applyTray(settings.keepInTray);
  scheduler = new FollowUpScheduler({
    store: followUps,
    notify: (firing) => {
      if (!showFollowUpReminder(firing, focusFollowUp)) console.warn(`Follow-up ${firing.followUp.id} is due; notifications are not available.`);
    },
  });
  powerMonitor.on('resume', () => scheduler?.onResume());
  scheduler.start();
}

// Must run before the app is ready: every renderer, not only the ones we configure, is sandboxed.
app.enableSandbox();
// Windows shows notifications only for an app with an AppUserModelID (electron-builder's appId).
if (process.platform === 'win32') app.setAppUserModelId('com.advisordeck.app');

// A second copy of the app would share the same data files; focus the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, contentSecurityPolicy({ devServerUrl: source.devServerUrl }));
    registerIpcHandlers(handlers, (url) => isAppUrl(url, source));
    // A damaged settings file must not keep the advisor out of the app: the window still opens,
    // and the problem is reported, never silently papered over.
    try {
      startFollowUps();
    } catch (error) {
      console.error('Follow-ups could not start; reminders are off until this is fixed', error);
    }
    // Started by the login item with the tray on: stay in the tray until the advisor opens it.
    if (!(startedAtLogin() && tray)) openMainWindow();
    // macOS keeps the app running without windows; clicking the dock icon opens one again.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });

  app.on('before-quit', () => {
    quitting = true;
    scheduler?.stop();
    followUps?.close();
  });

  app.on('window-all-closed', () => {
    // In the tray, the app keeps running so reminders fire with the window closed.
    if (tray && !quitting) return;
    if (process.platform !== 'darwin') app.quit();
  });
}
