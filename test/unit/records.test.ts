// Books and records, end to end on real files: a whole day through the app layer (intake form,
// preview, present, wrap-up), then `records verify` and `records export` as the CLI runs them,
// after the things a compliance officer must see: a byte changed in summary.pdf, a line taken
// out of the log, a second wrap-up (both versions kept), a prospect moved to the trash.
import { execFile, execFileSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { readRecords, RecordsLog, sha256Text } from '../../electron/services/records/log';
import { verifyRecords } from '../../electron/services/records/verify';
import { canonicalJson, csvCell, GENESIS, readLog } from '../../core/records/recordLog';
import { RECORDS_LOG } from '../../core/dataFolder';
import { sampleIntakeInput } from '../support/samples';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const ID = 'p-00000000000000aa';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['--tsconfig', 'tsconfig.node.json', 'electron/cli.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let app: AdvisorDeckApp;
// The app's clock: fixed, moved by hand (no test depends on today's date).
let clock = Date.parse('2026-12-03T22:00:00Z');

beforeEach(async () => {
  clock = Date.parse('2026-12-03T22:00:00Z');
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-records-'));
  copyFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), join(dir, 'advisor.json'));
  app = await openApp({
    dataDir: dir,
    templatesDir: TEMPLATES_DIR,
    holder: 'a unit test',
    now: () => clock,
    platform: {
      name: 'Advisor Deck',
      version: '9.8.7',
      openExternal: async () => false,
      openPath: async () => false,
      notify: () => false,
      applySettings: () => undefined,
    },
  });
  const saved = await app.handlers['prospects:save']({
    id: ID,
    intake: sampleIntakeInput() as unknown as Record<string, unknown>,
  });
  expect(saved.saved).toBe(true);
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The advisor's day with this prospect: intake form sent, deck previewed, presented, wrapped up. */
async function wholeDay(): Promise<string> {
  const h = app.handlers;
  const form = await h['prospects:intakeForm']({ id: ID });
  expect(form.made).toBe(true);
  clock += 60_000;
  const preview = await h['prospects:preview']({ id: ID });
  expect(preview.built).toBe(true);
  clock += 60_000;
  await h['meeting:start']({ id: ID });
  await h['meeting:record']({ id: ID, event: { kind: 'slide', slideId: 'title' } });
  clock += 600_000;
  await h['meeting:end']({ id: ID });
  const wrapped = await h['meeting:wrapUp']({
    id: ID,
    questions: [{ text: 'Can we retire at 60?', answer: 'Likely.' }],
  });
  if (!wrapped.done) throw new Error(JSON.stringify(wrapped.problems));
  return wrapped.folder;
}

describe('the records log (core)', () => {
  it('writes one canonical line per entry: keys sorted, no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 'x', e: null }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[2,{"e":null,"f":"x"}]},"b":1}',
    );
  });

  it('reports a cut-off last line and a line that does not link, each at its line', () => {
    const entry = (prev: string, at: string) =>
      canonicalJson({
        v: 1,
        at,
        event: 'meeting rebuilt',
        prospect: ID,
        advisor: { name: 'A', firm: 'F' },
        app: '1',
        files: [],
        kept: [],
        prev,
      });
    const one = entry(GENESIS, '2026-12-03T22:00:00.000Z');
    const two = entry(sha256Text(one), '2026-12-03T22:01:00.000Z');
    const three = entry(sha256Text(two), '2026-12-03T22:02:00.000Z');
    expect(readLog(`${one}\n${two}\n${three}\n`, sha256Text).problems).toEqual([]);
    expect(readLog(`${one}\n${three}\n`, sha256Text).problems).toEqual([
      { line: 2, message: expect.stringContaining('broken link') },
    ]);
    const torn = readLog(`${one}\n${two}\n${three.slice(0, 40)}`, sha256Text);
    expect(torn.lines).toHaveLength(2);
    expect(torn.problems).toEqual([{ line: 3, message: expect.stringContaining('incomplete entry') }]);
  });

  it('appends after a line cut short by a crash without rewriting it, and verify reports that line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'advisor-deck-records-log-'));
    try {
      const log = new RecordsLog(folder);
      const entry = {
        v: 1 as const,
        at: '2026-12-03T22:00:00.000Z',
        event: 'meeting rebuilt' as const,
        prospect: ID,
        advisor: { name: 'A', firm: 'F' },
        app: '1',
        files: [],
        kept: [],
      };
      await log.append(entry);
      await log.append(entry);
      const path = join(folder, 'records', 'log.jsonl');
      const whole = readFileSync(path, 'utf8');
      // The app stopped in the middle of writing a third entry.
      appendFileSync(path, whole.slice(0, 50));
      expect((await readRecords(folder)).problems).toEqual([
        { line: 3, message: expect.stringContaining('incomplete entry') },
      ]);
      await log.append(entry);
      const after = readFileSync(path, 'utf8');
      expect(after.startsWith(`${whole}${whole.slice(0, 50)}\n`)).toBe(true);
      const read = await readRecords(folder);
      expect(read.lines.map((l) => l.line)).toEqual([1, 2, 4]);
      expect(read.problems).toEqual([{ line: 3, message: expect.stringContaining('not an entry') }]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps a spreadsheet from reading a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });
});

// Each case renders PDFs and starts the CLI in processes of its own: slow on a busy two-core machine.
describe('records through the app and the CLI', { timeout: 300_000 }, () => {
  it('records a whole day, verifies intact, and names a byte changed in summary.pdf (exit 3)', async () => {
    const folder = await wholeDay();
    const { lines, problems } = await readRecords(dir);
    expect(problems).toEqual([]);
    expect(lines.map((l) => l.entry.event)).toEqual([
      'intake form sent',
      'meeting rebuilt',
      'summary and follow-up created',
    ]);
    const wrapUp = lines[2]?.entry;
    expect(wrapUp).toMatchObject({
      prospect: ID,
      app: '9.8.7',
      advisor: { name: expect.any(String), firm: expect.any(String) },
      at: '2026-12-03T22:12:00.000Z',
    });
    const summaryPath = `prospects/${ID}/meetings/2026-12-03T1400/summary.pdf`;
    const summary = wrapUp?.files.find((f) => f.path === summaryPath);
    const bytes = readFileSync(join(folder, 'summary.pdf'));
    expect(summary).toEqual({
      path: summaryPath,
      size: bytes.length,
      sha256: execFileSync('sha256sum', [join(folder, 'summary.pdf')])
        .toString()
        .slice(0, 64),
    });
    expect(wrapUp?.files.map((f) => f.path.split('/').pop()).sort()).toEqual([
      'deck.html',
      'follow-up.eml',
      'follow-up.ics',
      'meeting.json',
      'plan.json',
      'summary.pdf',
    ]);
    // The preview's summary differed from the wrap-up's: it was kept, not overwritten.
    expect(
      wrapUp?.kept.some(
        (k) => k.from === summaryPath && k.path.startsWith(`prospects/${ID}/meetings/2026-12-03T1400/superseded/`),
      ),
    ).toBe(true);

    const ok = await cli('records', 'verify', '--data', dir);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^3 records, \d+ files, chain intact$/);

    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    writeFileSync(join(folder, 'summary.pdf'), bytes);
    const bad = await cli('records', 'verify', '--data', dir);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(new RegExp(`^${RECORDS_LOG}:3: ${summaryPath}: changed since it was recorded`, 'm'));
    expect(bad.stdout.trim().split('\n')).toHaveLength(2);
    // The app's Verify records says the same.
    const inApp = await app.handlers['records:verify'](undefined);
    expect(inApp.intact).toBe(false);
    expect(inApp.problems).toEqual(bad.stdout.trim().split('\n').slice(0, -1));
  });

  it('names the broken link when a line is taken out of the log', async () => {
    await wholeDay();
    const log = join(dir, 'records', 'log.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(log, [lines[0], ...lines.slice(2)].join('\n'));
    const result = await cli('records', 'verify', '--data', dir);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(new RegExp(`^${RECORDS_LOG}:2: broken link`, 'm'));
  });

  it('keeps both versions of a second wrap-up and records both; verify stays intact', async () => {
    const folder = await wholeDay();
    const first = readFileSync(join(folder, 'meeting.json'), 'utf8');
    clock += 3_600_000;
    const again = await app.handlers['meeting:wrapUp']({
      id: ID,
      questions: [{ text: 'And the fees?', answer: 'One page.' }],
      notes: 'second pass',
    });
    if (!again.done) throw new Error(JSON.stringify(again.problems));
    const { lines } = await readRecords(dir);
    const second = lines.at(-1)?.entry;
    expect(second?.event).toBe('summary and follow-up created');
    const keptMeeting = second?.kept.find((k) => k.from.endsWith('/meeting.json'));
    expect(keptMeeting?.path).toMatch(
      new RegExp(`^prospects/${ID}/meetings/2026-12-03T1400/superseded/2026-12-03T23-12-00-000Z/meeting\\.json$`),
    );
    expect(readFileSync(join(dir, ...(keptMeeting?.path ?? '').split('/')), 'utf8')).toBe(first);
    expect(readFileSync(join(folder, 'meeting.json'), 'utf8')).toContain('second pass');
    const superseded = readdirSync(join(folder, 'superseded'));
    expect(superseded).toContain('2026-12-03T23-12-00-000Z');
    const result = await app.handlers['records:verify'](undefined);
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatch(/^4 records, \d+ files, chain intact$/);
  });

  it("records a meeting the CLI rebuilds into the data folder, keeping the wrap-up's files; never while the app holds the folder", async () => {
    const folder = await wholeDay();
    const wrapped = readFileSync(join(folder, 'summary.pdf'));
    const args = [
      'build',
      join(dir, 'prospects', ID, 'intake.json'),
      '--advisor',
      join(dir, 'advisor.json'),
      '--out',
      folder,
    ];
    const refused = await cli(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('in use');
    expect((await readRecords(dir)).lines).toHaveLength(3);

    await app.close();
    const rebuilt = await cli(...args);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const { lines } = await readRecords(dir);
    expect(lines).toHaveLength(4);
    const last = lines[3]?.entry;
    expect(last).toMatchObject({ event: 'meeting rebuilt', prospect: ID });
    const kept = last?.kept.find((k) => k.from.endsWith('/summary.pdf'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(dir, ...(kept?.path ?? '').split('/')))).toEqual(wrapped);
    const report = await verifyRecords(dir);
    expect(report.problems).toEqual([]);
  });

  it('keeps a deleted prospect verifiable in the trash', async () => {
    await wholeDay();
    await app.handlers['prospects:delete']({ id: ID });
    expect(existsSync(join(dir, 'prospects', ID))).toBe(false);
    const result = await app.handlers['records:verify'](undefined);
    expect(result.problems).toEqual([]);
    expect(result.intact).toBe(true);
  });

  it('exports a zip another zip reader opens: the files, the log slice and manifest.csv', async () => {
    await wholeDay();
    const out = join(dir, 'export.zip');
    const result = await cli(
      'records',
      'export',
      '--out',
      out,
      '--data',
      dir,
      '--from',
      '2026-12-01',
      '--to',
      '2026-12-31',
      '--prospect',
      ID,
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Python's zip reader (what .ci/run installs anyway), not ours: the listing, then every CRC and hash.
    const listing = execFileSync('python3', ['-m', 'zipfile', '-l', out]).toString();
    expect(listing).toContain('manifest.csv');
    expect(listing).toContain('records/log.jsonl');
    expect(listing).toContain(`prospects/${ID}/meetings/2026-12-03T1400/summary.pdf`);
    expect(listing).toContain(`prospects/${ID}/intake-form.pdf`);
    // Python's zipfile checks every CRC and gives back the bytes the manifest names.
    const check = execFileSync('python3', [
      '-c',
      `import zipfile,hashlib,csv,io,sys
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
rows=list(csv.reader(io.StringIO(z.read('manifest.csv').decode('utf-8-sig'))))
assert rows[0]==['time','prospect','event','file','SHA-256'], rows[0]
for r in rows[1:]: assert hashlib.sha256(z.read(r[3])).hexdigest()==r[4], r
print(len(rows)-1, len(z.read('records/log.jsonl').decode().splitlines()))`,
      out,
    ])
      .toString()
      .trim();
    const [rows, entries] = check.split(' ').map(Number);
    expect(entries).toBe(3);
    expect(rows).toBeGreaterThan(10);
    // Another prospect, or a period with nothing in it: an empty export, still a valid zip.
    const none = join(dir, 'none.zip');
    expect((await cli('records', 'export', '--out', none, '--data', dir, '--to', '2026-12-02')).code).toBe(0);
    expect(
      execFileSync('python3', [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.read("records/log.jsonl")==b"")',
        none,
      ])
        .toString()
        .trim(),
    ).toBe('True');
  });

  it('refuses to export records that do not verify, and writes nothing', async () => {
    const folder = await wholeDay();
    writeFileSync(join(folder, 'summary.pdf'), 'not the summary');
    const out = join(dir, 'export.zip');
    const result = await cli('records', 'export', '--out', out, '--data', dir);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('summary.pdf: changed since it was recorded');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('export'))).toEqual([]);
  });
});
