// Present mode: the prospect's deck full screen, touch first. It starts the meeting (or comes back
// into the one under way, on the slide last shown), then hands over to the Presenter.
import { useRef } from 'react';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../../store';
import { ScreenHead } from '../../ui/ScreenHead';
import { Presenter } from './Presenter';
import { takePresent, type PresentLoad } from './presentLoad';
import { NotReadyAlert, problemsText } from '../../ui/LoadStates';
import { meetingProblemText } from '../../ui/MeetingFileProblems';
import './presentMode.css';
import './presenterStrip.css';
import './sharePanel.css';

export function PresentScreen({ id }: { id: string }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  // Read when the meeting has loaded; a change of language must not start present mode again.
  const tNow = useRef(t);
  tNow.current = t;
  const query = useQuery(
    () => takePresent(api, id),
    [api, id, notify],
    (next) => {
      // A meeting file that could not be read was set aside: this meeting starts afresh, and says so.
      const problems = next.state === 'ready' ? (next.start.problems ?? []) : [];
      if (problems.length > 0) notify(problems.map((p) => meetingProblemText(tNow.current, p)).join(' '));
    },
  );
  const loaded: PresentLoad =
    query.state === 'ready'
      ? query.value
      : query.state === 'error'
        ? { state: 'failed', error: query.error }
        : { state: 'loading' };

  if (loaded.state === 'ready')
    return <Presenter id={id} plan={loaded.start.plan} look={loaded.start.look} initial={loaded.start.meeting} />;
  if (loaded.state === 'loading') {
    return (
      <section className="present-mode present-waiting" aria-labelledby="present-title">
        <h2 id="present-title" className="present-visually-hidden">
          {t('presentTitle')}
        </h2>
        <p role="status">{t('presentStarting')}</p>
      </section>
    );
  }
  return (
    <section className="screen" aria-labelledby="present-title">
      <ScreenHead id={id} titleId="present-title" title={t('presentTitle')} back={t('back')} />
      {loaded.state === 'not-ready' ? (
        <NotReadyAlert id={id} outcome={loaded.outcome} noIntake={problemsText(loaded.outcome.problems)} />
      ) : (
        <div role="alert" className="notice notice-error">
          <p>
            {t('error', { e: loaded.state === 'failed' ? loaded.error : query.state === 'error' ? query.error : '' })}
          </p>
        </div>
      )}
    </section>
  );
}
