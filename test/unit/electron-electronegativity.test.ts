// Electronegativity (Doyensec's Electron security scanner) over electron/: any HIGH or MEDIUM
// finding fails, except the false positives listed below by rule and file, each with why.
// Electronegativity always exits 0 (DESIGN.md), so its report is what is read: it runs in its
// own Node process through its JS API, which writes the findings to a temp file here.
// Skipped, saying so, when the package is not installed (it is a devDependency).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const PACKAGE = '@doyensec/electronegativity';

/** The Electron the app is built with (the installed package): Electronegativity judges defaults by it. */
const ELECTRON_VERSION = (createRequire(join(root, 'package.json'))('electron/package.json') as { version: string })
  .version;

interface Finding {
  /** The rule, e.g. CONTEXT_ISOLATION_JS_CHECK. */
  id: string;
  severity: string;
  confidence: string;
  /** Repo-relative, with forward slashes. */
  file: string;
  line: number;
  sample: string | null;
  description: string;
}

interface Report {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

interface FalsePositive {
  rule: string;
  file: string;
  why: string;
}

/**
 * Findings that are not problems, by rule and file. Each names where the real protection is
 * and which test proves it. An entry that no longer matches a finding fails the test too, so
 * this list never outlives the code it describes.
 */
const FALSE_POSITIVES: readonly FalsePositive[] = [
  {
    rule: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/adapters/window.ts',
    why: 'The scanner only reads an object literal passed to new BrowserWindow(); ours comes from hardenedWindowOptions() in adapters/window-policy.ts, which sets contextIsolation: true over anything the caller passes (electron-shell.test.ts checks the options by value, electron-main.test.ts the options main really constructs the window with).',
  },
  {
    rule: 'SANDBOX_JS_CHECK',
    file: 'electron/adapters/window.ts',
    why: 'Same as above: sandbox: true is set by hardenedWindowOptions() (tested by value); main.ts also calls app.enableSandbox() before ready, which sandboxes every renderer (electron-main.test.ts).',
  },
  {
    rule: 'AUXCLICK_JS_CHECK',
    file: 'electron/adapters/window.ts',
    why: "The risk is a middle-click opening a link in a new window. hardenWindow() denies every new window (setWindowOpenHandler -> deny) and prevents every navigation, so a middle-click goes nowhere (electron-shell.test.ts runs both against a fake window). The page's CSP allows no remote origin to link to anyway.",
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main.ts',
    why: 'shell.openExternal is called only after isAllowedExternalUrl() (adapters/app-url.ts) lets through a mailto: link and nothing else; electron-main.test.ts shows https:, file:, smb:, javascript: and custom schemes never reach the shell.',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/services/followUp/handlers.ts',
    why: "Matched by name only: this is the app layer's Platform.openExternal, not Electron's shell, called with mailtoLink() of core/followUp/email.ts (always a mailto: URL). On the desktop it lands in main.ts's allow-listed call above.",
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/services/app/index.ts',
    why: 'Matched by name only: openApp hands the Platform.openExternal to the follow-up handlers (the entry above).',
  },
];

/**
 * Checks left out, with why. AvailableSecurityFixesGlobalCheck compares the electron version
 * of a package.json with Electron's release list, downloaded at every run: there is no
 * package.json under electron/, and the download makes the test depend on the network.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** The package's runner (its JS API), or undefined when it is not installed. */
function electronegativityRunner(): string | undefined {
  try {
    return createRequire(join(root, 'package.json')).resolve(PACKAGE);
  } catch {
    return undefined;
  }
}

// Runs in the child: the scanner registers globals, so it stays out of the test process. Writes
// the findings and parse errors as JSON. The scanner fetches its translations from GitHub with
// \`got\` at every run; the child hands it a \`got\` that fails at once, so it uses the English
// it ships with: no network call, and no crash on Node 26 (got's retry timer met p-cancelable
// there, after the scan, and the process died with "The onCancel handler was attached after the
// promise settled").
const CHILD = `
const [runnerPath, input, out, electronVersion, excluded] = process.argv.slice(1);
const Module = require('node:module');
const gotPath = require.resolve('got', { paths: [require('node:path').dirname(runnerPath)] });
const offline = new Module(gotPath);
offline.filename = gotPath;
offline.loaded = true;
offline.exports = () => Promise.reject(new Error('no network in tests'));
require.cache[gotPath] = offline;
const run = require(runnerPath);
(run.default || run)({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  customScan: [],
  excludeFromScan: JSON.parse(excluded),
  parserPlugins: [],
}).then((result) => {
  const issues = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity && i.severity.name,
    confidence: i.confidence && i.confidence.name,
    file: i.file,
    line: i.location ? i.location.line : 0,
    sample: i.sample === undefined ? null : i.sample,
    description: i.description,
  }));
  require('node:fs').writeFileSync(out, JSON.stringify({ issues, errors: result.errors }));
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const runner = electronegativityRunner();
if (!runner) {
  console.warn(`electron-electronegativity.test.ts: skipped, ${PACKAGE} is not installed (add it to devDependencies).`);
}

describe.skipIf(!runner)('Electronegativity over electron/', () => {
  let dir: string | undefined;
  let pending: Promise<Report> | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One scan for the three tests, started by the first that needs it. */
  const report = () => (pending ??= scan());

  async function scan(): Promise<Report> {
    dir = mkdtempSync(join(tmpdir(), 'advisor-deck-electronegativity-'));
    const out = join(dir, 'report.json');
    await promisify(execFile)(
      process.execPath,
      [
        '-e',
        CHILD,
        runner ?? '',
        join(root, 'electron'),
        out,
        ELECTRON_VERSION,
        JSON.stringify(EXCLUDED_CHECKS.map((c) => c.toLowerCase())),
      ],
      {
        cwd: root,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    // No report file means the scan did not run: that fails here, it never passes silently.
    const parsed = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const relativeFile = (file: string) => `electron/${file.replace(/\\/g, '/').replace(/^\.?\//, '')}`;
    return { ...parsed, issues: parsed.issues.map((issue) => ({ ...issue, file: relativeFile(issue.file) })) };
  }

  it(
    'parses every file it scans (a file it cannot parse is a file it did not check)',
    { timeout: 120_000 },
    async () => {
      const { errors } = await report();
      expect(errors.filter((error) => !error.tolerable)).toEqual([]);
    },
  );

  it('finds nothing HIGH or MEDIUM beyond the documented false positives', { timeout: 120_000 }, async () => {
    const { issues } = await report();
    const serious = issues.filter((issue) => issue.severity === 'HIGH' || issue.severity === 'MEDIUM');
    const known = (issue: Finding) => FALSE_POSITIVES.some((fp) => fp.rule === issue.id && fp.file === issue.file);
    const unexpected = serious
      .filter((issue) => !known(issue))
      .map((i) => `${i.id} ${i.severity}/${i.confidence} ${i.file}:${i.line} ${i.sample ?? ''} (${i.description})`);
    expect(unexpected, 'fix these, or add them to FALSE_POSITIVES with why').toEqual([]);
  });

  it('has no stale false positives', { timeout: 120_000 }, async () => {
    const { issues } = await report();
    const stale = FALSE_POSITIVES.filter(
      (fp) => !issues.some((issue) => issue.id === fp.rule && issue.file === fp.file),
    );
    expect(
      stale.map((fp) => `${fp.rule} ${fp.file}`),
      'no longer reported: remove from FALSE_POSITIVES',
    ).toEqual([]);
  });
});
