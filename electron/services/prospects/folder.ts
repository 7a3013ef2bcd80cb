// One prospect's folder on disk (prospects/<id>/): read on open, with a damaged file set aside
// and reported rather than fatal, and made all or nothing on the prospect's first save.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkIntake } from '../../../core/intake/intake';
import { newProspectRecord, prospectRecordSchema, type ProspectRecord } from '../../../core/prospect/record';
import type { DataProblem } from '../../../core/api';
import { DRAFT_FILE, INTAKE_FILE, PROSPECT_FILE } from '../../../core/dataFolder';
import { writeFileAtomic } from '../files';
import { setAsideFile } from '../setAside';
import { isObject, MAX_INTAKE_JSON } from './intakeText';

/** What a prospect's folder holds. */
export interface ProspectFiles {
  record: ProspectRecord;
  /** Parsed intake.json, as on disk. */
  intake: Record<string, unknown> | null;
  draft: Record<string, unknown> | null;
}

/**
 * Reads a prospect's folder; undefined when nothing of a prospect is left in it. A damaged file
 * is set aside and reported in `problems`; a hand-edited intake that fails its check is kept
 * as the draft; a record lost to damage or a crash is made anew.
 */
export async function readProspectFolder(
  dir: string,
  id: string,
  now: () => number,
  problems: DataProblem[],
): Promise<ProspectFiles | undefined> {
  const setAside = async (file: string, why: string): Promise<void> => {
    try {
      const aside = await setAsideFile(join(dir, file), now());
      problems.push({ file: join(dir, file), message: `${why}; kept as ${aside}` });
    } catch (error) {
      problems.push({ file: join(dir, file), message: `${why}; could not be set aside (${(error as Error).message})` });
    }
  };
  /** undefined when the file is absent; a damaged file is set aside and reported. */
  const readJson = async (file: string): Promise<unknown> => {
    let text: string;
    try {
      const info = await stat(join(dir, file));
      if (info.size > MAX_INTAKE_JSON) {
        await setAside(file, 'is too large');
        return undefined;
      }
      text = await readFile(join(dir, file), 'utf8');
    } catch {
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch {
      await setAside(file, 'is not valid JSON');
      return undefined;
    }
  };
  const [recordRead, intakeRead, draftRead] = await Promise.all([
    readJson(PROSPECT_FILE),
    readJson(INTAKE_FILE),
    readJson(DRAFT_FILE),
  ]);
  let record: ProspectRecord | undefined;
  if (recordRead !== undefined) {
    const checked = prospectRecordSchema.safeParse(recordRead);
    if (checked.success && checked.data.id === id) record = checked.data;
    else await setAside(PROSPECT_FILE, 'is not a valid prospect record');
  }
  let intake = isObject(intakeRead) ? intakeRead : null;
  let draft = isObject(draftRead) ? draftRead : null;
  if (intake && !checkIntake(intake).ok) {
    // Edited by hand into something the app cannot build from: the advisor fixes it in the form.
    await setAside(INTAKE_FILE, 'does not pass the intake check; its content is kept as a draft');
    draft ??= intake;
    intake = null;
  }
  if (!intake && !draft && !record) return undefined;
  // A record lost to damage or a crash before its first write is made anew, not dropped.
  record ??= newProspectRecord(id, new Date(now()).toISOString());
  return { record, intake, draft };
}

/**
 * A new prospect's folder, all or nothing: its first files are written into a temporary folder
 * beside the others (named like a temporary file, so the list never reads it and the next start
 * removes it if this process dies: orphanTemps.ts), which is then renamed into place. A failed
 * first save leaves no folder with a record and nothing else.
 */
export async function createProspectFolder(
  prospectsDir: string,
  id: string,
  files: readonly { file: string; text: string }[],
): Promise<void> {
  const staging = join(prospectsDir, `.${id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(staging);
    for (const { file, text } of files) await writeFileAtomic(join(staging, file), text);
    await rename(staging, join(prospectsDir, id)).catch(async (error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      // A folder this store did not list (only files set aside in it): the files go into it.
      for (const { file } of files) await rename(join(staging, file), join(prospectsDir, id, file));
      await rm(staging, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
