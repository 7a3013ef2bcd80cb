// Present mode: the prospect's deck full screen, touch first. It starts the meeting (or comes back
// into the one under way, on the slide last shown), then hands over to the Presenter.
import { useEffect, useState } from 'react';
import type { DeckSetup, DeckSetupOutcome } from '../../../../core/api';
import type { LiveMeeting } from '../../../../core/liveMeeting';
import { useApp } from '../../store';
import { Presenter } from './Presenter';

type Loaded = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'not-ready'; outcome: Extract<DeckSetupOutcome, { ready: false }> } | { state: 'ready'; setup: DeckSetup; meeting: LiveMeeting };

export function PresentScreen({ id }: { id: string }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const navigate = useApp((s) => s.navigate);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<Loaded> => {
      const deck = await api['deck:get']({ id });
      if (!deck.ok) return { state: 'failed', error: deck.error };
      if (!deck.value.ready) return { state: 'not-ready', outcome: deck.value };
      // Only once the deck can be shown: no meeting is started for a deck that cannot be.
      const meeting = await api['meeting:start']({ id });
      if (!meeting.ok) return { state: 'failed', error: meeting.error };
      return { state: 'ready', setup: deck.value.value, meeting: meeting.value };
    };
    load().then(
      (next) => {
        if (!cancelled) setLoaded(next);
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id]);

  if (loaded.state === 'ready') return <Presenter id={id} setup={loaded.setup} initial={loaded.meeting} />;
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
      <div className="screen-head">
        <h2 id="present-title">{t('presentTitle')}</h2>
        <div className="actions">
          <button type="button" className="button" onClick={() => navigate({ screen: 'intake', id })}>
            {t('back')}
          </button>
        </div>
      </div>
      <div role="alert" className="notice notice-error">
        {loaded.state === 'failed' && <p>{t('error', { e: loaded.error })}</p>}
        {loaded.state === 'not-ready' && (
          <>
            <p>{loaded.outcome.reason === 'no-advisor' ? t('noAdvisor') : loaded.outcome.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}</p>
            {loaded.outcome.reason === 'no-advisor' && (
              <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'settings' })}>
                {t('openSettings')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
