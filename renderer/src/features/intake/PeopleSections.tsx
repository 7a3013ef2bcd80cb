// The intake form's first two cards: the prospect, then their partner and dependents. Props only.
import { TextField } from '../../ui/Field';
import { useApp } from '../../store';
import { BOX_LENGTH } from './boxLengths';
import {
  AddRowButton,
  BOX,
  IntakeText,
  IntakeTexts,
  problemAt,
  type FormBinding,
  type IntakeBox,
} from './IntakeFields';
import { rowKey, type IntakeForm } from './model';

const PROSPECT_BOXES: readonly IntakeBox[] = [
  { field: 'email', path: 'prospect.email', box: BOX.email },
  { field: 'phone', path: 'prospect.phone', box: BOX.phone },
  { field: 'age', path: 'prospect.age', box: BOX.number },
  { field: 'occupation', path: 'prospect.occupation', box: BOX.text },
  { field: 'city', path: 'prospect.city', box: BOX.text },
];

const PARTNER_BOXES: readonly IntakeBox[] = [
  { field: 'partnerFirstName', path: 'prospect.partner.firstName', box: BOX.name },
  { field: 'partnerLastName', path: 'prospect.partner.lastName', box: BOX.name },
  { field: 'partnerEmail', path: 'prospect.partner.email', box: BOX.email },
  { field: 'partnerAge', path: 'prospect.partner.age', box: BOX.number },
];

type Dependent = IntakeForm['dependents'][number];

/** `autofocus`: a new prospect's form starts in the first name. */
export function PeopleSections({ bind, autofocus }: { bind: FormBinding; autofocus: boolean }) {
  const t = useApp((s) => s.t);
  const { form, change } = bind;
  // The prospect's names are shown to them and must be given.
  const shownName = { ...BOX.name, required: true, autoComplete: 'off', hint: t('shownToProspect') };
  const changeDependent = (key: Dependent['key'], patch: Partial<Dependent>) =>
    change({ dependents: form.dependents.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  return (
    <>
      <fieldset className="card">
        <legend>{t('sectionProspect')}</legend>
        <div className="grid">
          <IntakeText
            bind={bind}
            field="firstName"
            path="prospect.firstName"
            label="firstName"
            {...shownName}
            data-autofocus={autofocus || undefined}
          />
          <IntakeText bind={bind} field="lastName" path="prospect.lastName" label="lastName" {...shownName} />
          <IntakeTexts bind={bind} boxes={PROSPECT_BOXES} />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('sectionFamily')}</legend>
        <p className="field-hint shown-note">{t('familyShown')}</p>
        <div className="grid">
          <IntakeTexts bind={bind} boxes={PARTNER_BOXES} />
        </div>
        <h3 className="subhead">{t('dependents')}</h3>
        <div className="rows rows-dependent">
          {form.dependents.map((d, i) => (
            <div className="row row-inline" key={d.key}>
              <TextField
                label={t('dependentFirstName', { n: i + 1 })}
                value={d.firstName}
                {...BOX.name}
                onChange={(e) => changeDependent(d.key, { firstName: e.currentTarget.value })}
                {...problemAt(bind, `dependent:${d.key}:firstName`)}
              />
              <TextField
                label={t('dependentAge', { n: i + 1 })}
                value={d.age}
                maxLength={BOX_LENGTH.number}
                inputMode="numeric"
                className="field-short"
                onChange={(e) => changeDependent(d.key, { age: e.currentTarget.value })}
                {...problemAt(bind, `dependent:${d.key}:age`)}
              />
              <button
                type="button"
                className="button button-quiet"
                onClick={() => change({ dependents: form.dependents.filter((r) => r.key !== d.key) })}
              >
                {t('removeDependent', { n: i + 1 })}
              </button>
            </div>
          ))}
          <AddRowButton
            bind={bind}
            focus=".intake-form .rows-dependent .row:last-of-type input"
            label={t('addDependent')}
            added={() => ({ dependents: [...form.dependents, { key: rowKey(), firstName: '', age: '' }] })}
          />
        </div>
      </fieldset>
    </>
  );
}
