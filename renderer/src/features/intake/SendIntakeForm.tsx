// `Send intake form`: the app writes the form (intake-form.pdf) and an email draft with it
// attached (intake-form.eml) into the prospect's folder. The desktop app opens the draft in the
// mail app; a browser tab cannot reach the system, so it downloads the files instead.
import { useState } from 'react';
import type { IntakeFormFile } from '../../../../core/api';
import { useApp } from '../../store';
import { download } from '../../ui/download';

export function SendIntakeForm({ id }: { id: string }) {
  const api = useApp((s) => s.api);
  const t = useApp((s) => s.t);
  const notify = useApp((s) => s.notify);
  const [folder, setFolder] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    setBusy(true);
    try {
      const result = await api['prospects:intakeForm']({ id });
      if (!result.ok) return notify(t('error', { e: result.error }));
      if (!result.value.made) return notify(t('noAdvisor'));
      setFolder(result.value.folder);
    } finally {
      setBusy(false);
    }
  };

  const save = async (name: IntakeFormFile) => {
    const file = await api['prospects:intakeFormFile']({ id, name });
    if (!file.ok) return notify(t('error', { e: file.error }));
    download(file.value.name, file.value.mime, file.value.base64);
    if (name === 'intake-form.eml') notify(t('intakeFormEmailDownloaded', { name }));
  };

  const openEmail = async () => {
    const opened = await api['prospects:intakeFormOpen']({ id, name: 'intake-form.eml' });
    if (!opened.ok) return notify(t('error', { e: opened.error }));
    if (!opened.value.opened) await save('intake-form.eml');
  };

  return (
    <div className="send-intake-form">
      <button type="button" className="button" disabled={busy} aria-busy={busy} onClick={() => void make()}>
        {t('sendIntakeForm')}
      </button>
      {folder && (
        <div className="notice" role="status">
          <p dir="auto">{t('intakeFormMade', { folder })}</p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => void openEmail()}>
              {t('intakeFormOpenEmail')}
            </button>
            <button type="button" className="button" onClick={() => void save('intake-form.pdf')}>
              {t('intakeFormDownload')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
