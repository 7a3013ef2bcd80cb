// The package check (issue 20): the desktop app as electron-builder packages it (linux-unpacked/,
// with a stand-in Electron: test/support/package.ts) holds what the app reads at run time. From
// the package alone (app.asar extracted, resources/templates), plain Node runs the packaged main
// code's services (out/main/headless.js) and builds the sample prospect's meeting files: the
// same as `npm run demo` makes from the source tree. Also: the fuses are flipped as
// electron-builder.yml says, and nothing of the tests, the bench, the sources or the dev
// dependencies is shipped. One file, one package build (~15 s, more on a busy machine).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnpackedApp, FUSE_OFF, FUSE_ON, FUSE_SENTINEL, FUSES, ROOT, type UnpackedApp } from '../support/package';

const run = promisify(execFile);
const FILES = ['plan.json', 'deck.html', 'summary.pdf', 'follow-up.ics', 'follow-up.eml'];

let work: string;
let app: UnpackedApp;
/** app.asar extracted. */
let extracted: string;
/** Every entry of app.asar, '/'-separated, without the leading '/'. */
let entries: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'advisor-deck-package-'));
  app = await buildUnpackedApp(work);
  extracted = join(work, 'app');
  extractAll(app.asar, extracted);
  entries = listPackage(app.asar, { isPack: false }).map((entry) => entry.split(sep).join('/').replace(/^\//, ''));
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** electron-builder.yml's electronFuses, as written there. */
async function configuredFuses(): Promise<Record<string, boolean>> {
  const yml = await readFile(join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(yml)?.[1];
  if (!block) throw new Error('electron-builder.yml has no electronFuses block');
  return Object.fromEntries(
    block
      .split('\n')
      .map((line) => /^ {2}(\w+): (true|false)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2] === 'true']),
  );
}

describe('the packaged app', () => {
  it('has its fuses flipped as electron-builder.yml says', async () => {
    const binary = await readFile(app.executable);
    const at = binary.indexOf(FUSE_SENTINEL);
    expect(at).toBeGreaterThan(-1);
    const wire = binary.subarray(at + FUSE_SENTINEL.length);
    expect(wire[0]).toBe(1);
    const configured = await configuredFuses();
    expect(Object.keys(configured).length).toBeGreaterThanOrEqual(7);
    for (const [name, on] of Object.entries(configured)) {
      const index = FUSES.indexOf(name as (typeof FUSES)[number]);
      expect(index, `${name} is a fuse of wire version 1`).toBeGreaterThan(-1);
      expect({ fuse: name, state: String.fromCharCode(wire[2 + index] ?? 0) }).toEqual({
        fuse: name,
        state: String.fromCharCode(on ? FUSE_ON : FUSE_OFF),
      });
    }
  });

  it('holds the built app and its production dependencies, nothing of the tests, bench, sources or dev dependencies', async () => {
    for (const file of [
      'package.json',
      'out/main/main.js',
      'out/main/headless.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
    ])
      expect(entries).toContain(file);
    const own = entries.filter((entry) => entry !== 'node_modules' && !entry.startsWith('node_modules/'));
    expect(own.filter((entry) => !/^(out|out\/(main|preload|renderer)(\/.*)?|package\.json)$/.test(entry))).toEqual([]);
    expect(own.filter((entry) => /\.(tsx?|map)$/.test(entry))).toEqual([]);
    expect(
      entries.filter(
        (entry) =>
          /(^|\/)(test|bench|electron|core|renderer|templates|scripts)\//.test(entry) &&
          !entry.startsWith('node_modules/') &&
          !entry.startsWith('out/'),
      ),
    ).toEqual([]);

    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies))
      expect(entries, `dependency ${name}`).toContain(`node_modules/${name}/package.json`);
    const shippedDev = Object.keys(pkg.devDependencies).filter((name) =>
      entries.includes(`node_modules/${name}/package.json`),
    );
    expect(shippedDev).toEqual([]);
    // The templates travel beside app.asar as data, without the slide layouts' code.
    const templates = await readdir(app.templates, { recursive: true });
    expect(templates).toContain(join('samples', 'intake.json'));
    expect(templates.filter((file) => /\.tsx?$/.test(file))).toEqual([]);
  });

  it('has main code that Node can parse, every chunk of it', async () => {
    const chunks = entries.filter((entry) => /^out\/main\/[^/]+\.js$/.test(entry));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) await run(process.execPath, ['--check', join(extracted, chunk)]);
  }, 120_000);

  it('loads every package the main code imports from the package itself', async () => {
    const code = await Promise.all(
      entries
        .filter((entry) => /^out\/main\/[^/]+\.js$/.test(entry))
        .map((entry) => readFile(join(extracted, entry), 'utf8')),
    );
    const imported = new Set(
      code.flatMap((text) => [...text.matchAll(/(?:from |import\()"([^".][^"]*)"/g)].map((m) => m[1] ?? '')),
    );
    const packages = [...imported].filter(
      (name) =>
        !name.startsWith('node:') && !['electron', 'path', 'fs', 'os', 'url', 'crypto', 'zlib', 'http'].includes(name),
    );
    expect(packages).toContain('pdfkit');
    // A module inside the package imports them: resolved from its node_modules, as the app does.
    const check = join(extracted, 'out', 'main', 'package-check.mjs');
    await writeFile(check, `for (const name of ${JSON.stringify(packages)}) await import(name);\n`);
    await run(process.execPath, [check], { cwd: work });
  }, 120_000);

  it("builds the sample prospect's five files from the package alone, the same as npm run demo", async () => {
    const fromPackage = join(work, 'from-package');
    await mkdir(fromPackage);
    const samples = join(app.templates, 'samples');
    // Run from a folder outside the repository: modules resolve inside the extracted package only.
    const script = `
      const app = await import(${JSON.stringify(pathToFileURL(join(extracted, 'out', 'main', 'headless.js')).href)});
      const result = await app.build({ intakePath: ${JSON.stringify(join(samples, 'intake.json'))}, advisorPath: ${JSON.stringify(join(samples, 'advisor.json'))}, outDir: ${JSON.stringify(fromPackage)}, templatesDir: ${JSON.stringify(app.templates)} });
      if (!result.ok) throw new Error(JSON.stringify(result.invalid));
      console.log(JSON.stringify({ files: result.files, fonts: app.fontFiles() }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: work });
    const built = JSON.parse(stdout) as { files: string[]; fonts: string[] };
    expect(built.files.map((file) => relative(fromPackage, file)).sort()).toEqual([...FILES].sort());
    // Every face the summary may need (CJK, Arabic, Hebrew too) is in the package, found as the app finds it.
    for (const font of built.fonts) {
      expect(relative(extracted, font).startsWith('node_modules')).toBe(true);
      expect(existsSync(font), font).toBe(true);
    }

    // npm run demo, from a temp working folder: it writes <cwd>/out/demo.
    const demoCwd = join(work, 'demo');
    await mkdir(demoCwd);
    await run(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        '--tsconfig',
        join(ROOT, 'tsconfig.node.json'),
        join(ROOT, 'electron', 'demo.ts'),
      ],
      { cwd: demoCwd },
    );
    const fromDemo = join(demoCwd, 'out', 'demo');
    expect((await readdir(fromDemo)).sort()).toEqual([...FILES].sort());
    for (const file of ['plan.json', 'deck.html', 'follow-up.ics']) {
      expect(await readFile(join(fromPackage, file), 'utf8'), file).toBe(await readFile(join(fromDemo, file), 'utf8'));
    }
    const { stdout: info } = await run('pdfinfo', [join(fromPackage, 'summary.pdf')]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    const { stdout: text } = await run('pdftotext', ['-layout', join(fromPackage, 'summary.pdf'), '-']);
    const { stdout: demoText } = await run('pdftotext', ['-layout', join(fromDemo, 'summary.pdf'), '-']);
    expect(text).toBe(demoText);
  }, 300_000);
});
