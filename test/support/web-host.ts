// Starts `npm run web` as a real process on a data folder (a temp one in tests) and reads the
// address it prints. Used by the browser tests, the screenshots script and the bench. It runs
// what `npm run web` runs, the launcher and the bundled host (scripts/web.mjs, out/web/): the
// tests check the code a person starts, and each start takes well under a second instead of
// tsx compiling the services again (the first start after an edit builds the bundle, once).
import { spawn, type ChildProcess } from 'node:child_process';
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
  /** Everything the host wrote on stderr so far. */
  stderr: () => string;
  /** Ctrl+C, then waits for the exit code. */
  stop(): Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
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
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    child,
    stderr: () => stderr,
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
