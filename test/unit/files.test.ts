import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonFile, writeFileAtomic } from '../../electron/services/files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the folder, writes the file and leaves no temporary file', async () => {
    const path = join(dir, 'a/b/plan.json');
    await writeFileAtomic(path, 'hello');
    expect(await readFile(path, 'utf8')).toBe('hello');
    expect(await readdir(join(dir, 'a/b'))).toEqual(['plan.json']);
  });

  it('replaces a file whole', async () => {
    const path = join(dir, 'plan.json');
    await writeFileAtomic(path, 'x'.repeat(100_000));
    await writeFileAtomic(path, 'short');
    expect(await readFile(path, 'utf8')).toBe('short');
  });

  it('keeps the old file and cleans up when the write fails', async () => {
    const path = join(dir, 'plan.json');
    await writeFile(path, 'old');
    // Renaming a file over a non-empty folder fails: the old content must survive.
    await expect(writeFileAtomic(dir, 'new')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('readJsonFile', () => {
  it('reads an object and strips a byte-order mark', async () => {
    const path = join(dir, 'a.json');
    await writeFile(path, '\uFEFF{"a":1}');
    expect(await readJsonFile(path)).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['missing', null, 'file not found'],
    ['not JSON', 'nope', 'is not valid JSON'],
    ['an array', '[]', 'must be a JSON object'],
    ['null', 'null', 'must be a JSON object'],
  ])('reports %s as a problem, not an exception', async (_, content, message) => {
    const path = join(dir, 'x.json');
    if (content !== null) await writeFile(path, content);
    const result = await readJsonFile(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toContain(message);
  });
});
