// The layer rules of DESIGN.md are enforced by lint (eslint.config.js + eslint/layers.js).
// Each case feeds one import to ESLint under a virtual path in a layer and expects the
// `layers/imports` error naming that layer, or, for an allowed import, no layer error at all.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const RULE = 'layers/imports';

type Layer = 'core' | 'templates' | 'renderer' | 'services' | 'shell';

// The forms a module can be pulled in by. The rule must see every one of them.
const forms = {
  static: (s: string) => `import x from '${s}';\nexport { x };\n`,
  sideEffect: (s: string) => `import '${s}';\n`,
  typeOnly: (s: string) => `import type { X } from '${s}';\nexport type { X };\n`,
  dynamic: (s: string) => `export const load = () => import('${s}');\n`,
  dynamicTemplate: (s: string) => `export const load = () => import(\`${s}\`);\n`,
  topLevelAwait: (s: string) => `export const m = await import('${s}');\n`,
  reexport: (s: string) => `export { x } from '${s}';\n`,
  reexportAll: (s: string) => `export * from '${s}';\n`,
  require: (s: string) => `export const m = require('${s}');\n`,
};
type Form = keyof typeof forms;

// [virtual file, layer it belongs to, import specifier, form]
const forbidden: Array<[string, Layer, string, Form]> = [
  // core/: zod, luxon, country-to-currency and core/ only; .ts and .tsx alike.
  ['core/x.ts', 'core', 'react', 'static'],
  ['core/x.tsx', 'core', 'react', 'static'],
  ['core/x.tsx', 'core', 'react/jsx-runtime', 'typeOnly'],
  ['core/x.ts', 'core', 'fontkit', 'static'],
  ['core/x.tsx', 'core', 'fontkit', 'dynamic'],
  ['core/x.ts', 'core', 'electron', 'static'],
  ['core/x.ts', 'core', 'zustand', 'reexportAll'],
  ['core/x.ts', 'core', 'node:fs', 'static'],
  ['core/x.ts', 'core', 'fs', 'static'],
  ['core/x.ts', 'core', 'path', 'sideEffect'],
  ['core/x.ts', 'core', 'node:path', 'topLevelAwait'],
  ['core/x.tsx', 'core', 'node:fs/promises', 'dynamicTemplate'],
  ['core/charts/x.ts', 'core', 'fs/promises', 'reexport'],
  ['core/x.ts', 'core', '../templates/slides', 'static'],
  ['core/x.tsx', 'core', '../electron/services/build', 'dynamic'],
  ['core/charts/x.ts', 'core', '../../renderer/src/store', 'reexportAll'],
  ['core/x.ts', 'core', '../package.json', 'static'],
  // templates/: react, core/ and templates/ only.
  ['templates/x.tsx', 'templates', 'electron', 'static'],
  ['templates/slides/x.tsx', 'templates', 'node:fs', 'static'],
  ['templates/slides/x.ts', 'templates', 'fs', 'dynamic'],
  ['templates/x.tsx', 'templates', 'react-dom/server', 'static'],
  ['templates/x.tsx', 'templates', 'pdfkit', 'dynamic'],
  ['templates/slides/x.tsx', 'templates', '../../electron/services/deck', 'static'],
  ['templates/slides/x.tsx', 'templates', '../../renderer/src/store', 'dynamic'],
  ['templates/charts/x.ts', 'templates', '../../electron/adapters/csp', 'reexport'],
  // renderer/: browser packages, core/, templates/ and renderer/ only.
  ['renderer/src/x.tsx', 'renderer', 'pdfkit', 'static'],
  ['renderer/src/x.tsx', 'renderer', 'fontkit', 'static'],
  ['renderer/src/x.tsx', 'renderer', 'conf', 'static'],
  ['renderer/src/x.tsx', 'renderer', 'electron-store', 'static'],
  ['renderer/src/x.tsx', 'renderer', 'nodemailer', 'static'],
  ['renderer/src/x.ts', 'renderer', 'nodemailer/lib/mail-composer', 'static'],
  ['renderer/src/x.ts', 'renderer', 'proper-lockfile', 'static'],
  ['renderer/src/x.ts', 'renderer', 'ics', 'static'],
  ['renderer/src/x.ts', 'renderer', 'mailparser', 'static'],
  ['renderer/src/x.tsx', 'renderer', 'node:fs', 'static'],
  ['renderer/src/x.tsx', 'renderer', 'fs', 'static'],
  ['renderer/src/x.ts', 'renderer', 'node:child_process', 'require'],
  ['renderer/src/x.tsx', 'renderer', 'electron', 'static'],
  ['renderer/src/x.ts', 'renderer', 'electron', 'typeOnly'],
  ['renderer/src/x.tsx', 'renderer', 'electron', 'dynamic'],
  ['renderer/src/x.ts', 'renderer', 'pdfkit', 'dynamic'],
  ['renderer/src/x.tsx', 'renderer', 'node:path', 'reexportAll'],
  ['renderer/src/x.tsx', 'renderer', '../../electron/preload', 'static'],
  ['renderer/src/x.tsx', 'renderer', '../../electron/services/build', 'dynamic'],
  ['renderer/src/x.ts', 'renderer', '../../electron/adapters/csp', 'reexport'],
  // electron/ outside the shell (services, cli, demo, problems, web): never electron, adapters/, main, preload, renderer/.
  ['electron/services/x.ts', 'services', 'electron', 'static'],
  ['electron/services/x.tsx', 'services', 'electron', 'static'],
  ['electron/services/x.ts', 'services', 'electron', 'dynamic'],
  ['electron/services/x.ts', 'services', 'electron', 'typeOnly'],
  ['electron/services/followUp/x.ts', 'services', 'electron/main', 'reexport'],
  ['electron/services/x.ts', 'services', '../adapters/csp', 'static'],
  ['electron/services/x.ts', 'services', '../adapters/csp', 'dynamic'],
  ['electron/services/followUp/x.ts', 'services', '../../adapters/notifications', 'reexportAll'],
  ['electron/services/x.ts', 'services', '../main', 'static'],
  ['electron/services/x.tsx', 'services', '../main.ts', 'dynamic'],
  ['electron/services/x.ts', 'services', '../preload', 'static'],
  ['electron/services/x.ts', 'services', '../../renderer/src/store', 'static'],
  ['electron/cli.ts', 'services', 'electron', 'static'],
  ['electron/cli.ts', 'services', './adapters/ipc', 'static'],
  ['electron/demo.ts', 'services', './main', 'dynamic'],
  ['electron/problems.ts', 'services', './adapters/csp', 'static'],
  ['electron/web.ts', 'services', 'electron', 'static'],
  ['electron/web.ts', 'services', './adapters/csp', 'static'],
  ['electron/web.ts', 'services', './main', 'dynamic'],
  ['electron/web.ts', 'services', '../renderer/src/store', 'static'],
  ['electron/other/x.ts', 'services', 'electron', 'static'],
  // The shell (main.ts, preload.ts, adapters/) may import electron, but never the renderer page.
  ['electron/main.ts', 'shell', '../renderer/src/store', 'static'],
  ['electron/preload.ts', 'shell', '../renderer/src/store', 'dynamic'],
  ['electron/adapters/x.ts', 'shell', '../../renderer/src/App', 'static'],
];

const allowed: Array<[string, string, Form]> = [
  ['core/x.ts', 'zod', 'static'],
  ['core/x.tsx', 'zod', 'static'],
  ['core/x.ts', 'luxon', 'static'],
  ['core/x.ts', 'country-to-currency', 'dynamic'],
  ['core/x.ts', './intake', 'static'],
  ['core/charts/x.ts', '../intake', 'reexportAll'],
  ['templates/x.tsx', 'react', 'static'],
  ['templates/slides/x.tsx', 'react/jsx-runtime', 'typeOnly'],
  ['templates/slides/x.tsx', '../../core/plan/planDeck', 'static'],
  ['templates/slides/x.tsx', './parts', 'static'],
  ['templates/deck/x.tsx', '../slides', 'static'],
  ['renderer/src/x.tsx', 'react', 'static'],
  ['renderer/src/x.tsx', 'react-dom/client', 'static'],
  ['renderer/src/x.ts', 'zustand', 'static'],
  ['renderer/src/x.ts', 'zustand/middleware', 'static'],
  ['renderer/src/x.tsx', '@tanstack/react-virtual', 'static'],
  ['renderer/src/x.tsx', '@dnd-kit/core', 'static'],
  ['renderer/src/x.tsx', '@dnd-kit/sortable', 'static'],
  ['renderer/src/x.tsx', '@dnd-kit/utilities', 'static'],
  ['renderer/src/x.tsx', 'reveal.js', 'dynamic'],
  ['renderer/src/x.tsx', 'reveal.js/dist/reveal.css', 'sideEffect'],
  ['renderer/src/x.tsx', 'luxon', 'static'],
  ['renderer/src/x.tsx', './styles.css', 'sideEffect'],
  ['renderer/src/x.tsx', './store', 'static'],
  ['renderer/src/x.tsx', '../../core/intake/intake', 'static'],
  ['renderer/src/x.ts', '../../core/api', 'typeOnly'],
  ['renderer/src/x.tsx', '../../templates/slides', 'static'],
  ['renderer/src/x.tsx', '../../templates/deck/theme.css', 'sideEffect'],
  ['electron/services/x.ts', 'node:fs', 'static'],
  ['electron/services/x.ts', 'pdfkit', 'static'],
  ['electron/services/x.tsx', 'react-dom/server', 'static'],
  ['electron/services/x.ts', './csp', 'static'],
  ['electron/services/x.ts', '../../core/plan/planDeck', 'static'],
  ['electron/services/x.tsx', '../../templates/slides', 'static'],
  ['electron/services/followUp/x.ts', '../files', 'dynamic'],
  ['electron/cli.ts', './services/build', 'static'],
  ['electron/web.ts', './services/build', 'dynamic'],
  ['electron/main.ts', 'electron', 'static'],
  ['electron/main.ts', './adapters/csp', 'static'],
  ['electron/main.ts', '../assets/tray.png?asset', 'static'],
  ['electron/preload.ts', 'electron', 'static'],
  ['electron/adapters/x.ts', 'electron', 'dynamic'],
  ['electron/adapters/x.ts', '../services/followUp/scheduler', 'static'],
  // test/, bench/, scripts/ are unrestricted.
  ['test/unit/x.test.ts', 'electron', 'static'],
  ['test/unit/x.test.ts', '../../electron/adapters/csp', 'static'],
  ['bench/x.ts', '../renderer/src/store', 'static'],
  ['scripts/x.ts', 'node:fs', 'static'],
];

// Files the rule must be switched on for (so an "allowed" pass is not a rule that never ran).
const layered = [
  'core/x.ts',
  'core/x.tsx',
  'templates/x.ts',
  'templates/x.tsx',
  'renderer/src/x.ts',
  'renderer/src/x.tsx',
  'electron/services/x.ts',
  'electron/services/x.tsx',
  'electron/cli.ts',
  'electron/web.ts',
  'electron/main.ts',
  'electron/preload.ts',
  'electron/adapters/x.ts',
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(code: string, filePath: string): Promise<ESLint.LintResult['messages']> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  // A parse error would hide every rule: fail loudly instead.
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages;
}

describe('the layer rules of DESIGN.md (lint)', () => {
  it.each(layered)('the layer rule is on for %s', async (file) => {
    const config = await eslint.calculateConfigForFile(resolve(ROOT, file));
    expect(config?.rules?.[RULE]?.[0]).toBe(2);
  });

  it.each(forbidden)('%s (%s) may not import %s (%s)', async (file, layer, specifier, form) => {
    const messages = (await lint(forms[form](specifier), file)).filter((m) => m.ruleId === RULE);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.severity).toBe(2);
    expect(messages[0]?.message).toContain(`Layer "${layer}"`);
    expect(messages[0]?.message).toContain(`'${specifier}'`);
  });

  it.each(allowed)('%s may import %s (%s)', async (file, specifier, form) => {
    const messages = (await lint(forms[form](specifier), file)).filter((m) => m.ruleId === RULE);
    expect(messages).toEqual([]);
  });

  it('still keeps the DOM and Node globals out of core/, in .tsx too', async () => {
    const messages = await lint('export const w = window.innerWidth;\n', 'core/x.tsx');
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-globals');
  });
});
