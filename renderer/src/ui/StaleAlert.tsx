// What a window says when its save was refused because another window saved the same prospect
// first (core/api.ts, StaleError): nothing was overwritten; Reload shows what is saved now.
import { useApp } from '../store';

export function StaleAlert({ onReload }: { onReload: () => void }) {
  const t = useApp((s) => s.t);
  return (
    <div role="alert" className="notice notice-error stale-alert">
      <p>{t('staleChanged')}</p>
      <button type="button" className="button button-primary" onClick={onReload}>
        {t('staleReload')}
      </button>
    </div>
  );
}
