// The advisor's profile in the data folder: <data>/advisor.json in the CLI's advisor format
// (so `npm run cli -- build … --advisor <data>/advisor.json` works on it) and the logo file
// beside it. A file put there by hand is read and checked at start, like any user file.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAdvisor, type Advisor } from '../../core/advisor/advisor';
import type { AdvisorProfile, SaveOutcome } from '../../core/api';
import type { Problem } from '../../core/validation';
import { ADVISOR_FILE, LOGO_FILES } from '../../core/dataFolder';
import { MAX_RECORD_BYTES, readJsonFile, writeFileAtomic } from './files';
import { logoDataUrl, MAX_LOGO_BYTES, readLogo, type Logo } from './logo';
import { scaleLogoOnce } from './logoScale';

function sniff(bytes: Uint8Array): keyof typeof LOGO_FILES | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export class AdvisorProfileStore {
  constructor(readonly folder: string) {}

  get path(): string {
    return join(this.folder, ADVISOR_FILE);
  }

  /** The file as it is on disk and its problems; a missing file is no problem, just no profile. */
  async read(): Promise<AdvisorProfile> {
    if (!(await exists(this.path))) return { advisor: null, problems: [] };
    const read = await readJsonFile(this.path, { maxBytes: MAX_RECORD_BYTES });
    if (!read.ok)
      return {
        advisor: null,
        problems: read.problems.map((p) => ({ path: p.path === this.path ? '(file)' : p.path, message: p.message })),
      };
    const advisor = read.value as Record<string, unknown>;
    const checked = checkAdvisor(advisor);
    const logo = checked.ok ? await this.logo(checked.value) : undefined;
    return {
      advisor,
      problems: checked.ok ? [] : checked.problems,
      ...(logo && 'bytes' in logo ? { logo: logoDataUrl(logo) } : {}),
    };
  }

  /** The valid profile, or the problems that keep the app from building with it. */
  async advisor(): Promise<
    { ok: true; value: Advisor; logo?: Logo; warnings: Problem[] } | { ok: false; problems: Problem[] }
  > {
    const read = await readJsonFile(this.path, { maxBytes: MAX_RECORD_BYTES });
    if (!read.ok) return { ok: false, problems: read.problems };
    const checked = checkAdvisor(read.value);
    if (!checked.ok) return checked;
    const logo = await this.logo(checked.value);
    if (logo && 'problem' in logo) return { ok: true, value: checked.value, warnings: [logo.problem] };
    return { ok: true, value: checked.value, ...(logo ? { logo } : {}), warnings: [] };
  }

  async logo(advisor: Advisor): Promise<Logo | { problem: Problem } | undefined> {
    if (!advisor.logo) return undefined;
    const read = await readLogo(this.path, advisor.logo);
    return read.ok ? read.value : { problem: read.problem };
  }

  async save(input: Record<string, unknown>): Promise<SaveOutcome<AdvisorProfile>> {
    const checked = checkAdvisor(input);
    if (!checked.ok) return { saved: false, problems: checked.problems };
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.path, `${JSON.stringify(checked.value, null, 2)}\n`);
    return { saved: true, value: await this.read() };
  }

  /** Copies a picked PNG or JPEG beside advisor.json; the profile then names it in `logo`. */
  async saveLogo(base64: string): Promise<SaveOutcome<{ file: string; dataUrl: string }>> {
    const fail = (message: string) => ({ saved: false as const, problems: [{ path: 'logo', message }] });
    if (base64.length > Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4)
      return fail(`is too large: at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    const picked = sniff(bytes);
    if (!picked) return fail('must be a PNG or JPEG image');
    // Checked, and scaled down once here if it is big: decks and summaries then embed it small.
    const kept = await scaleLogoOnce({ bytes, mime: picked });
    if (!kept.ok) return fail(kept.message);
    const mime = kept.logo.mime;
    const file = LOGO_FILES[mime];
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(join(this.folder, file), kept.logo.bytes);
    // One logo at a time: the other format's file would only confuse a backup.
    const other = mime === 'image/png' ? LOGO_FILES['image/jpeg'] : LOGO_FILES['image/png'];
    await rm(join(this.folder, other), { force: true });
    return { saved: true, value: { file, dataUrl: logoDataUrl(kept.logo) } };
  }
}
