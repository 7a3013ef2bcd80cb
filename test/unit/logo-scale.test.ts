// A big but honest logo is scaled down once, when the advisor picks it; bombs and lies are refused first.
import { deflateSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdvisorProfileStore } from '../../electron/services/advisorProfile';
import { LOGO_SIDE, scaleLogoOnce } from '../../electron/services/logoScale';
import { imageSize } from '../../electron/services/pdf/image';

function png(width: number, height: number, colour: [number, number, number, number]): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set(colour, i * 4);
  return new Uint8Array(PNG.sync.write(image));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-logo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('logos scaled once', () => {
  it('keeps a small logo byte for byte', async () => {
    const bytes = png(300, 100, [31, 78, 121, 255]);
    const kept = await scaleLogoOnce({ bytes, mime: 'image/png' });
    expect(kept.ok && !kept.scaled && kept.logo.bytes).toEqual(bytes);
  });

  it('scales a 3000-pixel PNG to fit 1024, keeping its shape and colour', async () => {
    const kept = await scaleLogoOnce({ bytes: png(3000, 1500, [31, 78, 121, 255]), mime: 'image/png' });
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.scaled).toBe(true);
    expect(imageSize(kept.logo)).toEqual({ width: LOGO_SIDE, height: 512 });
    const back = PNG.sync.read(Buffer.from(kept.logo.bytes));
    expect([...back.data.subarray(0, 4)]).toEqual([31, 78, 121, 255]);
  });

  it('scales a big JPEG and keeps it as PNG', async () => {
    const width = 2048;
    const height = 1024;
    const data = Buffer.alloc(width * height * 4, 200);
    const bytes = new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
    const kept = await scaleLogoOnce({ bytes, mime: 'image/jpeg' });
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.logo.mime).toBe('image/png');
    expect(imageSize(kept.logo)).toEqual({ width: LOGO_SIDE, height: 512 });
  });

  it('refuses a PNG whose data inflates past its header before decoding anything', async () => {
    const header = png(1, 1, [0, 0, 0, 255]);
    // The same 1×1 header, with an IDAT of 50 MB of zeros.
    const ihdrEnd = 8 + 25;
    const idat = deflateSync(Buffer.alloc(50 * 1024 * 1024));
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      return Buffer.concat([length, Buffer.from(type, 'ascii'), body, Buffer.alloc(4)]);
    };
    const bomb = new Uint8Array(
      Buffer.concat([Buffer.from(header.subarray(0, ihdrEnd)), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]),
    );
    const kept = await scaleLogoOnce({ bytes: bomb, mime: 'image/png' });
    expect(kept.ok).toBe(false);
  });

  it('stores the scaled logo beside advisor.json when the advisor picks it', async () => {
    const store = new AdvisorProfileStore(dir);
    const saved = await store.saveLogo(Buffer.from(png(2500, 2500, [200, 160, 74, 255])).toString('base64'));
    if (!saved.saved) throw new Error(JSON.stringify(saved.problems));
    const kept = readFileSync(join(dir, saved.value.file));
    expect(imageSize({ bytes: new Uint8Array(kept), mime: 'image/png' })).toEqual({
      width: LOGO_SIDE,
      height: LOGO_SIDE,
    });
  });
});
