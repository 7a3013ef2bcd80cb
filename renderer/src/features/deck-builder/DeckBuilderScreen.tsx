// Placeholder: built in issue 8 (see the feature's brief).
import { useApp } from '../../store';

export function DeckBuilderScreen({ id }: { id?: string | undefined }) {
  const t = useApp((s) => s.t);
  void id;
  return <p className="muted">{t('building')}</p>;
}
