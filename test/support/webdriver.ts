// The few W3C WebDriver commands the WebKit test needs, over HTTP: Debian's WebKitGTK driver
// (WebKitWebDriver) runs MiniBrowser, the WebKit engine an iPad's Safari shares. Playwright's
// WebKit build cannot be downloaded here, so the tablet page is checked through the standard
// protocol instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** MiniBrowser, under the webkit2gtk library folder (its path has the API version in it). */
export function miniBrowserPath(): string | undefined {
  for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib)) {
      if (!dir.startsWith('webkit2gtk-')) continue;
      const candidate = join(lib, dir, 'MiniBrowser');
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export function webkitAvailable(): boolean {
  return existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/xvfb-run') && miniBrowserPath() !== undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface WebDriver {
  session: string;
  call<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  go(url: string): Promise<void>;
  run<T = unknown>(script: string, ...args: unknown[]): Promise<T>;
  find(using: 'css selector' | 'xpath', value: string): Promise<string>;
  click(element: string): Promise<void>;
  type(element: string, text: string): Promise<void>;
  quit(): Promise<void>;
}

/** Starts WebKitWebDriver under a virtual display and opens a MiniBrowser session. */
export async function startWebKit(): Promise<WebDriver> {
  const port = await freePort();
  const driver: ChildProcess = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok)
      throw new Error(
        `WebDriver ${method} ${path}: ${json.value?.error ?? response.status} ${json.value?.message ?? ''}`,
      );
    return json.value;
  }
  // The driver answers once it is up.
  for (let tries = 0; ; tries++) {
    try {
      await call('GET', '/status');
      break;
    } catch (error) {
      if (tries > 300 || driver.exitCode !== null) throw new Error('WebKitWebDriver did not start', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const created = await call<{ sessionId: string }>('POST', '/session', {
    capabilities: {
      alwaysMatch: { 'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] } },
    },
  });
  const session = created.sessionId;
  const s = (path: string) => `/session/${session}${path}`;
  return {
    session,
    call,
    go: async (url) => void (await call('POST', s('/url'), { url })),
    run: (script, ...args) => call('POST', s('/execute/sync'), { script, args }),
    find: async (using, value) =>
      (await call<Record<string, string>>('POST', s('/element'), { using, value }))[ELEMENT] ?? '',
    click: async (element) => void (await call('POST', s(`/element/${element}/click`), {})),
    type: async (element, text) => void (await call('POST', s(`/element/${element}/value`), { text })),
    quit: async () => {
      try {
        await call('DELETE', s(''));
      } finally {
        // xvfb-run, the driver and the browser are one process group.
        if (driver.pid !== undefined) {
          try {
            process.kill(-driver.pid, 'SIGTERM');
          } catch {
            // Already gone.
          }
        }
      }
    },
  };
}
