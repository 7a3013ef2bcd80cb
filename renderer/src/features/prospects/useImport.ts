// Import intake files (picker or drop): JSON is read as text here, a returned intake form PDF as
// bytes; the app layer checks both with the same schema as the CLI; good ones land (a form for a
// prospect already here updates it, and what changed is shown), bad ones are listed by field.
import { useState } from 'react';
import type { ImportOutcome } from '../../../../core/api';
import { useApp } from '../../store';

/** Larger files are refused before reading: an intake is a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;
/** A returned form is about 40 KB; a reader that adds its fonts makes it a few MB at most. */
const MAX_PDF_BYTES = 10 * 1024 * 1024;

const isPdf = (file: File) => file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type ImportUpdate = Extract<ImportOutcome, { ok: true }> & { updated: true };
/** A returned form of a prospect here: nothing changed yet, waiting for `Apply changes` or `Keep as it is`. */
export type ImportPending = Extract<ImportOutcome, { ok: true }> & {
  pending: NonNullable<Extract<ImportOutcome, { ok: true }>['pending']>;
};
export type ImportUnmatched = Extract<ImportOutcome, { ok: true }> & { unmatched: true };

export function useImport() {
  const api = useApp((s) => s.api);
  const t = useApp((s) => s.t);
  const notify = useApp((s) => s.notify);
  const upsert = useApp((s) => s.upsertProspect);
  const [failed, setFailed] = useState<Extract<ImportOutcome, { ok: false }>[]>([]);
  const [updated, setUpdated] = useState<ImportUpdate[]>([]);
  const [pending, setPending] = useState<ImportPending[]>([]);
  const [unmatched, setUnmatched] = useState<ImportUnmatched[]>([]);

  async function importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const tooBig: Extract<ImportOutcome, { ok: false }>[] = [];
    const payload: ({ name: string; text: string } | { name: string; bytes: string })[] = [];
    for (const file of files) {
      const name = file.name.slice(0, 300);
      if (isPdf(file)) {
        if (file.size > MAX_PDF_BYTES)
          tooBig.push({
            name: file.name,
            ok: false,
            problems: [{ path: '(file)', message: 'is too large: at most 10 MB' }],
          });
        else payload.push({ name, bytes: base64(new Uint8Array(await file.arrayBuffer())) });
      } else if (file.size > MAX_FILE_BYTES)
        tooBig.push({
          name: file.name,
          ok: false,
          problems: [{ path: '(file)', message: 'is too large: at most 1024 KB' }],
        });
      else payload.push({ name, text: await file.text() });
    }
    let outcomes: ImportOutcome[] = [];
    if (payload.length) {
      const result = await api['prospects:import']({ files: payload });
      if (!result.ok) {
        notify(t('error', { e: result.error }));
        return;
      }
      outcomes = result.value;
    }
    for (const o of outcomes) if (o.ok) upsert(o.prospect);
    const bad = [...tooBig, ...outcomes.filter((o): o is Extract<ImportOutcome, { ok: false }> => !o.ok)];
    setFailed(bad);
    setUpdated(outcomes.filter((o): o is ImportUpdate => o.ok && o.updated === true));
    // Forms still waiting from an earlier import stay until they are answered.
    setPending((was) => [...was, ...outcomes.filter((o): o is ImportPending => o.ok && o.pending !== undefined)]);
    setUnmatched(outcomes.filter((o): o is ImportUnmatched => o.ok && o.unmatched === true));
    notify(t('importDone', { ok: outcomes.filter((o) => o.ok).length, bad: bad.length }));
  }

  /** `Apply changes` (apply) or `Keep as it is`: the app layer holds the change until then. */
  async function answer(item: ImportPending, apply: boolean): Promise<void> {
    const name = `${item.prospect.firstName} ${item.prospect.lastName}`;
    const result = await api['prospects:applyForm']({ id: item.pending.id, apply });
    setPending((was) => was.filter((p) => p.pending.id !== item.pending.id));
    if (!result.ok) {
      notify(t('error', { e: result.error }));
      return;
    }
    const outcome = result.value;
    if (outcome.applied) {
      upsert(outcome.prospect);
      notify(t('importApplied', { name }));
    } else if (outcome.reason === 'kept') notify(t('importKept', { name }));
    else if (outcome.reason === 'changed') notify(t('importPendingStale', { name }));
    else if (outcome.reason === 'unknown') notify(t('importPendingGone'));
    else if ('problems' in outcome)
      setFailed((was) => [...was, { name: item.name, ok: false, problems: outcome.problems }]);
  }

  return {
    importFiles,
    failed,
    clearFailed: () => setFailed([]),
    updated,
    clearUpdated: () => setUpdated([]),
    pending,
    answer,
    unmatched,
    clearUnmatched: () => setUnmatched([]),
  };
}
