// `npm test` runs this first (the `pretest` script): the tests drive a real Chromium and read real
// PDFs with poppler, and fill forms with pypdf; on a machine without one of them it says in one
// line what to install, instead of failing deep inside a test. .ci/run installs them on CI.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const runs = (command, args) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** As test/e2e/browser.ts finds it: PLAYWRIGHT_CHROMIUM, Debian's Chromium, or Playwright's own browser. */
async function hasChromium() {
  const fromEnv = process.env['PLAYWRIGHT_CHROMIUM'];
  if (fromEnv) return existsSync(fromEnv);
  if (existsSync('/usr/bin/chromium')) return true;
  try {
    const { chromium } = await import('playwright-core');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/** Debian package: what is missing without it. */
const missing = [];
if (!(await hasChromium())) missing.push(['chromium', 'a Chromium for the browser tests']);
if (!runs('pdfinfo', ['-v']) || !runs('pdftotext', ['-v'])) missing.push(['poppler-utils', 'pdfinfo and pdftotext']);
// The intake form tests fill forms with Debian's python3 and its pypdf (test/unit/intake-form.test.ts).
if (!runs('/usr/bin/python3', ['-c', 'import pypdf'])) missing.push(['python3-pypdf', 'pypdf for /usr/bin/python3']);

if (missing.length > 0) {
  const packages = missing.map(([name]) => name).join(' ');
  const browser = packages.includes('chromium')
    ? ' (a Chromium elsewhere: PLAYWRIGHT_CHROMIUM=<its path>, or npx playwright-core install chromium)'
    : '';
  console.error(
    `npm test needs ${missing.map(([name, what]) => `${name} (${what})`).join(', ')}: on Debian or Ubuntu run \`sudo apt-get install ${packages}\`, or .ci/run, which installs them${browser}.`,
  );
  process.exit(1);
}
