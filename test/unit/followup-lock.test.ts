// One writer per follow-up store. Two processes on one store would race (a follow-up completed
// by one and cancelled by the other, the directory order picking the winner). The store itself
// takes no lock; every opener goes through openApp, which takes the data folder's lock
// (electron/services/lock.ts) before it opens any store. Here two real processes open the app
// on one folder: the second is refused with DataFolderInUse before it reads or writes anything.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowUpStore } from '../../electron/services/followUp/store';

const root = resolve(import.meta.dirname, '../..');

// Opens the app on argv[1] as holder argv[2], schedules one follow-up, says OPEN and holds the
// folder until its stdin closes. Refused: says REFUSED <error class>: <message>, exits 3.
const APP_PROCESS = `
const { openApp } = await import(${JSON.stringify(join(root, 'electron/services/app/index.ts'))});
const [dataDir, holder] = process.argv.slice(1);
const platform = { name: 'test', version: '0', openExternal: async () => false, notify: () => false, applySettings() {} };
let app;
try {
  // A fixed clock: the follow-up below is always in the future, whatever today is.
  app = await openApp({ dataDir, templatesDir: ${JSON.stringify(join(root, 'templates'))}, platform, holder, now: () => Date.parse('2026-12-07T12:00:00Z') });
} catch (error) {
  process.stdout.write('REFUSED ' + error.constructor.name + ': ' + error.message + '\\n');
  process.exit(3);
}
app.followUps.schedule({ id: 'fu-' + process.pid, prospectId: 'p-1', prospectName: 'Maria Lopez', dueAt: '2030-01-08T10:00:00-08:00', timeZone: 'America/Los_Angeles', channel: 'email', subject: 'Maria, following up', body: 'Dear Maria,\\n' });
process.stdout.write('OPEN\\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.close();
  process.exit(0);
});
`;

interface AppProcess {
  child: ChildProcess;
  /** Resolves with the first line it prints. */
  firstLine: Promise<string>;
  exited: Promise<number | null>;
}

const live = new Set<ChildProcess>();
afterEach(() => {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
});

function startApp(dir: string, holder: string): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', APP_PROCESS, dir, holder], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      live.delete(child);
      r(code);
    }),
  );
  let out = '';
  const firstLine = new Promise<string>((resolveLine, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolveLine(out.slice(0, end));
    });
    void exited.then((code) =>
      reject(new Error(`the app process ended (${String(code)}) before it said anything: ${stderr}`)),
    );
  });
  return { child, firstLine, exited };
}

/** Every file under `dir` with a hash of its bytes; the lock's own folder (its mtime is refreshed while held) is left out. */
function snapshot(dir: string, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, under)).sort()) {
    const rel = join(under, name);
    if (rel === '.advisor-deck.lock') continue;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, { [`${rel}/`]: 'dir' }, snapshot(dir, rel));
    else
      out[rel] = createHash('sha256')
        .update(readFileSync(join(dir, rel)))
        .digest('hex');
  }
  return out;
}

describe('two processes on one follow-up store', () => {
  it('refuses the second with DataFolderInUse, and the second writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-deck-lock-'));
    try {
      const first = startApp(dir, 'the first process');
      expect(await first.firstLine).toBe('OPEN');
      const before = snapshot(dir);
      expect(Object.keys(before)).toContain('follow-ups.json');

      const second = startApp(dir, 'the second process');
      const refusal = await second.firstLine;
      expect(await second.exited).toBe(3);
      expect(refusal).toMatch(/^REFUSED DataFolderInUse: /);
      expect(refusal).toContain(`in use by the first process (process ${String(first.child.pid)}`);
      expect(snapshot(dir)).toEqual(before);
      // The first still holds its store, with only its own follow-up in it.
      expect(
        FollowUpStore.open({ cwd: dir })
          .all()
          .map((f) => f.id),
      ).toEqual([`fu-${String(first.child.pid)}`]);

      // Closed, the first frees the folder: the next process opens it.
      first.child.stdin?.end();
      expect(await first.exited).toBe(0);
      const third = startApp(dir, 'the third process');
      expect(await third.firstLine).toBe('OPEN');
      third.child.stdin?.end();
      expect(await third.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
