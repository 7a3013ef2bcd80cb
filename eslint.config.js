// Lint is where the layer rules of DESIGN.md are enforced: imports only point down.
//   renderer/ -> templates/, core/      (no electron, no node:*)
//   electron/ -> templates/, core/
//   templates/ -> core/                  (no electron, no node:*)
//   core/     -> nothing above it        (no electron, node:*, react, DOM)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      ...restrict(
        ['electron', 'electron/*', ...nodeBuiltins, 'react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '**/electron/**', '**/renderer/**', '**/templates/**', '../templates/*', '../electron/*', '../renderer/*'],
        'core/ is the pure domain: no I/O, no electron, no node:*, no React, nothing from the layers above it.',
      ),
      // The DOM and Node globals are out of reach of the pure core too.
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage', 'fetch', 'setTimeout', 'setInterval'],
    },
  },
  {
    files: ['templates/**/*.{ts,tsx}'],
    rules: restrict(
      ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**', '**/renderer/**'],
      'templates/ holds pure layouts and data: it may import core/ only, never electron, node:* or the app layers.',
    ),
  },
  {
    // Runs inside the exported deck.html, in the browser, as a classic script.
    files: ['templates/deck/present.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**'],
      'renderer/ runs in a sandboxed page: reach the main process through window.advisorDeck (preload), never electron or node:*.',
    ),
  },
  {
    // Catch-all for electron/: only the shell (main, preload, adapters/) may talk to Electron.
    // Listed before the services entry so that entry's more specific message wins there.
    files: ['electron/**/*.{ts,tsx}'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/adapters/**'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**'],
      'only electron/main.ts, electron/preload.ts and electron/adapters/ may import electron.',
    ),
  },
  {
    files: ['electron/services/**/*.{ts,tsx}', 'electron/cli.ts', 'electron/demo.ts', 'electron/problems.ts'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**'],
      'services and the CLI run under plain Node: only main.ts, preload.ts and electron/adapters/ may import electron.',
    ),
  },
);
