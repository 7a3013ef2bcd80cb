// `npm run web -- [--data <dir>] [--port <n>]`: the app in a browser on any machine, with the same
// renderer and app layer as the Electron window, served on 127.0.0.1 only. Prints one line:
//   Advisor Deck: http://127.0.0.1:<port>/?token=<token>
// Exit codes: 0 stopped (Ctrl+C); 2 bad arguments or the data folder is in use; 1 unexpected.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppEventHub } from '../core/api';
import { openApp } from './services/app';
import { defaultDataFolder } from './services/dataFolder';
import { DataFolderInUse } from './services/lock';
import { TEMPLATES_DIR } from './services/recipes';
import { reminderText } from './services/followUp/reminder';
import { startWebHost } from './services/web/server';

/** The repository: the folder above with package.json (electron/ from source, out/web/ once bundled). */
function repositoryAbove(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

const ROOT = repositoryAbove(dirname(fileURLToPath(import.meta.url)));
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const USAGE = `Usage: npm run web -- [--data <folder>] [--port <n>] [--share-host <ip>]

  --data         The data folder (default: the desktop app's, ${defaultDataFolder()}).
  --port         The port on 127.0.0.1 (default: a free one).
  --share-host   The address \`Present on tablet\` serves the meeting on (default: this
                 machine's address on the office network).`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when out/ is missing or older than its sources, so nobody serves a stale app. */
function ensureRendererBuilt(): void {
  const index = join(RENDERER_DIR, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...['renderer', 'templates', 'core'].map((d) => newestMtime(join(ROOT, d))));
  if (built >= sources) return;
  console.error('Building the app window (electron-vite build)…');
  const run = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('electron-vite build failed');
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        'share-host': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: must be a whole number from 0 to 65535\n${USAGE}`);
    return 2;
  }
  const shareHost = values['share-host'];
  if (shareHost !== undefined && isIP(shareHost) === 0) {
    console.error(`--share-host: must be an IP address of this machine, like 192.168.1.20 or 127.0.0.1\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values.data ?? defaultDataFolder());
  ensureRendererBuilt();

  // The app layer's events, carried to every open window by the web host (server-sent events).
  const events = new AppEventHub();
  let app;
  try {
    app = await openApp({
      dataDir,
      templatesDir: TEMPLATES_DIR,
      holder: `the web host (npm run web)`,
      shareHost,
      events,
      platform: {
        name: 'Advisor Deck',
        version: process.env['npm_package_version'] ?? '0.0.0',
        // A browser tab cannot open the mail app for us; the Follow-ups screen offers the link.
        openExternal: () => Promise.resolve(false),
        // The browser downloads the file instead (meeting:file): this host opens nothing on the machine.
        openPath: () => Promise.resolve(false),
        notify: (firing) => {
          const { title, body } = reminderText(firing, { markup: false });
          console.log(`Reminder: ${title}: ${body}`);
          // Open windows show it too (an in-app notice, and the browser's notification if allowed).
          events.emit('reminder', { followUpId: firing.followUp.id, title, body });
          return true;
        },
        applySettings: () => undefined,
      },
    });
  } catch (error) {
    if (error instanceof DataFolderInUse) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  for (const problem of app.problems) console.error(`warning: ${problem}`);
  const host = await startWebHost({ handlers: app.handlers, events, rendererDir: RENDERER_DIR, port });
  console.log(`Advisor Deck: ${host.url}`);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await app.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
