/**
 * The desktop package (issue 20): electron-builder's unpacked Linux app with a stand-in Electron
 * (test/support/package.ts), its build time and the size of app.asar, what every installer
 * carries (the app's code and its production dependencies: 277 MB before the font weights the
 * summary never reads were left out, 46 MB of it the CJK faces it does). Needs out/ (npm run build:app).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { buildUnpackedApp } from '../test/support/package';
import type { Row } from './measure';

export async function benchPackage(): Promise<Row[]> {
  const work = await mkdtemp(join(tmpdir(), 'advisor-deck-bench-package-'));
  try {
    const app = await buildUnpackedApp(work);
    const bytes = (await stat(app.asar)).size;
    const entries = listPackage(app.asar, { isPack: false }).length;
    return [
      {
        name: 'package: electron-builder --dir --linux (stand-in Electron), whole run',
        value: `${app.seconds.toFixed(1)} s`,
        target: 'informative',
        ok: true,
      },
      {
        name: 'package: app.asar size (entries)',
        value: `${(bytes / 1024 / 1024).toFixed(1)} MB (${entries} entries)`,
        target: '≤ 100 MB',
        ok: bytes <= 100 * 1024 * 1024,
      },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
