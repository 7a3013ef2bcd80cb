// `npm run build:cli`: bundles the headless CLI (electron/cli.ts) into one ES module,
// out/cli/cli.mjs, so a run starts without compiling TypeScript. The web host (`npm run web`,
// electron/web.ts) is bundled the same way into out/web/web.mjs (WEB below, scripts/web.mjs). Everything it runs is inside,
// packages too, and every module in it is initialised only when first needed: a command's code
// when that command runs; pdfkit and fontkit with the first summary, React's server renderer
// with the first deck, the calendar and mail builders with the first follow-up (the modules
// that use them are import()ed). What is read from disk at run time is found from the bundle's
// place in the repository: templates/, the fonts and reveal.js in node_modules, pdfkit's own
// data files (its standard fonts).
//
// The module reads the CLI's code (one CommonJS function, esbuild's output) from beside it,
// out/cli/cli.<id>.js, named by a hash of the code (in the module it was 2 MB of string literal
// for V8 to scan at every start, ~40 ms), and has V8 compile it with a code cache kept beside
// it too, out/cli/cli.<id>.<kind>.v8cache: the bytecode of everything the
// first run compiled (a `build` run's replaces one made by a lighter command), so later runs
// neither parse the bundle nor compile the functions they call again. The cache is named after
// a hash of the code, never read by another bundle; one V8 does not accept (another Node
// version) is ignored and made again.
//
// The bundle's first line lists every source file it was made from with a hash of the exact
// text esbuild compiled (and the settings: package.json, the lockfile, tsconfig, this script).
// scripts/cli.mjs (`npm run cli`) runs the bundle only while every one of those files still
// hashes the same, and builds it again otherwise: file times play no part, so an edit during a
// build, a file put back with an old time, or two builds at once can never leave a stale bundle
// passing for fresh. The code file is on the list too (gone or altered: built again), and is
// written before the module that names it. The list travels inside the module: the two are
// always one file, renamed into place whole.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What is bundled: the entry, the module's name in out/<name>/<name>.mjs, which code cache a run
 * makes (an expression of the loader: the CLI keeps a `build` run's apart from a lighter
 * command's), and when it saves it: at the end of the first run of the CLI; on exit for the web
 * host, which is stopped by a signal and calls process.exit (no beforeExit then).
 */
export const CLI = {
  name: 'cli',
  entry: 'electron/cli.ts',
  kind: "process.argv.slice(2).includes('build') ? 'build' : 'start'",
  saveOn: 'beforeExit',
  builtBy: 'npm run build:cli',
};
export const WEB = { name: 'web', entry: 'electron/web.ts', kind: "'start'", saveOn: 'exit', builtBy: 'npm run web' };
const bundleOf = (target) => join(ROOT, 'out', target.name, `${target.name}.mjs`);
export const BUNDLE = bundleOf(CLI);
export const WEB_BUNDLE = bundleOf(WEB);
/** The intake form reader's worker, beside each bundle (see electron/services/fillableForm/readInWorker.ts). */
const READER = 'intake-form-reader.mjs';

/** Besides the sources esbuild reads, what decides what the bundle is. */
const SETTINGS = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'scripts/build-cli.mjs',
];
const inputsLine = (target) => `// advisor-deck ${target.name} inputs: `;
const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' };

const hash = (bytes) => createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
const repoPath = (path) => relative(ROOT, resolve(ROOT, path)).split(sep).join('/');

/** Builds out/<name>/<name>.mjs (written aside, then renamed into place whole); the CLI's by default. */
export async function buildCli(target = CLI) {
  const BUNDLE = bundleOf(target);
  const { build } = await import('esbuild');
  const inputs = {};
  // Read before the build: a settings file changed during it no longer matches, so the next run builds again.
  for (const file of SETTINGS) inputs[file] = hash(await readFile(join(ROOT, file)));
  /** Every file of ours esbuild compiles, read here so that its hash is of the very text compiled. */
  const hashSources = {
    name: 'hash-sources',
    setup(on) {
      on.onLoad({ filter: /\.(tsx?|[cm]?js|json)$/, namespace: 'file' }, async ({ path }) => {
        if (path.split(/[\\/]/).includes('node_modules')) return undefined;
        const contents = await readFile(path);
        inputs[repoPath(path)] = hash(contents);
        return { contents, loader: LOADERS[extname(path)] ?? 'js' };
      });
    },
  };
  /**
   * pdfkit loads its standard fonts (the Helvetica every document starts with) and colour
   * profile from beside its own file (createRequire and URL of import.meta.url): bundled, they
   * are found in the installed package instead, from the bundle's own place (the loader's
   * __pdfkitUrl, a constant: resolving the package at every start took ~20 ms).
   */
  let pdfkitFile;
  const pdfkitData = {
    name: 'pdfkit-data',
    setup(on) {
      on.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/, namespace: 'file' }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const patched = source.replaceAll('import.meta.url', '__pdfkitUrl');
        if (patched === source)
          throw new Error('pdfkit no longer reads files beside import.meta.url: check scripts/build-cli.mjs');
        pdfkitFile = path;
        return { contents: patched, loader: 'js' };
      });
    },
  };
  /**
   * fontkit, unicode-properties and pdfkit's line breaker inflate their Unicode tables at start
   * with tiny-inflate, DEFLATE in JavaScript (~50 ms a run); Node's zlib does the same in ~1 ms.
   * Same contract: fill `dest`, return it, or the part written when the data is shorter.
   */
  const INFLATE = `const { inflateRawSync } = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  if (out.length >= dest.length) {
    dest.set(out.subarray(0, dest.length));
    return dest;
  }
  dest.set(out);
  return dest.slice(0, out.length);
};`;
  const nativeInflate = {
    name: 'native-inflate',
    setup(on) {
      on.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: 'tiny-inflate', namespace: 'native-inflate' }));
      on.onLoad({ filter: /.*/, namespace: 'native-inflate' }, () => ({ contents: INFLATE, loader: 'js' }));
    },
  };
  /**
   * What the CLI never uses, left out: fontkit reads WOFF2 with brotli (half a megabyte to parse
   * at every start; the summary's fonts are all TTF), and pdfkit encrypts with AES (its tables
   * are computed when pdfkit loads; no document of ours has a password).
   */
  const STUBS = {
    'brotli/decompress.js':
      "export default function decompress() { throw new Error('WOFF2 fonts are not bundled in the CLI: use TTF'); }",
    '@noble/ciphers/aes':
      "const none = () => { throw new Error('PDF encryption is not bundled in the CLI'); }; export const cbc = none; export const ecb = none;",
  };
  const unused = {
    name: 'unused',
    setup(on) {
      on.onResolve({ filter: /^(brotli\/decompress\.js|@noble\/ciphers\/aes)$/ }, ({ path }) => ({
        path,
        namespace: 'unused',
      }));
      on.onLoad({ filter: /.*/, namespace: 'unused' }, ({ path }) => ({ contents: STUBS[path], loader: 'js' }));
    },
  };
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [target.entry],
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    tsconfig: 'tsconfig.node.json',
    jsx: 'automatic',
    // One function, called by the loader below with `require` (for Node's own modules) and the
    // bundle's URL for import.meta.url (templates/ and node_modules are found from it).
    format: 'cjs',
    // React's production build; nothing of ours reads NODE_ENV.
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__bundleUrl' },
    minify: true,
    legalComments: 'none',
    plugins: [hashSources, pdfkitData, nativeInflate, unused],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing');
  /**
   * The intake form reader runs in a worker thread (electron/services/fillableForm/readInWorker.ts):
   * its entry is a module of its own beside the bundle, <out>/intake-form-reader.mjs, found from
   * the bundle's URL. Its sources are hashed like the bundle's, and the file itself is listed.
   */
  const readerResult = await build({
    absWorkingDir: ROOT,
    entryPoints: ['electron/services/fillableForm/readWorker.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    tsconfig: 'tsconfig.node.json',
    format: 'esm',
    // pdf-lib is CommonJS: its require()s of Node's modules need a real require in an ES module.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    minify: true,
    legalComments: 'none',
    plugins: [hashSources],
    write: false,
    logLevel: 'warning',
  });
  const [reader] = readerResult.outputFiles;
  if (!reader) throw new Error('esbuild wrote no intake form reader');
  // A source the plugin did not read (a kind of file it does not know) would go unwatched.
  const unwatched = Object.keys(result.metafile.inputs).filter(
    (file) =>
      !file.startsWith('unused:') &&
      !file.startsWith('native-inflate:') &&
      !file.split(/[\\/]/).includes('node_modules') &&
      !(repoPath(file) in inputs),
  );
  if (unwatched.length > 0)
    throw new Error(`build-cli.mjs does not watch ${unwatched.join(', ')}: add its kind to LOADERS`);
  const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  const code = `(function (require, module, exports, __filename, __dirname, __bundleUrl, __pdfkitUrl) {${output.text}\n})`;
  if (!pdfkitFile) throw new Error('pdfkit is no longer in the bundle: check scripts/build-cli.mjs');
  const pdfkitFromBundle = relative(dirname(BUNDLE), pdfkitFile).split(sep).join('/');
  // The code sits beside the module, named by its hash: V8 would otherwise scan it (2 MB of
  // string literal) at every start, before the compile cache can help (~40 ms a run).
  const id = codeId(code);
  const codeName = `${target.name}.${id}.js`;
  await mkdir(dirname(BUNDLE), { recursive: true });
  const codeTemp = join(dirname(BUNDLE), `${codeName}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(codeTemp, code);
  await rename(codeTemp, join(dirname(BUNDLE), codeName));
  // Listed with the sources: a bundle whose code file is gone or altered is built again.
  const readerFile = join(dirname(BUNDLE), READER);
  const readerTemp = `${readerFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(readerTemp, reader.contents);
  await rename(readerTemp, readerFile);
  const listed = {
    ...sorted,
    [repoPath(join(dirname(BUNDLE), codeName))]: hash(Buffer.from(code)),
    [repoPath(readerFile)]: hash(reader.contents),
  };
  const contents = `${inputsLine(target)}${JSON.stringify(listed)}\n${loader(target, codeName, id, pdfkitFromBundle)}`;
  const temp = `${BUNDLE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, contents);
  await rename(temp, BUNDLE);
  // The code and caches of earlier bundles are never read again.
  const current = `${target.name}.${id}.`;
  const codeFile = new RegExp(`^${target.name}\\.[0-9a-f]{16}\\.js$`);
  for (const name of await readdir(dirname(BUNDLE))) {
    if ((name.endsWith('.v8cache') || codeFile.test(name)) && !name.startsWith(current))
      await rm(join(dirname(BUNDLE), name), { force: true });
  }
  return { bundle: BUNDLE, bytes: Buffer.byteLength(contents), inputs: Object.keys(sorted).length };
}

const codeId = (code) => createHash('sha256').update(code).digest('hex').slice(0, 16);

/**
 * The module around the code: compiles it with the code cache when there is one, runs it, and
 * at the end of the first run of this bundle (and of its first `build`) saves what V8 compiled.
 */
function loader(target, codeName, id, pdfkitFromBundle) {
  return `import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
const file = fileURLToPath(import.meta.url);
let CODE;
try {
  CODE = readFileSync(join(dirname(file), ${JSON.stringify(codeName)}), 'utf8');
} catch {
  throw new Error(\`\${join(dirname(file), ${JSON.stringify(codeName)})} is missing: run ${target.builtBy}\`);
}
const cache = (kind) => join(dirname(file), \`${target.name}.${id}.\${kind}.v8cache\`);
const read = (path) => { try { return readFileSync(path); } catch { return undefined; } };
const kind = ${target.kind};
let from = 'build';
let cachedData = read(cache('build'));
if (cachedData === undefined) {
  from = 'start';
  cachedData = read(cache('start'));
}
const script = new Script(CODE, { filename: join(dirname(file), ${JSON.stringify(codeName)}), ...(cachedData ? { cachedData } : {}) });
if (cachedData !== undefined && script.cachedDataRejected) {
  // Made by another Node version (or with other V8 flags): made again below.
  try { rmSync(cache(from)); } catch {}
  cachedData = undefined;
}
if (cachedData === undefined || (kind === 'build' && from !== 'build')) {
  process.once('${target.saveOn}', () => {
    try {
      const temp = \`\${cache(kind)}.\${process.pid}.tmp\`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cache(kind));
    } catch {
      // A cache is only a head start: a folder that cannot take it changes nothing else.
    }
  });
}
const module = { exports: {} };
const require = createRequire(file);
const pdfkitUrl = new URL(${JSON.stringify(pdfkitFromBundle)}, import.meta.url).href;
script.runInThisContext()(require, module, module.exports, file, dirname(file), import.meta.url, pdfkitUrl);
`;
}

/** The inputs listed on the bundle's first line, or undefined when there is no such bundle. */
async function bundleInputs(target) {
  const BUNDLE = bundleOf(target);
  const INPUTS_LINE = inputsLine(target);
  let handle;
  try {
    handle = await open(BUNDLE, 'r');
  } catch {
    return undefined;
  }
  try {
    // The list is a few kilobytes; read until the end of the first line.
    let text = '';
    const chunk = Buffer.alloc(64 * 1024);
    for (let position = 0; !text.includes('\n'); ) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      text += chunk.toString('utf8', 0, bytesRead);
      position += bytesRead;
      if (position > 4 * 1024 * 1024) return undefined;
    }
    const line = text.slice(0, text.indexOf('\n'));
    if (!line.startsWith(INPUTS_LINE)) return undefined;
    const inputs = JSON.parse(line.slice(INPUTS_LINE.length));
    return inputs && typeof inputs === 'object' ? inputs : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** True when out/<name>/<name>.mjs (the CLI's by default) was built from exactly the files there are now. */
export async function isFresh(target = CLI) {
  const inputs = await bundleInputs(target);
  if (!inputs || Object.keys(inputs).length === 0) return false;
  try {
    const now = await Promise.all(Object.keys(inputs).map(async (file) => hash(await readFile(join(ROOT, file)))));
    return Object.values(inputs).every((was, i) => was === now[i]);
  } catch {
    // A source that is gone: not fresh.
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = await buildCli(process.argv.includes('--web') ? WEB : CLI);
  console.log(`Built ${repoPath(built.bundle)} (${(built.bytes / 1024).toFixed(0)} KB from ${built.inputs} files)`);
}
