// The navigation's way to the Follow-ups screen, with the count of due ones (overdue and today)
// in its name: "Follow-ups, 2 due". Counted again on every navigation, every minute and after
// any change made on the Follow-ups screen. It also follows a clicked reminder to its follow-up.
import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import { onFollowUpsChanged } from './changes';
import './followUpsNav.css';

const MINUTE = 60_000;

export function FollowUpsNavButton({ current }: { current: boolean }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const navigate = useApp((s) => s.navigate);
  const route = useApp((s) => s.route);
  const [due, setDue] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const count = () => {
      void api['followups:count']().then(
        (result) => {
          if (!cancelled && result.ok) setDue(result.value.overdue + result.value.today);
        },
        () => undefined,
      );
    };
    count();
    const timer = setInterval(count, MINUTE);
    const stop = onFollowUpsChanged(count);
    return () => {
      cancelled = true;
      clearInterval(timer);
      stop();
    };
    // `route`: a new count on every navigation.
  }, [api, route]);

  // The reminder's click (Electron) opens that follow-up.
  useEffect(() => api.onFollowUpFocus((id) => navigate({ screen: 'follow-ups', followUpId: id })), [api, navigate]);

  return (
    <button
      type="button"
      className="nav-button"
      aria-current={current ? 'page' : undefined}
      onClick={() => navigate({ screen: 'follow-ups' })}
    >
      {t('followUps')}
      {due > 0 && (
        <span className="fu-badge">
          <span className="fu-hidden">, </span>
          {due}
          <span className="fu-hidden"> {t('fuDueSuffix')}</span>
        </span>
      )}
    </button>
  );
}
