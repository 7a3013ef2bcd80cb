// The deck's save state under the meter: saving, saved, or why the save failed.
import { useApp } from '../../store';
import type { SaveState } from './useDeckChanges';

export function SaveStatus({ state }: { state: SaveState }) {
  const t = useApp((s) => s.t);
  // Refused: the alert above says why and offers Reload.
  if (state === 'idle' || state === 'stale') return <p className="db-save" role="status" />;
  if (state === 'saving' || state === 'saved')
    return (
      <p className="db-save" role="status">
        {t(state === 'saving' ? 'deckSaving' : 'deckSaved')}
      </p>
    );
  const message = 'error' in state ? state.error : state.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return (
    <p className="db-save db-save-error" role="alert">
      {t('deckSaveFailed', { e: message })}
    </p>
  );
}
