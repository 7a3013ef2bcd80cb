// The engine's images: what it can embed, checked from the header before pdfkit decodes
// anything. Light on purpose (no fonts, no pdfkit): the app checks a logo when the advisor
// saves it, long before a PDF is drawn, through this file alone.
import type { Problem } from '../../../core/validation';

export { checkPngData } from './png';

/**
 * A picture the engine embeds: the advisor's logo, read and checked by electron/services/logo.ts.
 * Defined here, below its readers, so the engine needs nothing from the app layer.
 */
export interface Logo {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
}

/** Pixel size of a PNG (IHDR) or JPEG (first SOF marker), read from the header only. */
export function imageSize(logo: Logo): { width: number; height: number } | undefined {
  const b = logo.bytes;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (logo.mime === 'image/png') {
    if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return undefined;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    // SOF0..SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    i += 2 + view.getUint16(i + 2);
  }
  return undefined;
}

/**
 * pdfkit decodes a PNG with transparency into memory to embed it: a small file can hold a huge
 * picture (a decompression bomb). Any real logo is far below this: the summary shows it at most
 * 170 × 44 points and the deck at a few hundred pixels. A larger honest logo is refused rather
 * than scaled down (no image library is bundled); the warning says how to fix it.
 */
export const MAX_LOGO_SIDE = 4096;
export const MAX_LOGO_PIXELS = MAX_LOGO_SIDE * MAX_LOGO_SIDE;

/** A logo the summary can embed, or the problem to report on the advisor file's `logo` field. */
export function checkLogoForPdf(logo: Logo): Problem | undefined {
  const size = imageSize(logo);
  if (!size || size.width === 0 || size.height === 0)
    return { path: 'logo', message: 'is not a readable PNG or JPEG image' };
  if (size.width * size.height > MAX_LOGO_PIXELS) {
    const most = `${(MAX_LOGO_PIXELS / 1_000_000).toFixed(1)} million (${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE})`;
    return {
      path: 'logo',
      message: `is too large: ${size.width} × ${size.height} pixels, at most ${most} (scale it down: a logo needs a few hundred pixels)`,
    };
  }
  return undefined;
}

/**
 * The logo could not be embedded: reported on the advisor file's `logo` field. Here, with the
 * other logo checks, so a caller can tell it apart without loading the PDF renderer.
 */
export class LogoError extends Error {}
