import { useApp } from '../../store';
import type { useImport } from './useImport';

/** The files that did not import, each problem with its field, until the advisor closes it. */
export function ImportProblems({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  if (importer.failed.length === 0) return null;
  return (
    <section className="notice notice-error" aria-labelledby="import-problems-title">
      <div className="notice-head">
        <h3 id="import-problems-title">{t('importProblems')}</h3>
        <button type="button" className="button" onClick={importer.clearFailed}>
          {t('close')}
        </button>
      </div>
      {importer.failed.map((f, i) => (
        <div key={`${f.name}-${i}`}>
          <h4 dir="auto">{f.name}</h4>
          <ul>
            {f.problems.map((p, j) => (
              <li key={j}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Prospects a returned intake form updated, with the fields it changed, until the advisor closes it. */
export function ImportUpdates({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  if (importer.updated.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="import-updates-title">
      <div className="notice-head">
        <h3 id="import-updates-title">{t('importUpdatedTitle')}</h3>
        <button type="button" className="button" onClick={importer.clearUpdated}>
          {t('close')}
        </button>
      </div>
      <ul>
        {importer.updated.map((u, i) => (
          <li key={`${u.prospect.id}-${i}`} dir="auto">
            {t('importUpdated', { name: `${u.prospect.firstName} ${u.prospect.lastName}`, fields: u.changed?.length ? u.changed.join(', ') : t('importUpdatedNothing') })}
          </li>
        ))}
      </ul>
    </section>
  );
}
