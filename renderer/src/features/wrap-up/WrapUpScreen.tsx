// Wrap-up, after `End meeting`: what was shown, the questions (edited, answered, one forgotten
// added), the notes and the follow-up slot the rule proposes (which the advisor may move). Then
// `Create summary and follow-up` writes the meeting's files, schedules the one follow-up and
// moves the prospect to Met; the summary shows as a page with the ways to send it.
import { useState } from 'react';
import type { ApiClient, DeckSetupOutcome, WrapUpOutcome } from '../../../../core/api';
import { planDeck } from '../../../../core/plan/planDeck';
import { useQuery, valueOf } from '../../data/useQuery';
import { useApp } from '../../store';
import { ScreenHead } from '../../ui/ScreenHead';
import { LoadStates } from '../../ui/LoadStates';
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

type WrapUpLoad =
  | { kind: 'not-ready'; outcome: Extract<DeckSetupOutcome, { ready: false }> }
  | { kind: 'ready'; data: WrapUpData };

/** The meeting's folder (prospects/<id>/meetings/<YYYY-MM-DDTHHmm>): named after its start, as the app layer names it. */
const meetingFolder = (startsAt: string) => startsAt.replace(/:/g, '');

/** The meeting, the deck planned and the form to start from; or why the deck cannot be made. */
async function load(api: ApiClient, id: string): Promise<WrapUpLoad> {
  const [meeting, deck] = await Promise.all([api['meeting:get']({ id }), api['deck:get']({ id })]);
  const { live, proposedFollowUp, revision, problems } = valueOf(meeting);
  const setup = valueOf(deck);
  if (!setup.ready) return { kind: 'not-ready', outcome: setup };
  const { value } = setup;
  const plan = planDeck(value.intake, value.advisor, value.recipe, value.changes);
  let earlier: EarlierRecord | null = null;
  const folder = meetingFolder(value.intake.meeting.startsAt);
  if (!live && /^\d{4}-\d{2}-\d{2}T\d{4}$/.test(folder)) {
    const file = await api['meeting:file']({ id, meeting: folder, name: 'meeting.json' });
    if (file.ok) earlier = parseEarlierRecord(utf8FromBase64(file.value.base64));
  }
  const initial =
    readDraft(id, live?.startedAt ?? null) ??
    formFromLive(live, earlier, proposedFollowUp?.local ?? '', value.intake.questions ?? []);
  return {
    kind: 'ready',
    data: { setup: value, plan, live, earlier, proposed: proposedFollowUp, initial, revision, problems },
  };
}

export function WrapUpScreen({ id }: { id: string }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const [result, setResult] = useState<Extract<WrapUpOutcome, { done: true }> | null>(null);
  const loadProspects = useApp((s) => s.loadProspects);
  const query = useQuery(
    () => load(api, id),
    [api, id, loadProspects],
    (next) => {
      // Set aside just now: the Prospects screen's list of damaged files shows it too.
      if (next.kind === 'ready' && next.data.problems.length > 0) void loadProspects();
    },
  );
  // Reload after a refused wrap-up: the meeting as saved now, in a form started afresh.
  const reload = () => {
    clearDraft(id);
    setResult(null);
    query.reload();
  };
  const loaded = query.state === 'ready' ? query.value : null;
  const data = loaded?.kind === 'ready' ? loaded.data : null;
  const name = data ? data.plan.prospect.fullName : '';

  return (
    <section className="screen wu-screen" aria-labelledby="wu-title">
      <ScreenHead
        id={id}
        titleId="wu-title"
        dir="auto"
        title={name ? t('wuTitle', { name }) : t('wuTitleBare')}
        back={t('wuBackToProspect')}
        quiet
      />
      <LoadStates
        id={id}
        query={query}
        loading={t('wuLoading')}
        notReady={loaded?.kind === 'not-ready' ? loaded.outcome : null}
        noIntake={() => t('wuNoIntake')}
        openIntake={t('wuBackToProspect')}
      />
      {data && <MeetingFileProblems problems={data.problems} />}
      {data && (
        <WrapUpFormView key={query.loads} id={id} data={data} result={result} onResult={setResult} onReload={reload} />
      )}
    </section>
  );
}
