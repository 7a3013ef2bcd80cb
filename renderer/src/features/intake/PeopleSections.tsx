// The intake form's first two cards: the prospect, then their partner and dependents. Props only.
import { TextField } from '../../ui/Field';
import { useApp } from '../../store';
import { BOX_LENGTH } from './boxLengths';
import { AddRowButton, BOX, IntakeText, type FormBinding } from './IntakeFields';
import { rowKey } from './model';

/** `autofocus`: a new prospect's form starts in the first name. */
export function PeopleSections({ bind, autofocus }: { bind: FormBinding; autofocus: boolean }) {
  const t = useApp((s) => s.t);
  const { form, change, errorFor, leave } = bind;
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
            {...BOX.name}
            required
            autoComplete="off"
            hint={t('shownToProspect')}
            data-autofocus={autofocus || undefined}
          />
          <IntakeText
            bind={bind}
            field="lastName"
            path="prospect.lastName"
            label="lastName"
            {...BOX.name}
            required
            autoComplete="off"
            hint={t('shownToProspect')}
          />
          <IntakeText bind={bind} field="email" path="prospect.email" label="email" {...BOX.email} />
          <IntakeText bind={bind} field="phone" path="prospect.phone" label="phone" {...BOX.phone} />
          <IntakeText bind={bind} field="age" path="prospect.age" label="age" {...BOX.number} />
          <IntakeText bind={bind} field="occupation" path="prospect.occupation" label="occupation" {...BOX.text} />
          <IntakeText bind={bind} field="city" path="prospect.city" label="city" {...BOX.text} />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('sectionFamily')}</legend>
        <p className="field-hint shown-note">{t('familyShown')}</p>
        <div className="grid">
          <IntakeText
            bind={bind}
            field="partnerFirstName"
            path="prospect.partner.firstName"
            label="partnerFirstName"
            {...BOX.name}
          />
          <IntakeText
            bind={bind}
            field="partnerLastName"
            path="prospect.partner.lastName"
            label="partnerLastName"
            {...BOX.name}
          />
          <IntakeText
            bind={bind}
            field="partnerEmail"
            path="prospect.partner.email"
            label="partnerEmail"
            {...BOX.email}
          />
          <IntakeText bind={bind} field="partnerAge" path="prospect.partner.age" label="partnerAge" {...BOX.number} />
        </div>
        <h3 className="subhead">{t('dependents')}</h3>
        <div className="rows rows-dependent">
          {form.dependents.map((d, i) => (
            <div className="row row-inline" key={d.key}>
              <TextField
                label={t('dependentFirstName', { n: i + 1 })}
                value={d.firstName}
                {...BOX.name}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  change({
                    dependents: form.dependents.map((r) => (r.key === d.key ? { ...r, firstName: value } : r)),
                  });
                }}
                onBlur={leave(`dependent:${d.key}:firstName`)}
                error={errorFor(`dependent:${d.key}:firstName`)}
              />
              <TextField
                label={t('dependentAge', { n: i + 1 })}
                value={d.age}
                maxLength={BOX_LENGTH.number}
                inputMode="numeric"
                className="field-short"
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  change({ dependents: form.dependents.map((r) => (r.key === d.key ? { ...r, age: value } : r)) });
                }}
                onBlur={leave(`dependent:${d.key}:age`)}
                error={errorFor(`dependent:${d.key}:age`)}
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
