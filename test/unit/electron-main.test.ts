// electron/main.ts run for real under plain Node, against a fake `electron` module (the binary
// cannot run here, DESIGN.md): what it registers before the app is ready, the window it opens
// and the page it loads, the session rules, the app:// handler and the IPC sender check, all
// observed through the fake's calls instead of read from the source text.
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelNames, FOLLOW_UP_FOCUS_EVENT, type Handlers } from '../../core/api';
import { createFollowUp, markFired } from '../../core/followUp/record';
import type { Platform } from '../../electron/services/app';
import { contentSecurityPolicy } from '../../electron/services/app-csp';

type Listener = (...args: unknown[]) => unknown;
interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

const root = resolve(import.meta.dirname, '../..');

function fakeElectron({ isPackaged, singleInstance = true }: { isPackaged: boolean; singleInstance?: boolean }) {
  const log: string[] = [];
  const sent: unknown[][] = [];
  const powerListeners = new Map<string, Listener>();
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const ipc = new Map<string, Listener>();
  const protocols = new Map<string, (request: Request) => Promise<Response> | Response>();
  const schemes: unknown[] = [];
  const appListeners = new Map<string, Listener>();
  const sessionHooks: { request?: Listener; check?: Listener; headers?: Listener } = {};
  const errorBoxes: string[] = [];

  class BrowserWindow {
    static readonly all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly loaded: string[] = [];
    readonly contentsListeners = new Map<string, Listener>();
    openHandler: Listener | undefined;
    readonly webContents = {
      setWindowOpenHandler: (handler: Listener) => {
        this.openHandler = handler;
      },
      on: (event: string, listener: Listener) => {
        this.contentsListeners.set(event, listener);
      },
      once: () => {},
      isLoading: () => false,
      send: (...args: unknown[]) => sent.push(args),
    };
    constructor(readonly options: Record<string, unknown>) {
      log.push('new BrowserWindow');
      BrowserWindow.all.push(this);
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized = () => false;
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(`loadFile:${file}`);
      return Promise.resolve();
    }
  }

  const electron = {
    app: {
      isPackaged,
      getName: () => 'Advisor Deck',
      getVersion: () => '0.1.0',
      setPath: () => {},
      getPath: (name: string) => `/fake/${name}`,
      enableSandbox: () => log.push('enableSandbox'),
      setAppUserModelId: () => {},
      requestSingleInstanceLock: () => singleInstance,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => ready,
      quit: () => log.push('quit'),
      exit: (code: number) => log.push(`exit ${code}`),
      getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => errorBoxes.push(`${title}: ${message}`) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (ipc.has(channel)) throw new Error(`second handler for ${channel}`);
        ipc.set(channel, listener);
      },
    },
    powerMonitor: { on: (event: string, listener: Listener) => powerListeners.set(event, listener) },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        log.push('registerSchemesAsPrivileged');
        schemes.push(...list);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        log.push(`protocol.handle ${scheme}`);
        protocols.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (sessionHooks.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (sessionHooks.check = handler),
        webRequest: { onHeadersReceived: (handler: Listener) => (sessionHooks.headers = handler) },
      },
    },
    shell: {
      openExternal: (url: string) => {
        log.push(`openExternal ${url}`);
        return Promise.resolve();
      },
    },
    Tray: class {
      readonly listeners = new Map<string, Listener>();
      constructor() {
        log.push('new Tray');
      }
      setToolTip() {}
      setContextMenu() {}
      on(event: string, listener: Listener) {
        this.listeners.set(event, listener);
      }
      destroy() {
        log.push('tray.destroy');
      }
    },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createEmpty: () => ({ addRepresentation: () => {} }) },
    Notification: class {
      static readonly shown: { options: { title: string; body: string }; listeners: Map<string, Listener> }[] = [];
      static isSupported = () => true;
      readonly listeners = new Map<string, Listener>();
      constructor(readonly options: { title: string; body: string }) {}
      on(event: string, listener: Listener) {
        this.listeners.set(event, listener);
      }
      show() {
        (this.constructor as unknown as { shown: unknown[] }).shown.push(this);
      }
    },
  };
  return {
    electron,
    log,
    markReady,
    ipc,
    protocols,
    schemes,
    appListeners,
    sessionHooks,
    errorBoxes,
    sent,
    powerListeners,
    windows: BrowserWindow.all,
    notifications: electron.Notification.shown,
  };
}

const appInfo = { 'app:info': () => ({ name: 'Advisor Deck', version: '0.1.0' }) } as unknown as Handlers;

/** Imports a fresh electron/main.ts against the fake; `open` stands in for the app layer. */
async function runMain(options: {
  isPackaged: boolean;
  rendererUrl?: string;
  singleInstance?: boolean;
  open?: () => Promise<unknown>;
  keepInTray?: boolean;
}) {
  vi.resetModules();
  const fake = fakeElectron(options);
  const opened: { dataDir: string; platform: Platform }[] = [];
  const resumed: number[] = [];
  vi.doMock('electron', () => fake.electron);
  vi.doMock('../../assets/tray.png?asset', () => ({ default: join(root, 'assets/tray.png') }));
  vi.doMock('../../assets/tray@2x.png?asset', () => ({ default: join(root, 'assets/tray@2x.png') }));
  vi.doMock('../../electron/services/app', () => ({
    openApp: async (appOptions: { dataDir: string; platform: Platform }) => {
      opened.push(appOptions);
      if (options.open) await options.open();
      const followUps =
        options.keepInTray === undefined
          ? null
          : { settings: () => ({ keepInTray: options.keepInTray, openAtLogin: false }) };
      return {
        handlers: appInfo,
        problems: [],
        followUps,
        onResume: () => resumed.push(Date.now()),
        close: async () => {},
      };
    },
  }));
  // Electron's own addition to process: where a packaged app's extra resources are.
  (process as { resourcesPath?: string }).resourcesPath = '/fake/resources';
  vi.stubEnv('ELECTRON_RENDERER_URL', options.rendererUrl);
  await import('../../electron/main');
  return {
    ...fake,
    opened,
    resumed,
    /** Lets app.whenReady() resolve and main's ready work run to its end. */
    async ready() {
      fake.markReady();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    /** Calls an IPC channel as a frame of the given URL would. */
    invoke(channel: string, frame: FakeFrame | null, input?: unknown) {
      return fake.ipc.get(channel)?.({ senderFrame: frame }, input) as Promise<{ ok: boolean }>;
    },
  };
}

const top = (url: string): FakeFrame => ({ url, parent: null });

afterEach(() => {
  vi.doUnmock('electron');
  vi.doUnmock('../../electron/services/app');
  delete (process as { resourcesPath?: string }).resourcesPath;
  vi.unstubAllEnvs();
});

describe('electron/main.ts before the app is ready', () => {
  it('sandboxes every renderer and registers app:// as privileged, and does nothing else yet', async () => {
    const main = await runMain({ isPackaged: true });
    expect(main.log).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(main.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(main.ipc.size).toBe(0);
    expect(main.windows).toHaveLength(0);
  });

  it('quits at once when another copy of the app is running', async () => {
    const main = await runMain({ isPackaged: true, singleInstance: false });
    await main.ready();
    expect(main.log).toContain('quit');
    expect(main.opened).toHaveLength(0);
    expect(main.windows).toHaveLength(0);
  });
});

describe('electron/main.ts, packaged', () => {
  it('opens one hardened window on app://advisor-deck/index.html, whatever ELECTRON_RENDERER_URL says', async () => {
    const main = await runMain({ isPackaged: true, rendererUrl: 'https://evil.example/' });
    await main.ready();
    expect(main.windows).toHaveLength(1);
    const [win] = main.windows;
    expect(win?.loaded).toEqual(['app://advisor-deck/index.html']);
    expect(win?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String((win?.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[/\\]preload\.cjs$/,
    );
    expect(win?.openHandler?.()).toEqual({ action: 'deny' });
    const navigation = { preventDefault: vi.fn() };
    win?.contentsListeners.get('will-navigate')?.(navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('serves app:// after ready, with the built CSP on every response', async () => {
    const main = await runMain({ isPackaged: true });
    await main.ready();
    expect(main.log.indexOf('protocol.handle app')).toBeLessThan(main.log.indexOf('new BrowserWindow'));
    // Built, main.js sits in out/main and serves out/renderer; run from source here, main.ts
    // sits in electron/ and so serves the source renderer/ folder: its index.html, nothing else.
    const serve = (url: string) => main.protocols.get('app')?.(new Request(url));
    const page = await serve('app://advisor-deck/index.html');
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page?.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    for (const url of [
      'app://advisor-deck/src/main.tsx',
      'app://advisor-deck/../electron/main.ts',
      'app://advisor-deck/%2e%2e/package.json',
    ]) {
      const refused = await serve(url);
      expect(refused?.status, url).toBe(404);
      expect(refused?.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy());
    }
  });

  it('hardens the session: no permissions, the built CSP on every response', async () => {
    const main = await runMain({ isPackaged: true });
    await main.ready();
    const answer = vi.fn();
    main.sessionHooks.request?.({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(main.sessionHooks.check?.({}, 'notifications')).toBe(false);
    const headers = vi.fn();
    main.sessionHooks.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, headers);
    expect(headers).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy()] },
    });
  });

  it('opens the app layer on userData and answers every channel, only to the app page in the top frame', async () => {
    const main = await runMain({ isPackaged: true });
    await main.ready();
    expect(main.opened).toEqual([
      expect.objectContaining({
        dataDir: '/fake/userData',
        templatesDir: '/fake/resources/templates',
        holder: 'the desktop app',
      }),
    ]);
    expect([...main.ipc.keys()].sort()).toEqual([...channelNames].sort());
    await expect(main.invoke('app:info', top('app://advisor-deck/index.html#/prospect/p-1'))).resolves.toEqual({
      ok: true,
      value: { name: 'Advisor Deck', version: '0.1.0' },
    });
    const page = top('app://advisor-deck/index.html');
    for (const frame of [
      null,
      { url: 'app://advisor-deck/index.html', parent: page },
      top('app://advisor-deck/assets/index.js'),
      top('app://other/index.html'),
      top('file:///opt/Advisor%20Deck/resources/app.asar/out/renderer/index.html'),
      top('http://localhost:5173/'),
      top('https://evil.example/'),
    ]) {
      await expect(main.invoke('app:info', frame), JSON.stringify(frame)).resolves.toMatchObject({
        ok: false,
        error: 'Refused app:info: the sender is not the app window.',
      });
    }
  });

  it('hands only mailto: links to the system', async () => {
    const main = await runMain({ isPackaged: true });
    await main.ready();
    const platform = main.opened[0]?.platform;
    await expect(platform?.openExternal('mailto:maria@example.com?subject=Hi')).resolves.toBe(true);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-settings:',
      'javascript:alert(1)',
      'not a url',
    ]) {
      await expect(platform?.openExternal(url), url).resolves.toBe(false);
    }
    expect(main.log.filter((line) => line.startsWith('openExternal'))).toEqual([
      'openExternal mailto:maria@example.com?subject=Hi',
    ]);
  });

  it('says why and stops, opening no window, when the data folder cannot be opened', async () => {
    const main = await runMain({
      isPackaged: true,
      open: () => Promise.reject(new Error('npm run web holds this data folder')),
    });
    await main.ready();
    expect(main.errorBoxes).toEqual(['Advisor Deck cannot open its data: npm run web holds this data folder']);
    expect(main.log).toContain('exit 2');
    expect(main.windows).toHaveLength(0);
    expect(main.ipc.size).toBe(0);
  });
});

describe('electron/main.ts, from source with the dev server', () => {
  it('loads the dev server, lets only it call IPC, and widens the CSP for it alone', async () => {
    const main = await runMain({ isPackaged: false, rendererUrl: 'http://localhost:5173/' });
    await main.ready();
    expect(main.windows[0]?.loaded).toEqual(['http://localhost:5173/']);
    await expect(main.invoke('app:info', top('http://localhost:5173/#/prospects'))).resolves.toMatchObject({
      ok: true,
    });
    await expect(main.invoke('app:info', top('app://advisor-deck/index.html'))).resolves.toMatchObject({ ok: false });
    const headers = vi.fn();
    main.sessionHooks.headers?.({ responseHeaders: {} }, headers);
    expect(headers).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Security-Policy': [contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' })],
      },
    });
  });

  it('loads app:// when no dev server runs', async () => {
    const main = await runMain({ isPackaged: false });
    await main.ready();
    expect(main.windows[0]?.loaded).toEqual(['app://advisor-deck/index.html']);
  });
});

describe('electron/main.ts, follow-up reminders', () => {
  const firing = (name: string) => {
    const now = Date.parse('2026-12-08T18:00:00Z');
    const record = createFollowUp(
      {
        id: 'fu-1',
        prospectId: 'p-1',
        prospectName: name,
        dueAt: '2026-12-08T10:00:00-08:00',
        timeZone: 'America/Los_Angeles',
        channel: 'email',
        subject: 'Following up',
        body: '',
      },
      now,
    );
    return { followUp: markFired(record, now), missed: false, dueAt: now, lateMs: 0 };
  };

  it('shows a notification per firing whose click brings the window to that follow-up', async () => {
    const main = await runMain({ isPackaged: true });
    await main.ready();
    expect(main.opened[0]?.platform.notify(firing('Maria Lopez'))).toBe(true);
    expect(main.notifications.at(-1)?.options.title).toBe('Follow up with Maria Lopez');
    main.notifications.at(-1)?.listeners.get('click')?.();
    expect(main.sent).toEqual([[FOLLOW_UP_FOCUS_EVENT, 'fu-1']]);
  });

  it('re-arms the scheduler when the machine wakes', async () => {
    const main = await runMain({ isPackaged: true });
    await main.ready();
    main.powerListeners.get('resume')?.();
    expect(main.resumed).toHaveLength(1);
  });

  it('keeps running in the tray with the window closed, and quits without it', async () => {
    const inTray = await runMain({ isPackaged: true, keepInTray: true });
    await inTray.ready();
    expect(inTray.log).toContain('new Tray');
    inTray.appListeners.get('window-all-closed')?.();
    expect(inTray.log).not.toContain('quit');
    // The setting turned off from the window: the tray goes.
    inTray.opened[0]?.platform.applySettings({ keepInTray: false, openAtLogin: false } as never, {});
    expect(inTray.log).toContain('tray.destroy');

    const noTray = await runMain({ isPackaged: true, keepInTray: false });
    await noTray.ready();
    noTray.appListeners.get('window-all-closed')?.();
    expect(noTray.log.includes('quit')).toBe(process.platform !== 'darwin');
  });
});
