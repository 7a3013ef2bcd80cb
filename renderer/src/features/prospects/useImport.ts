// Import intake files (picker or drop): each is read as text here and checked by the app layer
// with the same schema as the CLI; good ones land, bad ones are listed by field.
import { useState } from 'react';
import type { ImportOutcome } from '../../../../core/api';
import { useApp } from '../../store';

/** Larger files are refused before reading: an intake is a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;

export function useImport() {
  const api = useApp((s) => s.api);
  const t = useApp((s) => s.t);
  const notify = useApp((s) => s.notify);
  const upsert = useApp((s) => s.upsertProspect);
  const [failed, setFailed] = useState<Extract<ImportOutcome, { ok: false }>[]>([]);

  async function importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const tooBig: Extract<ImportOutcome, { ok: false }>[] = [];
    const payload: { name: string; text: string }[] = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) tooBig.push({ name: file.name, ok: false, problems: [{ path: '(file)', message: 'is too large: at most 1024 KB' }] });
      else payload.push({ name: file.name.slice(0, 300), text: await file.text() });
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
    notify(t('importDone', { ok: outcomes.filter((o) => o.ok).length, bad: bad.length }));
  }

  return { importFiles, failed, clearFailed: () => setFailed([]) };
}
