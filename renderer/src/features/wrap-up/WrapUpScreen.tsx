// Wrap-up, after `End meeting`: what was shown, the questions (edited, answered, one forgotten
// added), the notes and the follow-up slot the rule proposes (which the advisor may move). Then
// `Create summary and follow-up` writes the meeting's files, schedules the one follow-up and
// moves the prospect to Met; the summary shows as a page with the ways to send it.
import { useEffect, useState } from 'react';
import type { ApiClient, DeckSetupOutcome, WrapUpOutcome } from '../../../../core/api';
import { planDeck } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import {
  clearDraft,
  formFromLive,
  parseEarlierRecord,
  readDraft,
  utf8FromBase64,
  type EarlierRecord,
  type WrapUpData,
} from './model';
import { WrapUpFormView } from './WrapUpForm';
import { MeetingFileProblems } from '../../ui/MeetingFileProblems';
import './wrap-up.css';

type Loading =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'not-ready'; outcome: Extract<DeckSetupOutcome, { ready: false }> }
  | { kind: 'ready'; data: WrapUpData };

/** The meeting's folder (prospects/<id>/meetings/<YYYY-MM-DDTHHmm>): named after its start, as the app layer names it. */
const meetingFolder = (startsAt: string) => startsAt.replace(/:/g, '');

async function load(api: ApiClient, id: string): Promise<Loading> {
  const [meeting, deck] = await Promise.all([api['meeting:get']({ id }), api['deck:get']({ id })]);
  if (!meeting.ok) return { kind: 'error', error: meeting.error };
  if (!deck.ok) return { kind: 'error', error: deck.error };
  if (!deck.value.ready) return { kind: 'not-ready', outcome: deck.value };
  const setup = deck.value.value;
  const plan = planDeck(setup.intake, setup.advisor, setup.recipe, setup.changes);
  const { live, proposedFollowUp, revision, problems } = meeting.value;
  let earlier: EarlierRecord | null = null;
  const folder = meetingFolder(setup.intake.meeting.startsAt);
  if (!live && /^\d{4}-\d{2}-\d{2}T\d{4}$/.test(folder)) {
    const file = await api['meeting:file']({ id, meeting: folder, name: 'meeting.json' });
    if (file.ok) earlier = parseEarlierRecord(utf8FromBase64(file.value.base64));
  }
  const initial =
    readDraft(id, live?.startedAt ?? null) ??
    formFromLive(live, earlier, proposedFollowUp?.local ?? '', setup.intake.questions ?? []);
  return {
    kind: 'ready',
    data: { setup, plan, live, earlier, proposed: proposedFollowUp, initial, revision, problems },
  };
}

export function WrapUpScreen({ id }: { id: string }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const navigate = useApp((s) => s.navigate);
  const [state, setState] = useState<Loading>({ kind: 'loading' });
  const [result, setResult] = useState<Extract<WrapUpOutcome, { done: true }> | null>(null);
  const loadProspects = useApp((s) => s.loadProspects);
  // Reload after a refused wrap-up: the meeting as saved now, in a form started afresh.
  const [loads, setLoads] = useState(0);
  const reload = () => {
    clearDraft(id);
    setResult(null);
    setState({ kind: 'loading' });
    setLoads((n) => n + 1);
  };

  useEffect(() => {
    let cancelled = false;
    load(api, id).then(
      (next) => {
        if (cancelled) return;
        setState(next);
        // Set aside just now: the Prospects screen's list of damaged files shows it too.
        if (next.kind === 'ready' && next.data.problems.length > 0) void loadProspects();
      },
      (error: unknown) => {
        if (!cancelled) setState({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id, loads, loadProspects]);

  const name = state.kind === 'ready' ? state.data.plan.prospect.fullName : '';

  return (
    <section className="screen wu-screen" aria-labelledby="wu-title">
      <div className="screen-head">
        <h2 id="wu-title" dir="auto">
          {name ? t('wuTitle', { name }) : t('wuTitleBare')}
        </h2>
        <div className="actions">
          <button type="button" className="button button-quiet" onClick={() => navigate({ screen: 'intake', id })}>
            {t('wuBackToProspect')}
          </button>
        </div>
      </div>
      {state.kind === 'loading' && (
        <p role="status" className="muted">
          {t('wuLoading')}
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert" className="notice notice-error">
          {t('error', { e: state.error })}
        </p>
      )}
      {state.kind === 'not-ready' && (
        <div role="alert" className="notice notice-error">
          <p>{state.outcome.reason === 'no-advisor' ? t('noAdvisor') : t('wuNoIntake')}</p>
          {state.outcome.reason === 'no-advisor' ? (
            <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'settings' })}>
              {t('openSettings')}
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={() => navigate({ screen: 'intake', id })}>
              {t('wuBackToProspect')}
            </button>
          )}
        </div>
      )}
      {state.kind === 'ready' && <MeetingFileProblems problems={state.data.problems} />}
      {state.kind === 'ready' && (
        <WrapUpFormView key={loads} id={id} data={state.data} result={result} onResult={setResult} onReload={reload} />
      )}
    </section>
  );
}
