import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Problem } from '../../core/validation';

export interface Logo {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
}

/** Large enough for any real logo; a photo by mistake would bloat every deck and summary. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** PNG or JPEG only: both the deck (data: URL) and the PDF summary (pdfkit) can embed them. */
function sniff(bytes: Uint8Array): Logo['mime'] | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/** The advisor's logo, its path relative to the advisor file; problems name the `logo` field. */
export async function readLogo(advisorPath: string, logo: string): Promise<{ ok: true; value: Logo } | { ok: false; problem: Problem }> {
  const path = resolve(dirname(advisorPath), logo);
  const fail = (message: string) => ({ ok: false as const, problem: { path: 'logo', message } });
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail(`is not a file: ${path}`);
    size = info.size;
  } catch {
    return fail(`file not found: ${path}`);
  }
  if (size > MAX_LOGO_BYTES) return fail(`is too large: ${Math.round(size / 1024)} KB, at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await readFile(path));
  const mime = sniff(bytes);
  if (!mime) return fail('must be a PNG or JPEG image');
  return { ok: true, value: { bytes, mime } };
}

export function logoDataUrl(logo: Logo): string {
  return `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`;
}
