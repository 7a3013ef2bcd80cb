// A big but honest logo (a 4000-pixel PNG straight from the designer) is scaled down once, when
// the advisor picks it, so every deck and summary embeds a small image instead of megapixels.
// Pure JavaScript decoders (pngjs, jpeg-js): no native code to build on the advisor's machine.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { checkLogoForPdf, checkPngData, imageSize, type Logo } from './pdf/image';

/** Wide enough for a crisp logo on a 1280-pixel slide and a printed page. */
export const LOGO_SIDE = 1024;

export type ScaledLogo = { ok: true; logo: Logo; scaled: boolean } | { ok: false; message: string };

/** RGBA pixels averaged over boxes: each target pixel is the mean of the source pixels it covers. */
function boxDownscale(src: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Uint8Array {
  const out = new Uint8Array(toWidth * toHeight * 4);
  for (let y = 0; y < toHeight; y++) {
    const y0 = Math.floor((y * height) / toHeight);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / toHeight));
    for (let x = 0; x < toWidth; x++) {
      const x0 = Math.floor((x * width) / toWidth);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / toWidth));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * width + sx) * 4;
          const alpha = src[i + 3] ?? 0;
          // Weighted by alpha, so transparent pixels do not darken the edges.
          r += (src[i] ?? 0) * alpha;
          g += (src[i + 1] ?? 0) * alpha;
          b += (src[i + 2] ?? 0) * alpha;
          a += alpha;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * toWidth + x) * 4;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a / n);
    }
  }
  return out;
}

/**
 * The logo as it should be kept: unchanged when it is small enough, else scaled to fit
 * LOGO_SIDE and stored as PNG. Every check that refuses a logo elsewhere (size, pixel cap, a
 * PNG whose data inflates past its header) runs before anything is decoded.
 */
export async function scaleLogoOnce(logo: Logo): Promise<ScaledLogo> {
  const size = imageSize(logo);
  if (!size) return { ok: false, message: 'cannot be read as an image' };
  const refused = checkLogoForPdf(logo);
  if (refused) return { ok: false, message: refused.message };
  if (logo.mime === 'image/png') {
    const bomb = await checkPngData(logo.bytes);
    if (bomb) return { ok: false, message: bomb };
  }
  if (Math.max(size.width, size.height) <= LOGO_SIDE) return { ok: true, logo, scaled: false };
  let rgba: { width: number; height: number; data: Uint8Array };
  try {
    if (logo.mime === 'image/png') {
      const png = PNG.sync.read(Buffer.from(logo.bytes));
      rgba = {
        width: png.width,
        height: png.height,
        data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
      };
    } else {
      const decoded = jpeg.decode(logo.bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: 17,
        maxMemoryUsageInMB: 256,
      });
      rgba = { width: decoded.width, height: decoded.height, data: decoded.data };
    }
  } catch (error) {
    return { ok: false, message: `cannot be decoded (${(error as Error).message})` };
  }
  const scale = LOGO_SIDE / Math.max(rgba.width, rgba.height);
  const toWidth = Math.max(1, Math.round(rgba.width * scale));
  const toHeight = Math.max(1, Math.round(rgba.height * scale));
  const out = new PNG({ width: toWidth, height: toHeight });
  out.data = Buffer.from(boxDownscale(rgba.data, rgba.width, rgba.height, toWidth, toHeight));
  return { ok: true, logo: { bytes: new Uint8Array(PNG.sync.write(out)), mime: 'image/png' }, scaled: true };
}
