// electron-vite builds the three parts of the app into out/: main (Node), preload and the
// renderer (the app window). `npx electron-vite build` does not need the Electron binary.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/services/app-csp';

const root = import.meta.dirname;

// The dev server needs a looser policy than the built app (inline React Fast Refresh
// preamble, injected <style> tags, the HMR socket), so in `electron-vite dev` only the
// <meta> policy of index.html is swapped for the dev one. The build keeps the strict one.
function devCsp(): Plugin {
  return {
    name: 'advisor-deck:dev-csp',
    apply: 'serve',
    transformIndexHtml(html, ctx) {
      const devServerUrl = ctx.server?.resolvedUrls?.local[0] ?? 'http://localhost:5173';
      const policy = contentSecurityPolicy({ devServerUrl, forMeta: true });
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${policy}"`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // headless.js: the same services without Electron, for the package check (electron/headless.ts).
      // intake-form-reader.js: the intake form reader runs in a worker thread, an entry of its own
      // beside main.js (electron/services/fillableForm/readInWorker.ts finds it there).
      lib: {
        entry: {
          main: resolve(root, 'electron/main.ts'),
          headless: resolve(root, 'electron/headless.ts'),
          'intake-form-reader': resolve(root, 'electron/services/fillableForm/readWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require node_modules and cannot be an ES module:
      // bundle everything it uses into one CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the window's code unminified; the browser parses every byte at
      // start, and the Prospects screen must show 5,000 rows fast.
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
