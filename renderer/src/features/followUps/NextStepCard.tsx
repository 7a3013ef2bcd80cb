// After Done: where does the prospect go next? Client, Closed, or still a prospect. Props only.
import type { StoredStatus } from '../../../../core/prospect/prospect';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';

export function NextStepCard({
  name,
  onStage,
}: {
  name: string;
  /** The stage chosen, and the notice that says so. */
  onStage(status: StoredStatus, message: MessageKey): void;
}) {
  const t = useApp((s) => s.t);
  return (
    <section className="card fu-next" aria-labelledby="fu-next-title">
      <h3 id="fu-next-title" tabIndex={-1} dir="auto">
        {t('fuNextTitle', { name })}
      </h3>
      <p className="muted">{t('fuNextHint')}</p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => onStage('client', 'fuStageClient')}>
          {t('fuBecameClient')}
        </button>
        <button type="button" className="button" onClick={() => onStage('closed', 'fuStageClosed')}>
          {t('fuClosed')}
        </button>
        <button type="button" className="button" onClick={() => onStage('met', 'fuStageKept')}>
          {t('fuKeepProspect')}
        </button>
      </div>
    </section>
  );
}
