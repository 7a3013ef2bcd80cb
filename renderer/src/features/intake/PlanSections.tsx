// The intake form's middle cards: finances, goals, then concerns, questions and notes. Props only.
import { Fragment, type ChangeEvent } from 'react';
import { RISK_TOLERANCES } from '../../../../core/intake/intake';
import { useApp } from '../../store';
import { ComboField, SelectField, TextAreaField } from '../../ui/Field';
import { BOX_LENGTH } from './boxLengths';
import { GoalsField } from './GoalsField';
import { AmountField, BOX, IntakeText, problemAt, TextRows, type FormBinding } from './IntakeFields';
import { CURRENCY_OPTIONS } from './options';

// The lists of rows the prospect's words go in, each under its heading and a note on who sees them.
const ROW_LISTS = [
  { rowsOf: 'concerns', kind: 'concern', note: 'shownWordForWord', add: 'addConcern', removeLabel: 'removeConcern' },
  { rowsOf: 'questions', kind: 'question', note: 'questionsShown', add: 'addQuestion', removeLabel: 'removeQuestion' },
] as const;

export function PlanSections({ bind }: { bind: FormBinding }) {
  const t = useApp((s) => s.t);
  const { form, change } = bind;
  // A free-text box labelled, named and checked by its field.
  const area = (field: 'urgentNeed' | 'notes') => ({
    label: t(field),
    value: form[field],
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => change({ [field]: e.currentTarget.value }),
    ...problemAt(bind, field),
  });
  return (
    <>
      <fieldset className="card">
        <legend>{t('sectionFinances')}</legend>
        <div className="grid">
          <ComboField
            label={t('currency')}
            value={form.currency}
            options={CURRENCY_OPTIONS}
            onChange={(e) => change({ currency: e.currentTarget.value })}
            {...problemAt(bind, 'finances.currency')}
          />
          <AmountField bind={bind} field="investableAssets" path="finances.investableAssets" label="investableAssets" />
          <AmountField bind={bind} field="annualIncome" path="finances.annualIncome" label="annualIncome" />
          <AmountField bind={bind} field="monthlySavings" path="finances.monthlySavings" label="monthlySavings" />
          <SelectField
            label={t('riskTolerance')}
            value={form.riskTolerance}
            onChange={(e) => change({ riskTolerance: e.currentTarget.value })}
            {...problemAt(bind, 'riskTolerance')}
          >
            <option value="">{t('risk_none')}</option>
            {RISK_TOLERANCES.map((r) => (
              <option key={r} value={r}>
                {t(`risk_${r}`)}
              </option>
            ))}
          </SelectField>
          <IntakeText
            bind={bind}
            field="timeHorizonYears"
            path="timeHorizonYears"
            label="timeHorizon"
            {...BOX.number}
          />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('sectionGoals')}</legend>
        <GoalsField goals={form.goals} onChange={(goals) => change({ goals })} {...problemAt(bind, 'goals')} />
        <TextAreaField hint={t('shownWordForWord')} maxLength={BOX_LENGTH.text} rows={2} {...area('urgentNeed')} />
      </fieldset>

      <fieldset className="card">
        <legend>{t('sectionConcerns')}</legend>
        {ROW_LISTS.map(({ rowsOf, note, ...list }) => (
          <Fragment key={rowsOf}>
            <h3 className="subhead">{t(rowsOf)}</h3>
            <p className="field-hint shown-note">{t(note)}</p>
            <div className={`rows-${list.kind}`}>
              <TextRows bind={bind} rowsOf={rowsOf} label={list.kind} {...list} />
            </div>
          </Fragment>
        ))}
        <TextAreaField
          hint={t('notesPrivate')}
          className="field-private"
          maxLength={BOX_LENGTH.longText}
          rows={4}
          {...area('notes')}
        />
      </fieldset>
    </>
  );
}
