// What the last import did, above the Prospects list: the files that failed, the prospects a
// returned form updated or would change, the forms that matched no prospect.
import type { ReactNode } from 'react';
import { useApp } from '../../store';
import type { useImport } from './useImport';

/** A notice about the last import, with its heading and Close. */
function ClosableNotice({
  id,
  className,
  title,
  onClose,
  children,
}: {
  id: string;
  className: string;
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const t = useApp((s) => s.t);
  return (
    <section className={className} aria-labelledby={id}>
      <div className="notice-head">
        <h3 id={id}>{title}</h3>
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {children}
    </section>
  );
}

/** One line a prospect the import touched, in the words `line` gives it. */
function ProspectLines<T extends { prospect: { id: string } }>({
  items,
  line,
}: {
  items: readonly T[];
  line(item: T): string;
}) {
  return (
    <ul>
      {items.map((u, i) => (
        <li key={`${u.prospect.id}-${i}`} dir="auto">
          {line(u)}
        </li>
      ))}
    </ul>
  );
}

/** The files that did not import, each problem with its field, until the advisor closes it. */
export function ImportProblems({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  if (importer.failed.length === 0) return null;
  return (
    <ClosableNotice
      id="import-problems-title"
      className="notice notice-error"
      title={t('importProblems')}
      onClose={importer.clearFailed}
    >
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
    </ClosableNotice>
  );
}

/** Prospects a returned intake form updated, with the fields it changed, until the advisor closes it. */
export function ImportUpdates({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  if (importer.updated.length === 0) return null;
  return (
    <ClosableNotice
      id="import-updates-title"
      className="notice"
      title={t('importUpdatedTitle')}
      onClose={importer.clearUpdated}
    >
      <ProspectLines
        items={importer.updated}
        line={(u) =>
          t('importUpdated', {
            name: `${u.prospect.firstName} ${u.prospect.lastName}`,
            fields: u.changed?.length ? u.changed.join(', ') : t('importUpdatedNothing'),
          })
        }
      />
    </ClosableNotice>
  );
}

/**
 * Returned forms of prospects here: what each would change (old → new, contact details first),
 * with `Apply changes` and `Keep as it is`. Nothing changes before `Apply changes`.
 */
export function ImportPendingChanges({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  if (importer.pending.length === 0) return null;
  return (
    <>
      {importer.pending.map((item) => {
        const titleId = `import-pending-${item.pending.id}`;
        const empty = (v: string) => (v === '' ? <em>{t('importValueEmpty')}</em> : v);
        return (
          <section key={item.pending.id} className="notice" aria-labelledby={titleId}>
            <div className="notice-head">
              <h3 id={titleId} dir="auto">
                {t('importPendingTitle', { name: `${item.prospect.firstName} ${item.prospect.lastName}` })}
              </h3>
            </div>
            <p dir="auto">{t('importPendingFile', { file: item.name })}</p>
            <table className="import-changes">
              <thead>
                <tr>
                  <th scope="col">{t('importPendingField')}</th>
                  <th scope="col">{t('importPendingBefore')}</th>
                  <th scope="col">{t('importPendingAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {item.pending.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">
                      <code>{c.field}</code>
                    </th>
                    <td dir="auto">{empty(c.before)}</td>
                    <td dir="auto">{empty(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="notice-actions">
              <button type="button" className="button primary" onClick={() => void importer.answer(item, true)}>
                {t('applyChanges')}
              </button>
              <button type="button" className="button" onClick={() => void importer.answer(item, false)}>
                {t('keepAsItIs')}
              </button>
            </div>
          </section>
        );
      })}
    </>
  );
}

/** Returned forms that matched no prospect here (id and secret), each imported as a new prospect. */
export function ImportUnmatched({ importer }: { importer: ReturnType<typeof useImport> }) {
  const t = useApp((s) => s.t);
  if (importer.unmatched.length === 0) return null;
  return (
    <ClosableNotice
      id="import-unmatched-title"
      className="notice"
      title={t('importUnmatchedTitle')}
      onClose={importer.clearUnmatched}
    >
      <ProspectLines
        items={importer.unmatched}
        line={(u) => t('importUnmatched', { file: u.name, name: `${u.prospect.firstName} ${u.prospect.lastName}` })}
      />
    </ClosableNotice>
  );
}
