// Electron cannot run on the machines we build on (DESIGN.md), so the shell's parts are run
// here against plain objects standing in for Electron's: the window options and hardening, the
// session rules, the IPC registration and its sender check, the CSP. main.ts as a whole runs
// against a fake electron module in electron-main.test.ts, the preload in electron-preload.test.ts,
// app:// in electron-app-protocol.test.ts. Only what no run can show is read as text: that no
// other file constructs a BrowserWindow.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channelNames, dispatch, type Handlers } from '../../core/api';
import { isAllowedExternalUrl, isAppUrl, rendererUrl } from '../../electron/adapters/app-url';
import { registerIpcHandlers, senderIsApp, type SenderEvent } from '../../electron/adapters/ipc';
import { appOriginCheck, hardenSession } from '../../electron/adapters/session';
import {
  hardenedWindowOptions,
  hardenWindow,
  secureWebPreferences,
  type HardenableWindow,
} from '../../electron/adapters/window-policy';
import { contentSecurityPolicy } from '../../electron/services/app-csp';

const root = resolve(import.meta.dirname, '../..');

type Listener = (...args: unknown[]) => unknown;

describe('window options (electron/adapters/window-policy.ts)', () => {
  it('gives every window the secure web preferences', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it("keeps the caller's size and title but never the caller's web preferences", () => {
    const loosened = {
      width: 800,
      title: 'Advisor Deck',
      webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false },
    };
    // The type refuses webPreferences; a cast (or plain JS) must still not get through.
    const options = hardenedWindowOptions(loosened as Parameters<typeof hardenedWindowOptions>[0], '/app/preload.cjs');
    expect(options).toEqual({
      width: 800,
      title: 'Advisor Deck',
      webPreferences: secureWebPreferences('/app/preload.cjs'),
    });
  });
});

describe('window hardening (hardenWindow, with a fake window)', () => {
  function fakeWindow() {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const win = {
      webContents: {
        setWindowOpenHandler: (handler: Listener) => {
          openHandler = handler;
        },
        on: (event: string, listener: Listener) => {
          listeners.set(event, listener);
        },
      },
    };
    hardenWindow(win as unknown as HardenableWindow);
    return { listeners, openHandler: () => openHandler?.({ url: 'https://evil.example/', disposition: 'new-window' }) };
  }

  it('denies every window.open', () => {
    expect(fakeWindow().openHandler()).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (eventName) => {
    const event = { preventDefault: vi.fn() };
    fakeWindow().listeners.get(eventName)?.(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('is the only place that constructs a BrowserWindow (read as text: no run can show it)', () => {
    const strip = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    const creators = readdirSync(join(root, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => relative(root, join(root, 'electron', file)))
      .filter((file) => /new BrowserWindow\(/.test(strip(readFileSync(join(root, file), 'utf8'))));
    expect(creators).toEqual(['electron/adapters/window.ts']);
  });
});

describe('session hardening (hardenSession, with a fake session)', () => {
  function hardened(csp: string, isApp?: (origin: string) => boolean) {
    const hooks: { request?: Listener; check?: Listener; headers?: Listener } = {};
    const session = {
      setPermissionRequestHandler: (handler: Listener) => (hooks.request = handler),
      setPermissionCheckHandler: (handler: Listener) => (hooks.check = handler),
      webRequest: { onHeadersReceived: (handler: Listener) => (hooks.headers = handler) },
    };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0], csp, isApp);
    return hooks;
  }

  it('denies every permission request and check', () => {
    const hooks = hardened('x');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      hooks.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(hooks.check?.({}, permission)).toBe(false);
    }
  });

  it('allows full screen (present mode) to the app page only, and nothing else to anyone', () => {
    const hooks = hardened('x', appOriginCheck(undefined));
    const ask = (permission: string, url: string) => {
      const callback = vi.fn();
      hooks.request?.({ getURL: () => url }, permission, callback, { requestingUrl: url });
      return [callback.mock.calls[0]?.[0], hooks.check?.({}, permission, url)];
    };
    expect(ask('fullscreen', 'app://advisor-deck/index.html#/present/p-1')).toEqual([true, true]);
    expect(ask('fullscreen', 'https://evil.example/')).toEqual([false, false]);
    expect(ask('fullscreen', 'app://advisor-deck.evil/index.html')).toEqual([false, false]);
    expect(ask('media', 'app://advisor-deck/index.html')).toEqual([false, false]);
    expect(ask('notifications', 'app://advisor-deck/index.html')).toEqual([false, false]);
  });

  it('sets the Content-Security-Policy header on every response, over any the response had', () => {
    const hooks = hardened("default-src 'none'");
    const callback = vi.fn();
    hooks.headers?.(
      { responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src *'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'none'"] },
    });
  });
});

describe('Content-Security-Policy', () => {
  const built = contentSecurityPolicy();

  it.each([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ])('the built app policy has %s', (directive) => {
    expect(built.split('; ')).toContain(directive);
  });

  it('allows no inline code and no remote origin in the built app', () => {
    expect(built).not.toMatch(/unsafe-|https?:|wss?:|file:|app:/);
  });

  it('opens the dev server (and only it) in development', () => {
    const dev = contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' });
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(dev).toContain("default-src 'none'");
  });

  it('is the same policy in the <meta> of renderer/index.html (minus frame-ancestors)', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy({ forMeta: true }));
    expect(meta).not.toContain('frame-ancestors');
  });
});

describe('the page the window loads (rendererUrl) and the pages that count as ours (isAppUrl)', () => {
  const dev = { devServerUrl: 'http://localhost:5173/' };

  it('loads app://advisor-deck/index.html, or the dev server in development', () => {
    expect(rendererUrl({})).toBe('app://advisor-deck/index.html');
    expect(rendererUrl(dev)).toBe('http://localhost:5173/');
  });

  it('accepts our page, with any hash route or query', () => {
    expect(isAppUrl('app://advisor-deck/index.html', {})).toBe(true);
    expect(isAppUrl('app://advisor-deck/index.html#/prospect/p-1', {})).toBe(true);
    expect(isAppUrl('app://advisor-deck/index.html?x=1#/', {})).toBe(true);
  });

  it.each([
    'app://advisor-deck/',
    'app://advisor-deck/assets/index-abc.js',
    'app://advisor-deck/other.html',
    'app://advisor-deck.evil.example/index.html',
    'app://other/index.html',
    'app://ADVISOR-DECK/index.html',
    'app://advisor-deck:1/index.html',
    'app://user@advisor-deck/index.html',
    'file:///opt/Advisor%20Deck/resources/app.asar/out/renderer/index.html',
    'https://advisor-deck/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, {})).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/prospects', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('app://advisor-deck/index.html', dev)).toBe(false);
  });
});

describe('links handed to the system (isAllowedExternalUrl)', () => {
  it('allows the mailto: links the app builds, and nothing else', () => {
    expect(isAllowedExternalUrl('mailto:maria%40x@example.com?subject=Hi&body=Hello')).toBe(true);
    expect(isAllowedExternalUrl('mailto:?subject=Hi')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://localhost/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
      'ms-msdt:/id',
      'javascript:alert(1)',
      'app://advisor-deck/index.html',
      '',
      'mailto',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('IPC (registerIpcHandlers, with a fake ipcMain)', () => {
  const page = { url: 'app://advisor-deck/index.html#/prospects', parent: null };
  const appPage = (url: string) => isAppUrl(url, {});

  function registered(handlers: Handlers) {
    const listeners = new Map<string, Listener>();
    const ipc = {
      handle: (channel: string, listener: Listener) => {
        expect(listeners.has(channel), `${channel} registered twice`).toBe(false);
        listeners.set(channel, listener);
      },
    };
    registerIpcHandlers(ipc as unknown as Parameters<typeof registerIpcHandlers>[0], handlers, appPage);
    return (channel: string, event: SenderEvent, input?: unknown) =>
      listeners.get(channel)?.(event, input) as Promise<unknown>;
  }

  it('registers every channel of core/api.ts, once', () => {
    const channels: string[] = [];
    registerIpcHandlers(
      { handle: (channel: string) => void channels.push(channel) } as unknown as Parameters<
        typeof registerIpcHandlers
      >[0],
      {} as Handlers,
      appPage,
    );
    expect(channels).toEqual([...channelNames]);
  });

  it('answers our page in the top frame through dispatch', async () => {
    const invoke = registered({
      'app:info': () => ({ name: 'Advisor Deck', version: '0.1.0' }),
    } as unknown as Handlers);
    await expect(invoke('app:info', { senderFrame: page } as unknown as SenderEvent)).resolves.toEqual({
      ok: true,
      value: { name: 'Advisor Deck', version: '0.1.0' },
    });
  });

  it.each([
    ['a destroyed or navigated frame', null],
    ['a child frame of our page', { url: 'app://advisor-deck/index.html', parent: page }],
    ['another page of the scheme', { url: 'app://advisor-deck/assets/x.js', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a remote page', { url: 'https://evil.example/', parent: null }],
  ])('refuses %s without running the handler', async (_name, frame) => {
    let ran = false;
    const invoke = registered({ 'app:info': () => ((ran = true), { name: '', version: '' }) } as unknown as Handlers);
    const event = { senderFrame: frame } as unknown as SenderEvent;
    expect(senderIsApp(event, appPage)).toBe(false);
    await expect(invoke('app:info', event)).resolves.toEqual({
      ok: false,
      error: 'Refused app:info: the sender is not the app window.',
    });
    expect(ran).toBe(false);
  });

  it('checks the input against the channel schema after the sender', async () => {
    let ran = false;
    const invoke = registered({ 'followups:complete': () => ((ran = true), undefined) } as unknown as Handlers);
    const result = (await invoke('followups:complete', { senderFrame: page } as unknown as SenderEvent, {
      id: '../../etc/passwd',
    })) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(ran).toBe(false);
  });
});

describe('IPC dispatch (core/api.ts)', () => {
  const handlers = { 'app:info': () => ({ name: 'Advisor Deck', version: '0.1.0' }) } as unknown as Handlers;

  it('runs the handler and wraps its value', async () => {
    await expect(dispatch(handlers, 'app:info', undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Advisor Deck', version: '0.1.0' },
    });
  });

  it('refuses an input that does not match the schema, without running the handler', async () => {
    let ran = false;
    const spy = { 'app:info': () => ((ran = true), { name: '', version: '' }) } as unknown as Handlers;
    const result = await dispatch(spy, 'app:info', { sneaky: true });
    expect(result.ok).toBe(false);
    expect(ran).toBe(false);
  });

  it('turns a thrown error into an error result', async () => {
    const failing = {
      'app:info': () => {
        throw new Error('disk on fire');
      },
    } as unknown as Handlers;
    await expect(dispatch(failing, 'app:info', undefined)).resolves.toEqual({ ok: false, error: 'disk on fire' });
  });
});
