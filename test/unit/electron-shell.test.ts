// Electron cannot run on the machines we build on (DESIGN.md), so the shell's hardening is
// checked two ways: its pure parts (CSP, sender check, IPC dispatch) are run here, and the
// Electron-facing files are read as text to prove the settings are still in place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../core/api';
import { isAppUrl } from '../../electron/adapters/app-url';
import { contentSecurityPolicy } from '../../electron/services/app-csp';

const root = resolve(import.meta.dirname, '../..');

/** Source without comments, so a setting only mentioned in a comment does not count. */
function code(path: string): string {
  return readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => relative(root, join(root, dir, file)));
}

describe('window hardening (electron/adapters/window.ts)', () => {
  const windowTs = code('electron/adapters/window.ts');

  it.each([
    /contextIsolation:\s*true/,
    /sandbox:\s*true/,
    /nodeIntegration:\s*false/,
    /nodeIntegrationInSubFrames:\s*false/,
    /webSecurity:\s*true/,
    /webviewTag:\s*false/,
  ])('sets %s in the web preferences', (setting) => {
    expect(windowTs).toMatch(setting);
  });

  it('denies every window.open', () => {
    expect(windowTs).toMatch(/setWindowOpenHandler\(\s*\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\s*\)/);
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (eventName) => {
    expect(windowTs).toMatch(new RegExp(`on\\('${eventName}',\\s*\\(event\\)\\s*=>\\s*event\\.preventDefault\\(\\)\\)`));
  });

  it('applies the secure preferences last, so a caller cannot loosen them', () => {
    expect(windowTs).toMatch(/\{\s*\.\.\.options,\s*webPreferences:\s*secureWebPreferences\(preload\)\s*\}/);
  });

  it('is the only place that constructs a BrowserWindow', () => {
    const creators = tsFilesUnder('electron').filter((file) => /new BrowserWindow\(/.test(code(file)));
    expect(creators).toEqual(['electron/adapters/window.ts']);
  });
});

describe('main process (electron/main.ts)', () => {
  const main = code('electron/main.ts');

  it('sandboxes every renderer and keeps one instance', () => {
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/app\.requestSingleInstanceLock\(\)/);
  });

  it('opens its window through the hardened factory', () => {
    expect(main).toMatch(/createHardenedWindow\(/);
  });

  it('hardens the session with the CSP and registers the IPC handlers with the sender check', () => {
    expect(main).toMatch(/hardenSession\(session\.defaultSession,\s*contentSecurityPolicy\(/);
    expect(main).toMatch(/registerIpcHandlers\(advisorDeck\.handlers,\s*\(url\)\s*=>\s*isAppUrl\(url,\s*source\)\)/);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(main).toMatch(/app\.isPackaged\s*\?\s*undefined\s*:\s*process\.env\['ELECTRON_RENDERER_URL'\]/);
  });
});

describe('session hardening (electron/adapters/session.ts)', () => {
  const session = code('electron/adapters/session.ts');

  it('denies every permission request and check', () => {
    expect(session).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)/);
    expect(session).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
  });

  it('sets the Content-Security-Policy header on every response', () => {
    expect(session).toMatch(/onHeadersReceived[\s\S]*'Content-Security-Policy':\s*\[csp\]/);
  });
});

describe('preload (electron/preload.ts)', () => {
  const preload = code('electron/preload.ts');

  it('exposes one object of channel functions, never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('advisorDeck',\s*advisorDeck\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
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
    expect(built).not.toMatch(/unsafe-|https?:|wss?:/);
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

describe('IPC sender check (isAppUrl)', () => {
  const indexFile = join(root, 'out/renderer/index.html');
  const indexUrl = pathToFileURL(indexFile).href;

  it('accepts our built page, with or without a hash', () => {
    expect(isAppUrl(indexUrl, { indexFile })).toBe(true);
    expect(isAppUrl(`${indexUrl}#/prospects`, { indexFile })).toBe(true);
  });

  it('refuses other files, remote pages and junk', () => {
    expect(isAppUrl(pathToFileURL(join(root, 'out/renderer/other.html')).href, { indexFile })).toBe(false);
    expect(isAppUrl('https://example.com/index.html', { indexFile })).toBe(false);
    expect(isAppUrl('', { indexFile })).toBe(false);
    expect(isAppUrl('about:blank', { indexFile })).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const source = { indexFile, devServerUrl: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/', source)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', source)).toBe(false);
    expect(isAppUrl(indexUrl, source)).toBe(false);
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
