import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Problem } from '../../core/validation';
import { formatBytes, readAtMost } from './files';
import { checkLogoForPdf, checkPngData, type Logo } from './pdf/image';

export type { Logo } from './pdf/image';

/** Large enough for any real logo; a photo by mistake would bloat every deck and summary. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** PNG or JPEG only: both the deck (data: URL) and the PDF summary (pdfkit) can embed them. */
function sniff(bytes: Uint8Array): Logo['mime'] | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/** `path` is inside `root`, in it or below (not `root` itself). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
}

export interface ReadLogoOptions {
  /**
   * The folder the logo must be in (default: the advisor file's folder). The app passes its
   * data folder. A path that leads out of it, by `..`, as an absolute path or through a
   * symbolic link, is refused: the advisor file names a picture beside it, never any file on
   * the machine, which would otherwise be read and embedded in every deck and summary.
   */
  root?: string;
}

type LogoRead = { ok: true; value: Logo } | { ok: false; problem: Problem };

/**
 * The advisor's logo, its path relative to the advisor file; problems name the `logo` field.
 * Only a regular file inside the root is opened, at most `MAX_LOGO_BYTES` (and one more byte)
 * are read from it, and a picture that would decode to more than its header says is refused.
 */
export async function readLogo(advisorPath: string, logo: string, options: ReadLogoOptions = {}): Promise<LogoRead> {
  const fail = (message: string) => ({ ok: false as const, problem: { path: 'logo', message } });
  const path = resolve(dirname(advisorPath), logo);
  const root = resolve(options.root ?? dirname(advisorPath));
  // Said before the file system is asked anything about a path outside the folder.
  const outside = fail(
    `must be a file ${options.root ? `in ${root}` : `in the advisor file's folder (${root})`}, not ${logo}`,
  );
  if (!isInside(root, path)) return outside;
  let real: string;
  try {
    real = await realpath(path);
    if (!isInside(await realpath(root), real))
      return fail(`${outside.problem.message} (it is a link to a file outside)`);
    // A FIFO or a device would block or never end: only a regular file is opened.
    if (!(await stat(real)).isFile()) return fail(`is not a file: ${path}`);
  } catch {
    return fail(`file not found: ${path}`);
  }
  let bytes: Uint8Array;
  try {
    // O_NOFOLLOW: a link put in place of the file since realpath is not followed (0 on Windows).
    const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) return fail(`is not a file: ${path}`);
      if (info.size > MAX_LOGO_BYTES)
        return fail(`is too large: ${formatBytes(info.size)}, at most ${formatBytes(MAX_LOGO_BYTES)}`);
      bytes = new Uint8Array(await readAtMost(handle, MAX_LOGO_BYTES));
    } finally {
      await handle.close();
    }
  } catch {
    return fail(`cannot be read: ${path}`);
  }
  if (bytes.length > MAX_LOGO_BYTES) return fail(`is too large: more than ${formatBytes(MAX_LOGO_BYTES)}`);
  const mime = sniff(bytes);
  if (!mime) return fail('must be a PNG or JPEG image');
  const value = { bytes, mime };
  // The header's pixel count first: it bounds the work of measuring the image data.
  const problem = checkLogoForPdf(value);
  if (problem) return { ok: false, problem };
  if (mime === 'image/png') {
    const dataProblem = await checkPngData(bytes);
    if (dataProblem) return fail(dataProblem);
  }
  return { ok: true, value };
}

export function logoDataUrl(logo: Logo): string {
  return `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`;
}
