// What a screen shows while its data loads, when loading failed, and when the prospect's deck
// cannot be made yet (no advisor profile, or an intake that does not pass): one look and one
// set of roles for every screen (status while loading, alert otherwise).
import type { Problem } from '../../../core/validation';
import type { QueryState } from '../data/useQuery';
import { useApp } from '../store';

/** The app layer's answer when the prospect's deck cannot be made yet. */
export interface NotReady {
  reason: 'no-advisor' | 'no-intake';
  problems: Problem[];
}

/** The intake's problems, one after the other, as the screens say them. */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}

export function Loading({ text }: { text: string }) {
  return (
    <p role="status" className="muted">
      {text}
    </p>
  );
}

export function LoadError({ error }: { error: string }) {
  const t = useApp((s) => s.t);
  return (
    <p role="alert" className="notice notice-error">
      {t('error', { e: error })}
    </p>
  );
}

/**
 * No advisor: says so and opens Settings. No intake: `noIntake` says what is wrong and, when
 * given, `openIntake` names the button back to the prospect's form.
 */
export function NotReadyAlert({
  id,
  outcome,
  noIntake,
  openIntake,
}: {
  id: string;
  outcome: NotReady;
  noIntake: string;
  openIntake?: string;
}) {
  const t = useApp((s) => s.t);
  const navigate = useApp((s) => s.navigate);
  const noAdvisor = outcome.reason === 'no-advisor';
  return (
    <div role="alert" className="notice notice-error">
      <p>{noAdvisor ? t('noAdvisor') : noIntake}</p>
      {noAdvisor ? (
        <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'settings' })}>
          {t('openSettings')}
        </button>
      ) : (
        openIntake && (
          <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'intake', id })}>
            {openIntake}
          </button>
        )
      )}
    </div>
  );
}

/**
 * A query's loading and error states, and the not-ready alert when its answer says the deck
 * cannot be made: nothing once it is ready (the screen draws its views then).
 */
export function LoadStates<T>({
  id,
  query,
  loading,
  notReady,
  noIntake,
  openIntake,
}: {
  id: string;
  query: QueryState<T>;
  loading: string;
  notReady?: NotReady | null | undefined;
  noIntake?: (problems: Problem[]) => string;
  openIntake?: string;
}) {
  if (query.state === 'loading') return <Loading text={loading} />;
  if (query.state === 'error') return <LoadError error={query.error} />;
  if (notReady)
    return (
      <NotReadyAlert
        id={id}
        outcome={notReady}
        noIntake={(noIntake ?? problemsText)(notReady.problems)}
        openIntake={openIntake}
      />
    );
  return null;
}
