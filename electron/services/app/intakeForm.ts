// The app's side of the intake form: `Send intake form` writes the form and its email draft into
// the prospect's folder; `Import intake` reads a returned form and updates the prospect it was
// made for (its hidden id), or creates a prospect.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportOutcome, IntakeFormFile, IntakeFormOutcome } from '../../../core/api';
import { knownFromDraft, mergeFormIntake, type KnownIntake } from '../../../core/intakeForm';
import type { AdvisorProfileStore } from '../advisorProfile';
import { writeFilesAllOrNothing } from '../outputs';
import type { ProspectStore } from '../prospects/store';
import type { RecordKeeper } from '../records';

export interface IntakeFormDeps {
  prospects: ProspectStore;
  advisor: AdvisorProfileStore;
  templatesDir: string;
  now: () => number;
  /** Books and records: the form and its email are recorded (earlier ones kept) when given. */
  records?: RecordKeeper;
}

/** Writes prospects/<id>/intake-form.pdf and intake-form.eml, both or neither. */
export async function sendIntakeForm(deps: IntakeFormDeps, id: string): Promise<IntakeFormOutcome> {
  const detail = deps.prospects.get(id);
  const profile = await deps.advisor.advisor();
  if (!profile.ok) return { made: false, reason: 'no-advisor', problems: profile.problems };
  // A prospect still in draft: the form says what of the draft is already valid (names, meeting).
  const known: KnownIntake = deps.prospects.intake(id) ?? knownFromDraft(detail.draft ?? {});
  const { renderIntakeFormFiles } = await import('../intakeForm');
  const files = await renderIntakeFormFiles({ known, advisor: profile.value, ...(profile.logo ? { logo: profile.logo } : {}), prospectId: id, templatesDir: deps.templatesDir, now: new Date(deps.now()) });
  const folder = deps.prospects.prospectDir(id);
  const written = deps.records ? await deps.records.write({ event: 'intake form sent', prospect: id, advisor: profile.value, folder, files }) : await writeFilesAllOrNothing(folder, files);
  await deps.prospects.note(id, 'intake form made');
  return { made: true, folder, files: written };
}

const MIME: Record<IntakeFormFile, string> = { 'intake-form.pdf': 'application/pdf', 'intake-form.eml': 'message/rfc822' };

export async function intakeFormFile(deps: Pick<IntakeFormDeps, 'prospects'>, id: string, name: IntakeFormFile): Promise<{ name: string; mime: string; base64: string }> {
  deps.prospects.get(id);
  const bytes = await readFile(join(deps.prospects.prospectDir(id), name)).catch(() => {
    throw new Error('The intake form has not been made yet: use Send intake form first.');
  });
  return { name, mime: MIME[name], base64: bytes.toString('base64') };
}

/** A returned intake form: updates the prospect whose id it carries, or creates one. */
export async function importIntakeForm(deps: Pick<IntakeFormDeps, 'prospects'>, name: string, bytes: Uint8Array): Promise<ImportOutcome> {
  const { readIntakeForm } = await import('../intakeForm/read');
  const read = await readIntakeForm(bytes);
  if (!read.ok) return { name, ok: false, problems: read.problems };
  const { intake, prospectId } = read.value;
  const known = prospectId !== undefined && deps.prospects.list().some((p) => p.id === prospectId) ? prospectId : undefined;
  if (known === undefined) {
    const created = await deps.prospects.importIntake(JSON.stringify(intake));
    return created.saved ? { name, ok: true, prospect: created.value } : { name, ok: false, problems: created.problems };
  }
  const previous = deps.prospects.intake(known);
  const { merged, changed } = previous ? mergeFormIntake(previous, intake) : { merged: intake, changed: ['(all)'] };
  const saved = await deps.prospects.save(known, JSON.parse(JSON.stringify(merged)) as Record<string, unknown>);
  return saved.saved ? { name, ok: true, prospect: saved.value, updated: true, changed } : { name, ok: false, problems: saved.problems };
}
