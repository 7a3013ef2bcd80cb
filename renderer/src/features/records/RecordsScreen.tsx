// Records (from Settings): the books and records of what was shown to prospects and sent to
// them, entry by entry (records/log.jsonl), with each file and a short hash of it. `Verify
// records` checks the chain and every file and says what `npm run cli -- records verify` says;
// `Export records` downloads the zip for a compliance officer (in Electron, a save dialog).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordListItem, RecordsVerifyOutcome } from '../../../../core/api';
import type { RecordEvent } from '../../../../core/records/recordLog';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { download } from '../../ui/download';
import { TextField } from '../../ui/Field';
import { LinkButton } from '../../ui/LinkButton';
import './records.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; entries: RecordListItem[]; total: number; problems: string[] };

const EVENT_NAMES: Record<RecordEvent, MessageKey> = {
  'summary and follow-up created': 'recEventWrapUp',
  'intake form sent': 'recEventIntakeForm',
  'meeting rebuilt': 'recEventRebuilt',
};

/** Entries shown at first, and added by each `Show older records`: a long log stays quick to open. */
const PAGE = 500;

const shortHash = (sha256: string) => sha256.slice(0, 12);
const fileName = (path: string) => path.split('/').pop() ?? path;

export function RecordsScreen() {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const prospects = useApp((s) => s.prospects);
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [verified, setVerified] = useState<RecordsVerifyOutcome | null>(null);
  const [busy, setBusy] = useState<'verify' | 'export' | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const [limit, setLimit] = useState(PAGE);
  // After `Show older records`: the first entry it added takes the focus (the button may be gone).
  const list = useRef<HTMLOListElement>(null);
  const focusEntry = useRef<number | null>(null);

  const load = useCallback(async () => {
    const result = await api['records:list']({ limit });
    setState(result.ok ? { kind: 'ready', ...result.value } : { kind: 'error', error: result.error });
  }, [api, limit]);

  useEffect(() => {
    if (state.kind !== 'ready' || focusEntry.current === null) return;
    list.current?.querySelectorAll<HTMLElement>(':scope > li')[focusEntry.current]?.focus();
    focusEntry.current = null;
  }, [state]);

  const showOlder = () => {
    if (state.kind !== 'ready') return;
    focusEntry.current = state.entries.length;
    setLimit(state.entries.length + PAGE);
  };

  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setBusy('verify');
    try {
      const result = await api['records:verify']();
      if (!result.ok) return notify(t('error', { e: result.error }));
      setVerified(result.value);
    } finally {
      setBusy(null);
    }
  };

  const exportZip = async () => {
    if (from && to && from > to) return notify(t('recPeriodInvalid'));
    setBusy('export');
    try {
      const result = await api['records:export']({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
      if (!result.ok) return notify(t('error', { e: result.error }));
      if (!result.value.exported) {
        // Nothing exported: what verify found is shown, as Verify records would.
        const { exported: _exported, ...outcome } = result.value;
        void _exported;
        setVerified(outcome);
        return notify(t('recExportRefused'));
      }
      download(result.value.name, result.value.mime, result.value.base64);
      notify(t('recExported', { records: result.value.records, files: result.value.files }));
    } finally {
      setBusy(null);
    }
  };

  const names = new Map(prospects.map((p) => [p.id, `${p.firstName} ${p.lastName}`.trim()]));
  const nameOf = (id: string) => names.get(id) || undefined;
  const when = (at: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

  return (
    <section className="screen records" aria-labelledby="records-title">
      <div className="screen-head">
        <h2 id="records-title">{t('recTitle')}</h2>
        <LinkButton to="settings" quiet>
          {t('recBack')}
        </LinkButton>
      </div>
      <p className="muted">{t('recIntro')}</p>
      <div className="card records-actions">
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void verify()}
            aria-disabled={busy !== null}
          >
            {t('recVerify')}
          </button>
        </div>
        <div className="records-export">
          <TextField label={t('recFrom')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextField label={t('recTo')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <button type="button" className="button" onClick={() => void exportZip()} aria-disabled={busy !== null}>
            {t('recExport')}
          </button>
        </div>
        <div role="status" className="records-verify">
          {busy === 'verify' && <p className="muted">{t('recVerifying')}</p>}
          {busy !== 'verify' && verified && (
            <div className={`notice ${verified.intact ? 'notice-ok' : 'notice-error'}`}>
              <p className="records-summary">{verified.summary}</p>
              {verified.problems.length > 0 && (
                <ul className="records-problems">
                  {verified.problems.map((line) => (
                    <li key={line}>
                      <code>{line}</code>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
      {state.kind === 'loading' && <p className="muted">…</p>}
      {state.kind === 'error' && <p className="notice notice-error">{t('error', { e: state.error })}</p>}
      {state.kind === 'ready' && (
        <>
          <h3>
            {state.total === state.entries.length
              ? t('recCount', { n: state.total })
              : t('recCountLatest', { n: state.entries.length, total: state.total })}
          </h3>
          {state.total === 0 && <p className="muted">{t('recNone')}</p>}
          <ol ref={list} className="records-list" aria-label={t('recTitle')}>
            {state.entries.map((entry) => (
              <li key={entry.line} className="card records-entry" tabIndex={-1}>
                <p className="records-entry-head">
                  <time dateTime={entry.at}>{when(entry.at)}</time>
                  <span>
                    {nameOf(entry.prospect) ? `${nameOf(entry.prospect)} (${entry.prospect})` : entry.prospect}
                  </span>
                  <strong>{t(EVENT_NAMES[entry.event])}</strong>
                  <span className="muted small">
                    {t('recEntryHash')} <code>{shortHash(entry.hash)}</code>
                  </span>
                </p>
                <ul className="records-files">
                  {entry.files.map((f) => (
                    <li key={f.path} title={f.path}>
                      <span>{fileName(f.path)}</span>{' '}
                      <span className="muted small">
                        {t('recSize', { kb: Math.max(1, Math.round(f.size / 1024)) })}
                      </span>{' '}
                      <code>{shortHash(f.sha256)}</code>
                    </li>
                  ))}
                  {entry.kept.map((f) => (
                    <li key={f.path} title={f.path} className="records-kept">
                      <span>{t('recKept', { name: fileName(f.path) })}</span> <code>{shortHash(f.sha256)}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {state.total > state.entries.length && (
            <div className="actions">
              <button type="button" className="button" onClick={showOlder}>
                {t('recShowOlder', { n: Math.min(PAGE, state.total - state.entries.length) })}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
