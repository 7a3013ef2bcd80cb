// The intake screen's head: the prospect's name, their stage, the meeting under way (or to wrap
// up) one tap away, and what became of the draft. Props only.
import { STORED_STATUSES, type StoredStatus } from '../../../../core/prospect/prospect';
import { useApp } from '../../store';
import { SelectField } from '../../ui/Field';
import type { DraftState } from './useIntake';

export function IntakeHead({
  name,
  stage,
  meeting,
  draftState,
  onStage,
  onMeeting,
}: {
  name: string;
  stage: StoredStatus | null;
  meeting: 'live' | 'ended' | null;
  draftState: DraftState;
  onStage(stage: StoredStatus): void;
  onMeeting(): void;
}) {
  const t = useApp((s) => s.t);
  return (
    <div className="screen-head">
      <h2 id="intake-title" dir="auto">
        {name ? t('intakeTitle', { name }) : t('intakeTitleNew')}
      </h2>
      {stage && (
        <SelectField
          label={t('stage')}
          className="stage-field"
          value={stage}
          onChange={(e) => onStage(e.currentTarget.value as StoredStatus)}
        >
          {STORED_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`stage_${s}`)}
            </option>
          ))}
        </SelectField>
      )}
      {meeting && (
        <button type="button" className="button button-primary" onClick={onMeeting}>
          {meeting === 'live' ? t('resumeMeeting') : t('wrapUpMeeting')}
        </button>
      )}
      <p className="draft-state" role="status">
        {draftState === 'saving'
          ? t('draftSaving')
          : draftState === 'saved'
            ? t('draftSaved')
            : typeof draftState === 'object'
              ? t('draftFailed', { e: draftState.error })
              : ''}
      </p>
    </div>
  );
}
