// Starts `npm run web` as a real process on a data folder (a temp one in tests) and reads the
// address it prints. Used by the browser tests, the screenshots script and the bench. It runs
// what `npm run web` runs, the launcher and the bundled host (scripts/web.mjs, out/web/): the
// tests check the code a person starts, and each start takes well under a second instead of
// tsx compiling the services again (the first start after an edit builds the bundle, once).
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningHost {
  /** The address with the token, as printed. */
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  /**
   * What the app's own page holds after opening the printed address: the cookie and the page's
   * secret, as request headers for the API (with the host's Origin).
   */
  session(): Promise<SessionHeaders>;
  /** Everything the host wrote on stderr so far. */
  stderr: () => string;
  /** Ctrl+C, then waits for the exit code. */
  stop(): Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export interface SessionHeaders {
  Cookie: string;
  'X-Advisor-Deck-Session': string;
  Origin: string;
  [name: string]: string;
}

/** Opens the printed address as the browser does and keeps what the page gets. */
export function openSession(url: string): Promise<SessionHeaders> {
  const parsed = new URL(url);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(parsed.port),
        path: `${parsed.pathname}${parsed.search}`,
        headers: { Host: parsed.host },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
          const secret = /<meta name="advisor-deck-session" content="([^"]+)"/.exec(body)?.[1];
          if (res.statusCode !== 200 || !cookie || !secret)
            return reject(new Error(`opening ${url}: ${res.statusCode}, no session`));
          resolvePromise({ Cookie: cookie, 'X-Advisor-Deck-Session': secret, Origin: parsed.origin });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export function spawnWebHost(args: string[]): ChildProcess {
  return spawn(process.execPath, ['scripts/web.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function startWebHost(dataDir: string, extra: string[] = []): Promise<RunningHost> {
  const child = spawnWebHost(['--data', dataDir, '--port', '0', ...extra]);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  if (!child.stdout) throw new Error('the web host has no stdout');
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const m = /^Advisor Deck: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  let session: Promise<SessionHeaders> | undefined;
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    child,
    stderr: () => stderr,
    session: () => (session ??= openSession(url)),
    stop() {
      child.kill('SIGINT');
      return exited(child);
    },
    kill(signal) {
      child.kill(signal);
      return exited(child);
    },
  };
}
