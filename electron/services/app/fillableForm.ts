// The app's side of the intake form: `Send intake form` writes the form and its email draft into
// the prospect's folder, with the prospect's form secret hidden in it; `Import intake` reads a
// returned form: one carrying a prospect's id AND secret shows what it would change and waits
// for `Apply changes`; any other creates a new prospect (never touching another).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApplyFormOutcome, ImportOutcome, IntakeFormFile, IntakeFormOutcome } from '../../../core/api';
import { formChanges, mergeFormIntake } from '../../../core/intake/fillableFormChanges';
import { knownFromDraft, type KnownIntake } from '../../../core/intake/fillableFormKnown';
import type { AdvisorProfileStore } from '../advisorProfile';
import type { PendingForms } from '../fillableForm/pending';
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
  // One secret per prospect (128 bits), kept before any form carries it: every form sent to them
  // matches, and a form made from their email alone does not.
  let formSecret = deps.prospects.formSecret(id);
  if (formSecret === undefined) {
    formSecret = randomBytes(16).toString('base64url');
    await deps.prospects.setFormSecret(id, formSecret);
  }
  const { renderIntakeFormFiles } = await import('../fillableForm');
  const files = await renderIntakeFormFiles({
    known,
    advisor: profile.value,
    ...(profile.logo ? { logo: profile.logo } : {}),
    prospectId: id,
    formSecret,
    templatesDir: deps.templatesDir,
    now: new Date(deps.now()),
  });
  const folder = deps.prospects.prospectDir(id);
  const written = deps.records
    ? await deps.records.write({ event: 'intake form sent', prospect: id, advisor: profile.value, folder, files })
    : await writeFilesAllOrNothing(folder, files);
  await deps.prospects.note(id, 'intake form made');
  return { made: true, folder, files: written };
}

const MIME: Record<IntakeFormFile, string> = {
  'intake-form.pdf': 'application/pdf',
  'intake-form.eml': 'message/rfc822',
};

export async function intakeFormFile(
  deps: Pick<IntakeFormDeps, 'prospects'>,
  id: string,
  name: IntakeFormFile,
): Promise<{ name: string; mime: string; base64: string }> {
  deps.prospects.get(id);
  const bytes = await readFile(join(deps.prospects.prospectDir(id), name)).catch(() => {
    throw new Error('The intake form has not been made yet: use Send intake form first.');
  });
  return { name, mime: MIME[name], base64: bytes.toString('base64') };
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The prospect a returned form may change: its id names one here AND its secret is theirs. */
function formOwner(
  prospects: ProspectStore,
  prospectId: string | undefined,
  secret: string | undefined,
): string | undefined {
  if (prospectId === undefined || secret === undefined || !prospects.list().some((p) => p.id === prospectId))
    return undefined;
  const kept = prospects.formSecret(prospectId);
  return kept !== undefined && sameSecret(kept, secret) ? prospectId : undefined;
}

/**
 * A returned intake form. Its prospect's own form (id and secret) changes nothing yet: what it
 * would change is held (PendingForms) for `Apply changes`. Any other form creates a prospect.
 */
export async function importIntakeForm(
  deps: Pick<IntakeFormDeps, 'prospects'> & { pending: PendingForms },
  name: string,
  bytes: Uint8Array,
): Promise<ImportOutcome> {
  const { readIntakeForm } = await import('../fillableForm/read');
  const read = await readIntakeForm(bytes);
  if (!read.ok) return { name, ok: false, problems: read.problems };
  const { intake, prospectId, secret } = read.value;
  const owner = formOwner(deps.prospects, prospectId, secret);
  if (owner === undefined) {
    const created = await deps.prospects.importIntake(JSON.stringify(intake));
    if (!created.saved) return { name, ok: false, problems: created.problems };
    return { name, ok: true, prospect: created.value, ...(prospectId !== undefined ? { unmatched: true } : {}) };
  }
  const previous = deps.prospects.intake(owner);
  const { merged, changed } = previous
    ? mergeFormIntake(previous, intake)
    : { merged: intake, changed: Object.keys(intake) };
  const prospect = deps.prospects.list().find((p) => p.id === owner);
  if (!prospect)
    return { name, ok: false, problems: [{ path: '(file)', message: 'its prospect was deleted meanwhile' }] };
  if (changed.length === 0) return { name, ok: true, prospect, updated: true, changed };
  const id = deps.pending.hold({
    prospectId: owner,
    basedOn: previous ? JSON.stringify(previous) : null,
    merged,
    changed,
  });
  return { name, ok: true, prospect, pending: { id, changes: formChanges(previous, merged, changed) } };
}

/** `Apply changes` (apply) or `Keep as it is` for a returned form's pending change. */
export async function applyIntakeForm(
  deps: Pick<IntakeFormDeps, 'prospects'> & { pending: PendingForms },
  id: string,
  apply: boolean,
): Promise<ApplyFormOutcome> {
  const change = deps.pending.take(id);
  if (!change) return { applied: false, reason: 'unknown' };
  const prospect = deps.prospects.list().find((p) => p.id === change.prospectId);
  if (!apply) return { applied: false, reason: 'kept', ...(prospect ? { prospect } : {}) };
  if (!prospect) return { applied: false, reason: 'unknown' };
  // Saved in another window since the import: the change shown is no longer what would happen.
  const now = deps.prospects.intake(change.prospectId);
  if ((now ? JSON.stringify(now) : null) !== change.basedOn) return { applied: false, reason: 'changed', prospect };
  const saved = await deps.prospects.save(
    change.prospectId,
    JSON.parse(JSON.stringify(change.merged)) as Record<string, unknown>,
  );
  if (!saved.saved) return { applied: false, reason: 'invalid', problems: saved.problems };
  await deps.prospects.note(change.prospectId, 'intake form applied');
  return { applied: true, prospect: saved.value, changed: change.changed };
}
