// What a PNG's header promises against what its data holds. The header gives the picture's
// size; the compressed data can inflate to far more (a "decompression bomb": 50 KB on disk, a
// gigabyte in memory). pdfkit, png-js and the browser showing the deck all trust the data, so it
// is measured here, inflating without keeping the output and stopping past what the header says.
import { createInflate } from 'node:zlib';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlaced: boolean;
}

/** Samples per pixel for each colour type, and the bit depths the PNG specification allows. */
const COLOUR_TYPES: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] }, // grey
  2: { channels: 3, depths: [8, 16] }, // RGB
  3: { channels: 1, depths: [1, 2, 4, 8] }, // palette
  4: { channels: 2, depths: [8, 16] }, // grey + alpha
  6: { channels: 4, depths: [8, 16] }, // RGBA
};

/** Adam7: each pass's first column and row, and its steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Bytes of image data the header promises once inflated: each row of each pass, plus its filter byte. */
export function pngDataSize(header: PngHeader): number {
  const { channels } = COLOUR_TYPES[header.colourType] ?? { channels: 4 };
  const rowBytes = (width: number) => Math.ceil((width * channels * header.bitDepth) / 8) + 1;
  if (!header.interlaced) return rowBytes(header.width) * header.height;
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const width = Math.ceil(Math.max(0, header.width - x0) / dx);
    const height = Math.ceil(Math.max(0, header.height - y0) / dy);
    if (width > 0 && height > 0) total += rowBytes(width) * height;
  }
  return total;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The header and the compressed image data (every IDAT chunk, in order), or why the file is not a whole PNG. */
export function readPngChunks(bytes: Uint8Array): { header: PngHeader; data: Uint8Array[] } | { problem: string } {
  const broken = { problem: 'is not a readable PNG image' };
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) return broken;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngHeader | undefined;
  const data: Uint8Array[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (length > bytes.length - start - 4) return { problem: 'is not a complete PNG image (the file is cut short)' };
    if (header === undefined && type !== 'IHDR') return broken;
    if (type === 'IHDR') {
      if (header !== undefined || length !== 13) return broken;
      const colourType = view.getUint8(start + 9);
      header = {
        width: view.getUint32(start),
        height: view.getUint32(start + 4),
        bitDepth: view.getUint8(start + 8),
        colourType,
        interlaced: view.getUint8(start + 12) === 1,
      };
      if (!COLOUR_TYPES[colourType]?.depths.includes(header.bitDepth)) return broken;
    } else if (type === 'IDAT') data.push(bytes.subarray(start, start + length));
    else if (type === 'IEND') return header && data.length ? { header, data } : broken;
    offset = start + length + 4;
  }
  return { problem: 'is not a complete PNG image (the file is cut short)' };
}

/**
 * Inflates the image data, keeping none of it, and stops as soon as it passes `limit` bytes.
 * Returns the inflated size (`limit + 1` or a little more when stopped) or undefined when the
 * data is not valid zlib.
 */
export function inflatedSize(data: readonly Uint8Array[], limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (value: number | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        settle(total);
        inflate.destroy();
      }
    });
    inflate.on('error', () => settle(undefined));
    inflate.on('end', () => settle(total));
    for (const part of data) inflate.write(part);
    inflate.end();
  });
}

/**
 * Why a PNG cannot be used as it is, or undefined: its image data must inflate to exactly what
 * its header promises. Call after the header's pixel count is checked: that bounds the work.
 */
export async function checkPngData(bytes: Uint8Array): Promise<string | undefined> {
  const png = readPngChunks(bytes);
  if ('problem' in png) return png.problem;
  const expected = pngDataSize(png.header);
  const size = await inflatedSize(png.data, expected);
  if (size === undefined) return 'is not a readable PNG image (its image data is damaged)';
  if (size > expected)
    return `the image data is larger than its header says (${png.header.width} × ${png.header.height} pixels)`;
  if (size < expected) return 'is not a complete PNG image (its image data is shorter than its header says)';
  return undefined;
}
