// Builds the unpacked desktop app (linux-unpacked/) with electron-builder and electron-builder.yml,
// as `npm run dist` does, on a machine that cannot download Electron: a stand-in Electron folder
// made here takes the binary's place. It carries what electron-builder reads from a real one: the
// fuse wire (flipped as electron-builder.yml says), the licences and the version. Needs out/ (npm
// run build:app). Used by the package check (test/package/package.test.ts) and the bench.
import { execFile } from 'node:child_process';
import { chmod, copyFile, cp, lstat, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ELECTRON_VERSION = '45.5.0';

/** Electron's fuse sentinel; the wire follows it: version, length, then one byte per fuse. */
export const FUSE_SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
/** The fuses of wire version 1 in wire order (@electron/fuses FuseV1Options), by electron-builder.yml's names. */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** A fuse's byte: ASCII '0' off, '1' on ('r' removed). */
export const FUSE_OFF = 0x30;
export const FUSE_ON = 0x31;

/** A folder electron-builder accepts as an unpacked Electron: every fuse on, as Electron ships. */
async function standInElectron(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wire = Buffer.from([1, 9, ...Array<number>(9).fill(FUSE_ON)]);
  await writeFile(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# a stand-in for the Electron binary\nexit 1\n'),
      FUSE_SENTINEL,
      wire,
      Buffer.from('\n'),
    ]),
  );
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'The stand-in for Electron of the package check.\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Chromium licences</title>\n');
  await writeFile(join(dir, 'version'), `${ELECTRON_VERSION}\n`);
}

/**
 * The folder to package from: the repository itself, except where node_modules is a symbolic
 * link to an install elsewhere (engineers' worktrees share one): `npm ls`, which electron-builder
 * asks for the production dependencies, then sees every package as a link and loses their own
 * dependencies. There the app's files go into a folder beside the output, without a lockfile, and
 * electron-builder walks node_modules itself (its `traversal` collector): same files, same rules.
 */
async function projectFolder(work: string): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  if (!(await lstat(join(ROOT, 'node_modules'))).isSymbolicLink()) return { dir: ROOT, env };
  const dir = join(work, 'project');
  await mkdir(dir, { recursive: true });
  for (const file of ['package.json', 'electron-builder.yml']) await copyFile(join(ROOT, file), join(dir, file));
  // Only out/main, out/preload and out/renderer are packaged (electron-builder.yml), and the web
  // host's bundle may be rebuilt by a browser test meanwhile (a temp file renamed away mid-copy).
  const skipped = ['cli', 'web', 'demo', 'screenshots'].map((name) => join(ROOT, 'out', name));
  for (const folder of ['out', 'templates', 'assets'])
    await cp(join(ROOT, folder), join(dir, folder), { recursive: true, filter: (source) => !skipped.includes(source) });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, env: { ...env, npm_config_user_agent: 'traversal', npm_execpath: '' } };
}

export interface UnpackedApp {
  /** linux-unpacked/ */
  dir: string;
  /** The executable, its fuse wire flipped by electron-builder. */
  executable: string;
  asar: string;
  templates: string;
  /** electron-builder's whole run. */
  seconds: number;
}

/** Builds linux-unpacked/ into `work` (a temp folder). */
export async function buildUnpackedApp(work: string): Promise<UnpackedApp> {
  const electronDist = join(work, 'electron-dist');
  await standInElectron(electronDist);
  const output = join(work, 'dist');
  const project = await projectFolder(work);
  const start = performance.now();
  const args = [
    '--dir',
    '--linux',
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${ELECTRON_VERSION}`,
    `-c.directories.output=${output}`,
  ];
  try {
    await run(process.execPath, [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), ...args], {
      cwd: project.dir,
      env: project.env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
  const seconds = (performance.now() - start) / 1000;
  const dir = join(output, 'linux-unpacked');
  return {
    dir,
    executable: join(dir, 'advisor-deck'),
    asar: join(dir, 'resources', 'app.asar'),
    templates: join(dir, 'resources', 'templates'),
    seconds,
  };
}
