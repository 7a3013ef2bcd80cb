// readJsonFile refuses what no person's file is, before parsing it: too many bytes, too deep.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_INTAKE_BYTES, MAX_JSON_DEPTH, MAX_RECORD_BYTES, readJsonFile } from '../../electron/services/files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const messages = (read: Awaited<ReturnType<typeof readJsonFile>>) =>
  read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`);

describe('readJsonFile limits', () => {
  it('caps an intake at 1 MB and a record at 256 KB', () => {
    expect(MAX_INTAKE_BYTES).toBe(1024 * 1024);
    expect(MAX_RECORD_BYTES).toBe(256 * 1024);
  });

  it('refuses a file over the cap, naming the file and both sizes, by default at 1 MB', async () => {
    const path = join(dir, 'big.json');
    // 3.2 MB exactly: 3,355,443 bytes.
    await writeFile(path, JSON.stringify({ notes: 'x'.repeat(3_355_443 - '{"notes":""}'.length) }));
    expect(messages(await readJsonFile(path))).toEqual([`${path}: is too large: 3.2 MB, at most 1 MB`]);
  });

  it('takes a file of exactly the cap, and refuses one byte more', async () => {
    const path = join(dir, 'edge.json');
    const body = (size: number) => `{"a":"${'x'.repeat(size - 8)}"}`;
    await writeFile(path, body(MAX_RECORD_BYTES));
    expect((await readJsonFile(path, { maxBytes: MAX_RECORD_BYTES })).ok).toBe(true);
    await writeFile(path, body(MAX_RECORD_BYTES + 1));
    expect(messages(await readJsonFile(path, { maxBytes: MAX_RECORD_BYTES }))).toEqual([
      `${path}: is too large: 257 KB, at most 256 KB`,
    ]);
  });

  it('reads at most the cap from a file whose size is not known in advance (a pipe)', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    // The writer sends 2 MB and is cut off when the reader closes its end.
    const writer = writeFile(fifo, `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`).catch(() => undefined);
    expect(messages(await readJsonFile(fifo))).toEqual([`${fifo}: is too large: more than 1 MB`]);
    await writer;
  });

  it('refuses nesting deeper than any of our files, before parsing: 1 MB of brackets is a problem, not a crash', async () => {
    const path = join(dir, 'deep.json');
    const depth = 500_000;
    await writeFile(path, `{"prospect":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(messages(await readJsonFile(path))).toEqual([
      `${path}: is nested too deeply: more than ${MAX_JSON_DEPTH} levels of lists and objects`,
    ]);
    // Brackets inside strings are text, not nesting.
    await writeFile(path, JSON.stringify({ notes: '[{'.repeat(1000), quote: 'say \\"[[[[\\"' }));
    expect((await readJsonFile(path)).ok).toBe(true);
  });

  it('says a folder is a folder', async () => {
    expect(messages(await readJsonFile(dir))).toEqual([`${dir}: is a folder, not a file`]);
  });
});
