// The intake form's last card: when and how the meeting is, its length and language. Props only.
import { MEETING_FORMATS } from '../../../../core/intake/intake';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { ComboField, SelectField, TextField } from '../../ui/Field';
import { BOX, IntakeText, type FormBinding } from './IntakeFields';
import { localeOptions, timeZoneOptions } from './options';

export function MeetingSection({ bind }: { bind: FormBinding }) {
  const t = useApp((s) => s.t);
  const { form, change, errorFor, leave } = bind;
  return (
    <fieldset className="card">
      <legend>{t('sectionMeeting')}</legend>
      <div className="grid">
        <TextField
          label={t('meetingStart')}
          type="datetime-local"
          required
          value={form.startsAt}
          onChange={(e) => change({ startsAt: e.currentTarget.value })}
          onBlur={leave('meeting.startsAt')}
          error={errorFor('meeting.startsAt')}
        />
        <ComboField
          label={t('timeZone')}
          hint={t('timeZoneHint')}
          required
          value={form.timeZone}
          options={timeZoneOptions()}
          onChange={(e) => change({ timeZone: e.currentTarget.value })}
          onBlur={leave('meeting.timeZone')}
          error={errorFor('meeting.timeZone')}
        />
        <SelectField
          label={t('meetingFormat')}
          value={form.format}
          onChange={(e) => change({ format: e.currentTarget.value })}
          onBlur={leave('meeting.format')}
          error={errorFor('meeting.format')}
        >
          {MEETING_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`format_${f.replace('-', '_')}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <IntakeText bind={bind} field="minutes" path="meeting.minutes" label="meetingLength" {...BOX.number} />
        <SelectField
          label={t('language')}
          hint={t('languageHint')}
          value={form.locale}
          onChange={(e) => change({ locale: e.currentTarget.value })}
          onBlur={leave('locale')}
          error={errorFor('locale')}
        >
          {localeOptions(form.locale).map((o) => (
            <option key={o.value} value={o.value} lang={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}
