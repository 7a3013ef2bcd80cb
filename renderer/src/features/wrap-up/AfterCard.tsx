// The wrap-up's card for what comes after: the notes and the follow-up time (with how the
// prospect will be reached). Props only.
import { TextAreaField, TextField } from '../../ui/Field';
import { useApp } from '../../store';
import type { WrapUpForm } from './model';
import { formatLocal } from './time';

export function AfterCard({
  form,
  errors,
  zone,
  proposed,
  channel,
  onChange,
}: {
  form: WrapUpForm;
  errors: ReadonlyMap<string, string>;
  zone: string;
  /** The slot the follow-up rule proposes (local time in the meeting's zone). */
  proposed: string | undefined;
  /** How the prospect will be reached. */
  channel: string;
  onChange(patch: Partial<WrapUpForm>, field: 'notes' | 'followUpAt'): void;
}) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  return (
    <fieldset className="card">
      <legend>{t('wuAfter')}</legend>
      <div className="wu-after">
        <TextAreaField
          label={t('wuNotes')}
          hint={t('wuNotesHint')}
          value={form.notes}
          rows={5}
          dir="auto"
          error={errors.get('notes')}
          onChange={(e) => onChange({ notes: e.currentTarget.value }, 'notes')}
        />
        <div>
          <TextField
            label={t('wuFollowUpAt')}
            type="datetime-local"
            hint={
              proposed
                ? t('wuFollowUpHint', { zone, when: formatLocal(language, proposed) })
                : t('wuFollowUpZone', { zone })
            }
            value={form.followUpAt}
            error={errors.get('followUpAt')}
            onChange={(e) => onChange({ followUpAt: e.currentTarget.value }, 'followUpAt')}
          />
          <p className="wu-channel">{channel}</p>
        </div>
      </div>
    </fieldset>
  );
}
