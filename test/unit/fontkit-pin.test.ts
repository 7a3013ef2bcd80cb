// quickLayout (electron/services/pdf/quickLayout.ts) mirrors fontkit 2.0.4's internals and is
// checked glyph for glyph against that version. Another fontkit could lay text out differently
// while every summary still looked right: the version is pinned exactly, and this says so the
// day it changes (then run the quick-layout tests against the new one before moving the pin).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// fontkit's exports hide its package.json: found from its entry point instead.
function installedVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('fontkit'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'fontkit') return pkg.version;
    } catch {
      // not this folder: go up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('fontkit is not installed');
    dir = up;
  }
}

describe('fontkit', () => {
  it('is the exact version quickLayout mirrors', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['fontkit']).toBe('2.0.4');
    expect(installedVersion()).toBe('2.0.4');
  });
});
