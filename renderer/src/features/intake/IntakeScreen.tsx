// The intake form: every field of the intake schema. What the advisor types is kept as a
// draft at every change (valid or not); Save checks it with the CLI's own schema and writes
// intake.json only when it passes. A problem shows at its field when the advisor leaves it,
// and all at once on Save, with focus on the first. This container holds the data (useIntake);
// IntakeHead and IntakeFormView draw it.
import { useApp } from '../../store';
import { MeetingFileProblems } from '../../ui/MeetingFileProblems';
import { StaleAlert } from '../../ui/StaleAlert';
import { IntakeFormView } from './IntakeFormView';
import { IntakeHead } from './IntakeHead';
import { SendIntakeForm } from './SendIntakeForm';
import { useIntake } from './useIntake';
import './intake.css';

export function IntakeScreen({ id: initialId }: { id?: string | undefined }) {
  const navigate = useApp((s) => s.navigate);
  const intake = useIntake(initialId);
  if (!intake) return <p className="muted">…</p>;
  const { form, idRef } = intake;

  return (
    <section className="screen" aria-labelledby="intake-title">
      <IntakeHead
        name={`${form.firstName} ${form.lastName}`.trim()}
        stage={intake.stage}
        meeting={intake.meeting}
        draftState={intake.draftState}
        onStage={intake.changeStage}
        onMeeting={() => navigate({ screen: intake.meeting === 'live' ? 'present' : 'wrap-up', id: idRef.current })}
      />
      {intake.stale && <StaleAlert onReload={intake.reload} />}
      <MeetingFileProblems problems={intake.meetingProblems} />
      <IntakeFormView
        bind={intake}
        autofocus={!initialId}
        other={intake.other}
        showAll={intake.showAll}
        onSave={() => void intake.save()}
        onOpenDeck={(screen) => void intake.openDeck(screen)}
        onBack={() => navigate({ screen: 'prospects' })}
        onDelete={() => void intake.deleteProspect()}
      />
      {intake.stage && <SendIntakeForm id={idRef.current} />}
    </section>
  );
}
