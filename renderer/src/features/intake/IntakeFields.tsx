// The intake form's field views: a text box, an amount and a list of rows (concerns,
// questions), each bound to the form by the same props (see FormBinding). Props only.
import type { RefObject } from 'react';
import { defaultCurrency } from '../../../../core/locale/locale';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { TextAreaField, TextField } from '../../ui/Field';
import { BOX_LENGTH } from './boxLengths';
import { formatAmount } from './fieldWords';
import { rowKey, type IntakeForm } from './model';

/** The boxes' kinds: their length, keyboard and (for contact details) no autofill. */
export const BOX = {
  name: { maxLength: BOX_LENGTH.name },
  text: { maxLength: BOX_LENGTH.text },
  number: { maxLength: BOX_LENGTH.number, inputMode: 'numeric' },
  email: { maxLength: BOX_LENGTH.email, type: 'email', inputMode: 'email', autoComplete: 'off' },
  phone: { maxLength: BOX_LENGTH.text, type: 'tel', inputMode: 'tel', autoComplete: 'off' },
} as const;

/** What every section of the form gets: the form, its problems, and the ways to change it. */
export interface FormBinding {
  form: IntakeForm;
  change(patch: Partial<IntakeForm>): void;
  errorFor(field: string): string | undefined;
  leave(field: string): () => void;
  /** A selector the next render focuses (a row just added). */
  focusAfterRender: RefObject<string | null>;
}

/** The props that tie a box to its place in the form: leaving it checks it, and its problem shows under it. */
export function problemAt({ errorFor, leave }: FormBinding, path: string) {
  return { onBlur: leave(path), error: errorFor(path) };
}

/** A plain text box labelled by its field's own message. */
export interface IntakeBox {
  field: keyof IntakeForm & MessageKey;
  path: string;
  box: (typeof BOX)[keyof typeof BOX];
}

/** A run of plain text boxes, in order. */
export function IntakeTexts({ bind, boxes }: { bind: FormBinding; boxes: readonly IntakeBox[] }) {
  return boxes.map(({ field, path, box }) => (
    <IntakeText key={field} bind={bind} field={field} path={path} label={field} {...box} />
  ));
}

export function IntakeText({
  bind: { form, change, errorFor, leave },
  field,
  path,
  label,
  ...extra
}: {
  bind: FormBinding;
  field: keyof IntakeForm & string;
  path: string;
  label: MessageKey;
  maxLength: number;
  required?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel';
  autoComplete?: string;
  hint?: string;
  'data-autofocus'?: boolean;
}) {
  const t = useApp((s) => s.t);
  return (
    <TextField
      label={t(label)}
      value={form[field] as string}
      onChange={(e) => change({ [field]: e.currentTarget.value } as Partial<IntakeForm>)}
      onBlur={leave(path)}
      error={errorFor(path)}
      data-path={path}
      {...extra}
    />
  );
}

/** Amounts in the prospect's currency, grouped as they write numbers once the advisor moves on. */
export function AmountField({
  bind: { form, change, errorFor, leave },
  field,
  path,
  label,
}: {
  bind: FormBinding;
  field: 'investableAssets' | 'annualIncome' | 'monthlySavings';
  path: string;
  label: MessageKey;
}) {
  const t = useApp((s) => s.t);
  const currency = (() => {
    try {
      return form.currency.trim().toUpperCase() || defaultCurrency(form.locale);
    } catch {
      return '';
    }
  })();
  return (
    <TextField
      label={t(label)}
      hint={currency ? t('amountIn', { currency }) : undefined}
      maxLength={BOX_LENGTH.number}
      inputMode="decimal"
      value={form[field]}
      onChange={(e) => change({ [field]: e.currentTarget.value })}
      onBlur={() => {
        leave(path)();
        const shown = formatAmount(form[field], form.locale);
        if (shown !== form[field]) change({ [field]: shown });
      }}
      error={errorFor(path)}
      data-path={path}
    />
  );
}

export function TextRows<K extends 'concerns' | 'questions'>({
  bind,
  rowsOf: key,
  kind,
  label,
  add,
  removeLabel,
}: {
  bind: FormBinding;
  rowsOf: K;
  kind: 'concern' | 'question';
  label: MessageKey;
  add: MessageKey;
  removeLabel: MessageKey;
}) {
  const t = useApp((s) => s.t);
  const { form, change, errorFor, leave } = bind;
  return (
    <div className="rows">
      {form[key].map((row, i) => (
        <div className="row" key={row.key}>
          <TextAreaField
            label={t(label, { n: i + 1 })}
            value={row.text}
            maxLength={BOX_LENGTH.text}
            rows={2}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change({
                [key]: form[key].map((r) => (r.key === row.key ? { ...r, text: value } : r)),
              } as Partial<IntakeForm>);
            }}
            onBlur={leave(`${kind}:${row.key}`)}
            error={errorFor(`${kind}:${row.key}`)}
          />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => change({ [key]: form[key].filter((r) => r.key !== row.key) } as Partial<IntakeForm>)}
          >
            {t(removeLabel, { n: i + 1 })}
          </button>
        </div>
      ))}
      <AddRowButton
        bind={bind}
        focus={`.intake-form .rows-${kind} .row:last-of-type textarea`}
        label={t(add)}
        added={() => ({ [key]: [...form[key], { key: rowKey(), text: '' }] }) as Partial<IntakeForm>}
      />
    </div>
  );
}

/** Adds a row; the new row's box takes the focus, so typing goes on without reaching for it. */
export function AddRowButton({
  bind,
  focus,
  label,
  added,
}: {
  bind: FormBinding;
  /** A selector for the new row's box. */
  focus: string;
  label: string;
  /** The form's change that adds the row. */
  added: () => Partial<IntakeForm>;
}) {
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        bind.focusAfterRender.current = focus;
        bind.change(added());
      }}
    >
      {label}
    </button>
  );
}
