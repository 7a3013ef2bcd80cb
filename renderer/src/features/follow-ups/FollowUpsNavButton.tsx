// The navigation's way to the Follow-ups screen, with the count of due ones.
// (The follow-ups feature owns this file; the count is filled in by its brief.)
import { useApp } from '../../store';

export function FollowUpsNavButton({ current }: { current: boolean }) {
  const t = useApp((s) => s.t);
  const navigate = useApp((s) => s.navigate);
  return (
    <button type="button" className="nav-button" aria-current={current ? 'page' : undefined} onClick={() => navigate({ screen: 'follow-ups' })}>
      {t('followUps')}
    </button>
  );
}
