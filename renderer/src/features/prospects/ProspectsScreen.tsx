// Prospects: every prospect, soonest meeting first, searchable as you type. Virtualised: only
// the rows in view are in the page, so 5,000 prospects scroll and filter smoothly.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { matchesWords, searchKey, searchWords, type ProspectSummary } from '../../../../core/prospect/prospect';
import { useApp } from '../../store';
import { formatInstant, formatLocalDateTime } from './format';
import { ImportPendingChanges, ImportProblems, ImportUnmatched, ImportUpdates } from './ImportProblems';
import type { useImport } from './useImport';
import './prospects.css';

const ROW_HEIGHT = 76;

export function ProspectsScreen({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const prospects = useApp((s) => s.prospects);
  const loaded = useApp((s) => s.prospectsLoaded);
  const dataProblems = useApp((s) => s.dataProblems);
  const navigate = useApp((s) => s.navigate);
  const profileReady = useApp((s) => s.profileReady);
  const [query, setQuery] = useState('');
  // Typing stays instant; the filter of thousands of rows follows a moment later if it must.
  const deferredQuery = useDeferredValue(query);
  // Search keys are made just after the list first shows, so neither the first paint nor the
  // first keystroke waits for them.
  const [keysFor, setKeysFor] = useState<readonly ProspectSummary[] | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setKeysFor(prospects), 0);
    return () => clearTimeout(timer);
  }, [prospects]);
  const keys = useMemo(() => (keysFor ? keysFor.map(searchKey) : null), [keysFor]);
  const shown = useMemo(() => {
    const words = searchWords(deferredQuery);
    if (words.length === 0) return prospects;
    const list = keysFor && keys ? keysFor : prospects;
    const folded = keysFor && keys ? keys : prospects.map(searchKey);
    return list.filter((_, i) => matchesWords(folded[i] ?? '', words));
  }, [keysFor, keys, prospects, deferredQuery]);
  const fileInput = useRef<HTMLInputElement>(null);
  const locale = language === 'fr' ? 'fr-CA' : 'en-US';

  const actions = (
    <div className="actions">
      <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'intake' })}>
        {t('newProspect')}
      </button>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        {t('importIntake')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json,.pdf,application/pdf"
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          void importer.importFiles(files);
        }}
      />
    </div>
  );

  return (
    <section className="screen" aria-labelledby="prospects-title">
      <div className="screen-head">
        <h2 id="prospects-title">{t('prospects')}</h2>
        {actions}
      </div>
      {dataProblems.length > 0 && (
        <details className="notice">
          <summary>{t('damagedFiles', { n: dataProblems.length })}</summary>
          <ul>
            {dataProblems.map((p) => (
              <li key={p.file}>
                <code>{p.file}</code>: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {profileReady === false && (
        <div className="notice setup-profile" role="region" aria-labelledby="setup-profile-title">
          <h3 id="setup-profile-title">{t('setUpProfileTitle')}</h3>
          <p>{t('setUpProfileBody')}</p>
          <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'settings' })}>
            {t('setUpProfile')}
          </button>
        </div>
      )}
      <ImportProblems importer={importer} />
      <ImportUpdates importer={importer} />
      <ImportPendingChanges importer={importer} />
      <ImportUnmatched importer={importer} />
      {!loaded ? null : prospects.length === 0 ? (
        <div className="empty-state">
          <h3>{t('noProspects')}</h3>
          <p>{t('noProspectsBody')}</p>
        </div>
      ) : (
        <>
          <div className="search">
            <label htmlFor="prospect-search">{t('searchProspects')}</label>
            <input
              id="prospect-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              autoComplete="off"
            />
          </div>
          <p className="count" aria-live="polite">
            {deferredQuery.trim() && shown.length === 0
              ? t('noMatch', { q: deferredQuery })
              : shown.length === 1
                ? t('prospectCountOne')
                : t('prospectCount', { n: shown.length })}
          </p>
          <ProspectList prospects={shown} locale={locale} />
        </>
      )}
    </section>
  );
}

function ProspectList({ prospects, locale }: { prospects: readonly ProspectSummary[]; locale: string }) {
  const t = useApp((s) => s.t);
  const navigate = useApp((s) => s.navigate);
  const scroller = useRef<HTMLDivElement>(null);
  // initialRect: the first rows render in the first pass, before the scroller is measured.
  const virtualizer = useVirtualizer({
    count: prospects.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: 700 },
  });
  return (
    <div className="prospect-scroller" ref={scroller}>
      <div
        role="list"
        aria-label={t('prospects')}
        className="prospect-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const p = prospects[item.index];
          if (!p) return null;
          const name = `${p.firstName} ${p.lastName}`.trim() || t('unnamed');
          return (
            <div
              role="listitem"
              key={p.id}
              className="prospect-row"
              aria-setsize={prospects.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <button type="button" className="prospect-open" onClick={() => navigate({ screen: 'intake', id: p.id })}>
                <span className="prospect-name" dir="auto">
                  {name}
                </span>
                <span className="prospect-meeting">
                  {p.meetingStartsAt ? formatLocalDateTime(p.meetingStartsAt, locale) : t('noMeeting')}
                </span>
              </button>
              <span className={`status status-${p.status}`}>{t(`status_${p.status}`)}</span>
              <span className="prospect-followup">
                {p.nextFollowUpAt
                  ? t('followUpLine', { when: formatInstant(p.nextFollowUpAt, locale, p.timeZone) })
                  : ''}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
