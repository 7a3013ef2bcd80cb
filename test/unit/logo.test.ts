// The advisor's logo: only a picture in the advisor file's folder is read, never more than the
// size cap, and a PNG whose data inflates past what its header says is refused.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../electron/services/build';
import { MAX_LOGO_BYTES, readLogo } from '../../electron/services/logo';
import { checkPngData, pngDataSize } from '../../electron/services/pdf/png';
import { sampleAdvisorInput, sampleIntakeInput } from '../support/samples';
import { makePng, pngHeader } from './summary.support';

let dir: string;
let advisorDir: string;
let advisorPath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-logo-'));
  advisorDir = join(dir, 'profile');
  await mkdir(join(advisorDir, 'images'), { recursive: true });
  advisorPath = join(advisorDir, 'advisor.json');
  await writeFile(
    join(dir, 'outside.png'),
    makePng(4, 4, () => [200, 0, 0, 255]),
  );
  await writeFile(
    join(advisorDir, 'logo.png'),
    makePng(4, 4, () => [0, 0, 200, 255]),
  );
  await writeFile(
    join(advisorDir, 'images', 'logo.png'),
    makePng(4, 4, () => [0, 200, 0, 255]),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** A PNG with the given header fields and compressed image data, as a hostile file would be. */
function png(
  header: { width: number; height: number; bitDepth?: number; colourType?: number; interlaced?: boolean },
  idat: Buffer,
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr[8] = header.bitDepth ?? 8;
  ihdr[9] = header.colourType ?? 6;
  ihdr[12] = header.interlaced ? 1 : 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 1 × 1 pixel by its header, 50 MB of zeros once inflated (about 50 KB on disk). */
const bomb = () => png({ width: 1, height: 1 }, deflateSync(Buffer.alloc(50 * 1024 * 1024)));

const problemOf = async (logo: string, options?: { root?: string }) => {
  const read = await readLogo(advisorPath, logo, options);
  return read.ok ? undefined : read.problem;
};

describe('readLogo: confined to the advisor file folder', () => {
  it('reads a PNG beside the advisor file or in a folder below it', async () => {
    for (const logo of ['logo.png', 'images/logo.png', './images/../logo.png', join(advisorDir, 'logo.png')]) {
      const read = await readLogo(advisorPath, logo);
      expect(read.ok && read.value.mime, logo).toBe('image/png');
    }
  });

  it.each([
    ['a path out by ..', '../outside.png'],
    ['a deep escape to a system file', '../../../../../../../../etc/passwd'],
    ['an absolute path to a PNG outside', () => join(dir, 'outside.png')],
    ['a /proc file (its size reads as 0)', '/proc/self/status'],
  ])('refuses %s without reading it', async (_, logo) => {
    const problem = await problemOf(typeof logo === 'function' ? logo() : logo);
    expect(problem?.path).toBe('logo');
    expect(problem?.message).toMatch(/^must be a file in the advisor file's folder \(.*profile\), not /);
  });

  it('refuses a symbolic link that leads out of the folder, and follows one that stays inside', async () => {
    await symlink(join(dir, 'outside.png'), join(advisorDir, 'escape.png'));
    await symlink(join(advisorDir, 'images'), join(advisorDir, 'pictures'));
    expect(await problemOf('escape.png')).toMatchObject({
      path: 'logo',
      message: expect.stringContaining('(it is a link to a file outside)'),
    });
    expect(await problemOf('pictures/logo.png')).toBeUndefined();
  });

  it('confines to a given root instead (the app passes its data folder)', async () => {
    expect(await problemOf('../outside.png', { root: dir })).toBeUndefined();
    expect(await problemOf('../outside.png', { root: join(advisorDir, 'images') })).toMatchObject({
      message: expect.stringContaining('must be a file in '),
    });
  });

  it('refuses what is not a regular file without opening it: a folder, a FIFO (that would block)', async () => {
    execFileSync('mkfifo', [join(advisorDir, 'fifo.png')]);
    expect(await problemOf('images')).toMatchObject({
      path: 'logo',
      message: expect.stringContaining('is not a file'),
    });
    expect(await problemOf('fifo.png')).toMatchObject({
      path: 'logo',
      message: expect.stringContaining('is not a file'),
    });
  });

  it('refuses a file over the size cap', async () => {
    await writeFile(
      join(advisorDir, 'huge.png'),
      Buffer.concat([makePng(1, 1, () => [0, 0, 0, 0]), Buffer.alloc(MAX_LOGO_BYTES)]),
    );
    expect(await problemOf('huge.png')).toMatchObject({ path: 'logo', message: 'is too large: 2.1 MB, at most 2 MB' });
  });

  it.skipIf(!existsSync('/proc/self/status'))(
    'reads a file whose size says 0 (/proc) no further than the cap, where a root allows it',
    async () => {
      // With / as the root the path is inside: read from the open file up to the cap, then refused as no image.
      expect(await problemOf('/proc/self/status', { root: '/' })).toMatchObject({
        path: 'logo',
        message: 'must be a PNG or JPEG image',
      });
    },
  );
});

describe('readLogo: PNG data against its header', () => {
  it('refuses a decompression bomb: 1 × 1 pixels by the header, 50 MB of data', async () => {
    await writeFile(join(advisorDir, 'bomb.png'), bomb());
    expect(await problemOf('bomb.png')).toEqual({
      path: 'logo',
      message: 'the image data is larger than its header says (1 × 1 pixels)',
    });
  });

  it('refuses image data that is damaged or shorter than the header says', async () => {
    await writeFile(join(advisorDir, 'damaged.png'), png({ width: 2, height: 2 }, Buffer.from('not zlib at all')));
    await writeFile(join(advisorDir, 'short.png'), png({ width: 2, height: 2 }, deflateSync(Buffer.alloc(9))));
    expect(await problemOf('damaged.png')).toMatchObject({ message: expect.stringContaining('damaged') });
    expect(await problemOf('short.png')).toMatchObject({
      message: expect.stringContaining('shorter than its header says'),
    });
  });

  it('checks the pixel count from the header before inflating anything', async () => {
    await writeFile(join(advisorDir, 'wide.png'), pngHeader(20_000, 20_000));
    expect(await problemOf('wide.png')).toMatchObject({
      path: 'logo',
      message: expect.stringContaining('20000 × 20000 pixels'),
    });
  });

  it('knows the exact data size of every layout, interlaced (Adam7) included', async () => {
    expect(pngDataSize({ width: 5, height: 3, bitDepth: 8, colourType: 6, interlaced: false })).toBe((5 * 4 + 1) * 3);
    // Passes 1 to 7 of a 5 × 3 RGBA image: 1×1, 1×1, none, 1×1, 3×1, 2×2, 5×1 pixels, a filter byte per row.
    expect(pngDataSize({ width: 5, height: 3, bitDepth: 8, colourType: 6, interlaced: true })).toBe(
      5 + 5 + 0 + 5 + 13 + 18 + 21,
    );
    expect(pngDataSize({ width: 10, height: 2, bitDepth: 1, colourType: 0, interlaced: false })).toBe((2 + 1) * 2);
    expect(pngDataSize({ width: 3, height: 1, bitDepth: 16, colourType: 2, interlaced: false })).toBe(3 * 6 + 1);
    expect(
      await checkPngData(png({ width: 5, height: 3, interlaced: true }, deflateSync(Buffer.alloc(67)))),
    ).toBeUndefined();
    expect(await checkPngData(png({ width: 5, height: 3, interlaced: true }, deflateSync(Buffer.alloc(68))))).toContain(
      'larger',
    );
    expect(await checkPngData(makePng(300, 200, (x, y) => [x % 256, y % 256, 0]))).toBeUndefined();
  });
});

describe('build with a logo that must not be used', { timeout: 60_000 }, () => {
  const OUTSIDE = /^must be a file in the advisor file's folder .*; built without the logo$/;
  it.each([
    ['a path out by ..', '../outside.png', OUTSIDE],
    ['an absolute path outside', 'ABSOLUTE', OUTSIDE],
    ['a symbolic link out of the folder', 'escape.png', OUTSIDE],
    ['/proc/self/status', '/proc/self/status', OUTSIDE],
    [
      'a PNG decompression bomb',
      'bomb.png',
      /^the image data is larger than its header says .*; built without the logo$/,
    ],
  ])('builds without %s, with a warning naming the logo field', async (_, logo, message) => {
    await symlink(join(dir, 'outside.png'), join(advisorDir, 'escape.png'));
    await writeFile(join(advisorDir, 'bomb.png'), bomb());
    await writeFile(
      advisorPath,
      JSON.stringify({ ...sampleAdvisorInput(), logo: logo === 'ABSOLUTE' ? join(dir, 'outside.png') : logo }),
    );
    const intakePath = join(dir, 'intake.json');
    await writeFile(intakePath, JSON.stringify(sampleIntakeInput()));
    const outDir = join(dir, 'out');
    const result = await build({ intakePath, advisorPath, outDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      { file: advisorPath, problems: [{ path: 'logo', message: expect.stringMatching(message) }] },
    ]);
    expect(await readFile(join(outDir, 'deck.html'), 'utf8')).not.toContain('data:image/png');
    expect((await readFile(join(outDir, 'summary.pdf'))).toString('latin1')).not.toContain('/Subtype /Image');
  });
});
