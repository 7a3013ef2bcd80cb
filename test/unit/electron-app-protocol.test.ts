// app://advisor-deck: the URL-to-file mapping, the confinement to the built renderer folder
// and the responses of the protocol handler, all run under plain Node (DESIGN.md) against a
// temp folder shaped like out/renderer, with a link that points out of it.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, registerAppScheme, serveAppScheme } from '../../electron/adapters/protocol';
import { contentSecurityPolicy } from '../../electron/services/app-csp';
import {
  APP_INDEX_URL,
  appFileSegments,
  appRequestHandler,
  mimeType,
  resolveAppFile,
} from '../../electron/services/app-protocol';

describe('app:// URL to file (appFileSegments)', () => {
  it.each([
    ['app://advisor-deck/index.html', ['index.html']],
    ['app://advisor-deck/index.html?x=1#/prospect/p-1', ['index.html']],
    ['app://advisor-deck/assets/IntakeScreen-fRjjyznw.js', ['assets', 'IntakeScreen-fRjjyznw.js']],
    ['app://advisor-deck/assets/index-BRTHXXXZ.css', ['assets', 'index-BRTHXXXZ.css']],
    // Dot segments inside the app resolve (as Chromium resolves them) and stay inside it.
    ['app://advisor-deck/assets/../index.html', ['index.html']],
    ['app://advisor-deck/../../assets/x.js', ['assets', 'x.js']],
    ['app://advisor-deck/%2E%2E/%2E%2E/etc/hosts.json', ['etc', 'hosts.json']],
  ])('%s names %j', (url, segments) => {
    expect(appFileSegments(url)).toEqual(segments);
  });

  it.each([
    // Leaving the folder: resolved to /etc/passwd, which has no served type either way.
    'app://advisor-deck/../../etc/passwd',
    'app://advisor-deck/%2e%2e/%2e%2e/etc/passwd',
    // Encoded separators and dots never decode into a path: a segment with '%' is refused.
    'app://advisor-deck/..%2f..%2fetc%2fpasswd.js',
    'app://advisor-deck/assets%2f..%2f..%2fx.js',
    'app://advisor-deck/..%5c..%5cx.js',
    'app://advisor-deck/assets/%2e%2e%2findex.html',
    'app://advisor-deck/index.html%00.js',
    String.raw`app://advisor-deck/..\..\x.js`,
    // Hidden files, empty segments, folders, unknown types.
    'app://advisor-deck/.env.json',
    'app://advisor-deck//index.html',
    'app://advisor-deck/assets/',
    'app://advisor-deck/',
    'app://advisor-deck',
    'app://advisor-deck/assets/x.map',
    'app://advisor-deck/assets/x.exe',
    'app://advisor-deck/assets/x',
    // Other hosts, ports, credentials, schemes.
    'app://other-app/index.html',
    'app://ADVISOR-DECK/index.html',
    'app://advisor-deck.evil.example/index.html',
    'app://advisor-deck:8080/index.html',
    'app://user:pass@advisor-deck/index.html',
    'app:///index.html',
    'app:advisor-deck/index.html',
    'file:///index.html',
    'https://advisor-deck/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(appFileSegments(url)).toBeUndefined();
  });

  it('types each served file and nothing else', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('X.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeType('logo.svg')).toBe('image/svg+xml');
    expect(mimeType('inter.woff2')).toBe('font/woff2');
    expect(mimeType('x.map')).toBeUndefined();
    expect(mimeType('passwd')).toBeUndefined();
  });
});

describe('app:// handler on a built renderer folder', () => {
  let base: string;
  let rendererDir: string;
  const csp = contentSecurityPolicy();
  let handle: (request: Request) => Promise<Response>;
  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'advisor-deck-app-'));
    rendererDir = join(base, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><script type="module" src="./assets/index-abc.js"></script>',
    );
    writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'import("./IntakeScreen-def.js");');
    writeFileSync(join(rendererDir, 'assets', 'IntakeScreen-def.js'), 'export const x = 1;');
    writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
    mkdirSync(join(rendererDir, 'assets', 'folder.js'));
    // Outside the renderer folder, and links that lead there.
    writeFileSync(join(base, 'secret.js'), 'client data');
    writeFileSync(join(base, 'secret.txt'), 'client data');
    symlinkSync(join(base, 'secret.js'), join(rendererDir, 'assets', 'linked-out.js'));
    symlinkSync(base, join(rendererDir, 'up'));
    // A link inside the folder to a file that is also inside is fine (and typed by its target).
    symlinkSync(join(rendererDir, 'assets', 'index-abc.css'), join(rendererDir, 'assets', 'alias.css'));
    handle = appRequestHandler({ rendererDir, csp });
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html, the entry script, a lazy chunk and the styles with their types and the CSP', async () => {
    for (const [url, type, body] of [
      [APP_INDEX_URL, 'text/html; charset=utf-8', '<!doctype html>'],
      ['app://advisor-deck/assets/index-abc.js', 'text/javascript; charset=utf-8', 'import('],
      // What `import('./IntakeScreen-def.js')` requests from app://advisor-deck/assets/index-abc.js.
      [
        new URL('./IntakeScreen-def.js', 'app://advisor-deck/assets/index-abc.js').href,
        'text/javascript; charset=utf-8',
        'export const x',
      ],
      ['app://advisor-deck/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://advisor-deck/assets/alias.css', 'text/css; charset=utf-8', 'body{}'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(csp);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await response.text(), url).toContain(body);
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await get(APP_INDEX_URL, 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://advisor-deck/../../etc/passwd',
    'app://advisor-deck/%2e%2e/secret.js',
    'app://advisor-deck/..%2fsecret.js',
    'app://advisor-deck/assets/linked-out.js',
    'app://advisor-deck/up/secret.js',
    'app://advisor-deck/assets/folder.js',
    'app://advisor-deck/assets/missing.js',
    'app://advisor-deck/secret.txt',
    'app://advisor-deck/',
    'app://other-app/index.html',
  ])('404s %s, with the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(await response.text()).not.toContain('client data');
  });

  it('404s every method but GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expect((await get(APP_INDEX_URL, method)).status, method).toBe(404);
    }
  });

  it('confines a resolved file to the real renderer folder', async () => {
    await expect(resolveAppFile(rendererDir, 'app://advisor-deck/assets/linked-out.js')).resolves.toBeUndefined();
    await expect(resolveAppFile(join(base, 'missing'), APP_INDEX_URL)).resolves.toBeUndefined();
    // Reached through a link to the folder itself, the folder still serves its own files.
    await expect(resolveAppFile(join(base, 'renderer', 'up', 'renderer'), APP_INDEX_URL)).resolves.toMatch(
      /index\.html$/,
    );
  });
});

// `npm test` builds the app before the unit tests; a bare `vitest run` may have no build.
const builtRenderer = resolve(import.meta.dirname, '../../out/renderer');
describe.skipIf(!existsSync(join(builtRenderer, 'index.html')))('app:// on the real build (out/renderer)', () => {
  const handle = appRequestHandler({ rendererDir: builtRenderer, csp: contentSecurityPolicy() });
  const files = readdirSync(builtRenderer, { recursive: true, encoding: 'utf8' }).filter((file) =>
    statSync(join(builtRenderer, file)).isFile(),
  );

  it('serves every built file with a type (a new kind of asset needs a line in app-protocol.ts)', async () => {
    for (const file of files) {
      const response = await handle(new Request(`app://advisor-deck/${file.split(sep).join('/')}`));
      expect(response.status, file).toBe(200);
    }
  });

  it('resolves every relative script, style and lazy chunk the page and its chunks ask for', async () => {
    const html = readFileSync(join(builtRenderer, 'index.html'), 'utf8');
    const wanted = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map(
      (m) => new URL(m[1] ?? '', APP_INDEX_URL).href,
    );
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const base = `app://advisor-deck/${file.split(sep).join('/')}`;
      const code = readFileSync(join(builtRenderer, file), 'utf8');
      wanted.push(
        ...[...code.matchAll(/["'`](\.\/[A-Za-z0-9_.-]+\.(?:js|css))["'`]/g)].map(
          (m) => new URL(m[1] ?? '', base).href,
        ),
      );
    }
    expect(wanted.length).toBeGreaterThan(1);
    for (const url of new Set(wanted)) expect((await handle(new Request(url))).status, url).toBe(200);
  });
});

describe('app:// registration (electron/adapters/protocol.ts, with a fake protocol)', () => {
  it('registers app as a standard, secure scheme with fetch, and nothing more', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('hands the app scheme to the confined handler', async () => {
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    serveAppScheme(
      { handle: (scheme, handler) => void handlers.set(scheme, handler) },
      { rendererDir: join(tmpdir(), 'no-such-renderer'), csp: 'x' },
    );
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')?.(new Request(APP_INDEX_URL));
    expect(response?.status).toBe(404);
    expect(response?.headers.get('content-security-policy')).toBe('x');
  });
});
