// A labelled form field whose problem is tied to it for screen readers: aria-invalid and
// aria-describedby point at the message, which sits right under the field.
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldShell {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Marks the label, not the accessible name: names stay exactly the contract's. */
  required?: boolean;
  className?: string;
}

function ids(id: string, hint?: string, error?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

function Shell({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: FieldShell & { id: string; children: ReactNode }) {
  const { hintId, errorId } = ids(id, hint, error);
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      {/* The mark sits outside the label so the accessible name stays exactly the label. */}
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

// The pieces every field repeats: one id, the shell around the control, and the aria attributes that tie the
// control to its label, hint and problem; `rest` is what goes on the control itself.
function useFieldControl<P extends FieldShell>({ label, hint, error, required, className, ...rest }: P) {
  const id = useId();
  const { describedBy } = ids(id, hint, error);
  const shell = { id, label, hint, error, required: required ?? false, ...(className ? { className } : {}) };
  const control = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  return { id, shell, control, rest };
}

export function TextField(props: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const { shell, control, rest } = useFieldControl(props);
  return (
    <Shell {...shell}>
      <input {...control} {...rest} />
    </Shell>
  );
}

export function TextAreaField(props: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { shell, control, rest } = useFieldControl(props);
  return (
    <Shell {...shell}>
      <textarea {...control} {...rest} />
    </Shell>
  );
}

export function SelectField(props: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const { shell, control, rest } = useFieldControl(props);
  return (
    <Shell {...shell}>
      <select {...control} {...rest} />
    </Shell>
  );
}

/**
 * A searchable picker: a text box with suggestions (an input with a list is a combobox). The advisor types any
 * value (an IANA zone, a tag like fr-FR, a code like EUR) and presses Enter; Enter commits
 * the value instead of submitting the form.
 */
export function ComboField({
  options,
  ...props
}: FieldShell & InputHTMLAttributes<HTMLInputElement> & { options: readonly { value: string; label?: string }[] }) {
  const { id, shell, control, rest } = useFieldControl(props);
  const listId = `${id}-options`;
  return (
    <Shell {...shell}>
      <input
        {...control}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            event.currentTarget.blur();
            event.currentTarget.focus();
          }
        }}
        {...rest}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label ?? o.value}
          </option>
        ))}
      </datalist>
    </Shell>
  );
}
