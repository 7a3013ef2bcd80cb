// Lint is where the layer rules of DESIGN.md are enforced: imports only point down.
//   renderer/  -> templates/, core/     (browser packages only; no electron, no node:*)
//   electron/  -> templates/, core/     (services, cli, web: never electron, adapters/, main, preload)
//   templates/ -> core/                 (react only; no electron, no node:*)
//   core/      -> nothing above it      (zod, luxon, country-to-currency; no I/O, React, DOM)
// The rule is the local `layers/imports` (eslint/layers.js): it sees static and dynamic imports,
// re-exports, require() and type imports, in .ts and .tsx alike. test/, bench/, scripts/ and the
// config files are unrestricted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './eslint/layers.js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// ---- The lists, one per layer. ----------------------------------------------------------------
// Packages are allow-lists: a new dependency reaches a layer only by being added here on purpose.
// An entry allows the package and its subpaths ('zustand' allows 'zustand/middleware'). Node
// builtins (node:fs, fs, path, …) are never on an allow-list.

/** core/: the pure domain. */
const CORE_PACKAGES = ['zod', 'luxon', 'country-to-currency'];

/** templates/: pure slide layouts and data, rendered live and by react-dom/server (in services). */
const TEMPLATES_PACKAGES = ['react'];

/** renderer/: the browser page. Anything core may use is browser-safe too. Never Node-only
 *  packages (pdfkit, fontkit, conf, electron-store, nodemailer, proper-lockfile, ics, mailparser). */
const RENDERER_PACKAGES = [
  ...CORE_PACKAGES,
  'react',
  'react-dom',
  'zustand',
  '@tanstack/react-virtual',
  '@dnd-kit/core',
  '@dnd-kit/sortable',
  '@dnd-kit/utilities',
  'reveal.js',
];

/** electron/ except the shell: services, cli, demo, web run under plain Node, without Electron. */
const SERVICES_FORBIDDEN_PACKAGES = ['electron'];

// Folders (repo-relative; an entry covers 'x', 'x.ts' and 'x/…') each layer may, or may not, import.
const CORE_PATHS = ['core'];
const TEMPLATES_PATHS = ['core', 'templates'];
const RENDERER_PATHS = ['core', 'templates', 'renderer'];
const SHELL = ['electron/main', 'electron/preload', 'electron/adapters'];
const SERVICES_FORBIDDEN_PATHS = [...SHELL, 'renderer'];
const SHELL_FORBIDDEN_PATHS = ['renderer'];

// ---- The config. -------------------------------------------------------------------------------
const SOURCE = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

const layer = (files, options, extra = {}) => ({
  files,
  ...extra,
  rules: { ...extra.rules, 'layers/imports': ['error', options] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { layers },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // No import cycles anywhere in the product: a cycle is two files that cannot be read apart.
    // Type-only imports count too (they tie the files as much for a reader).
    files: [`{core,electron,renderer,templates}/${SOURCE}`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  layer(
    [`core/${SOURCE}`],
    {
      layer: 'core',
      why: 'core/ is the pure domain: no I/O, no electron, no node:*, no React, nothing from the layers above it.',
      packages: { allow: CORE_PACKAGES },
      paths: { allow: CORE_PATHS },
    },
    {
      languageOptions: { globals: { ...globals.es2021 } },
      rules: {
        // The DOM and Node globals are out of reach of the pure core too.
        'no-restricted-globals': [
          'error',
          'window',
          'document',
          'process',
          'Buffer',
          'require',
          'navigator',
          'localStorage',
          'fetch',
          'setTimeout',
          'setInterval',
        ],
      },
    },
  ),
  layer([`templates/${SOURCE}`], {
    layer: 'templates',
    why: 'templates/ holds pure layouts and data: it may import core/ and React only, never electron, node:* or the app layers.',
    packages: { allow: TEMPLATES_PACKAGES },
    paths: { allow: TEMPLATES_PATHS },
  }),
  {
    // Runs inside the exported deck.html, in the browser, as a classic script.
    files: ['templates/deck/present.js', 'templates/deck/tablet.js', 'templates/deck/tablet/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  layer(
    [`renderer/${SOURCE}`],
    {
      layer: 'renderer',
      why: 'renderer/ runs in a sandboxed page: reach the main process through window.advisorDeck (preload), never electron, node:* or Node-only packages.',
      packages: { allow: RENDERER_PACKAGES },
      paths: { allow: RENDERER_PATHS },
    },
    { languageOptions: { globals: { ...globals.browser } } },
  ),
  layer(
    [`electron/${SOURCE}`],
    {
      layer: 'services',
      why: 'services, the CLI and the web host run under plain Node: only electron/main.ts, electron/preload.ts and electron/adapters/ may import electron, and nothing imports them back.',
      packages: { deny: SERVICES_FORBIDDEN_PACKAGES },
      paths: { deny: SERVICES_FORBIDDEN_PATHS },
    },
    { ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/adapters/**'] },
  ),
  layer(['electron/main.ts', 'electron/preload.ts', `electron/adapters/${SOURCE}`], {
    layer: 'shell',
    why: 'the Electron shell (main.ts, preload.ts, adapters/) may import electron, but never the renderer page.',
    paths: { deny: SHELL_FORBIDDEN_PATHS },
  }),
);
