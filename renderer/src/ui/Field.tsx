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

export function TextField({
  label,
  hint,
  error,
  required,
  className,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { describedBy } = ids(id, hint, error);
  return (
    <Shell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      {...(className ? { className } : {})}
    >
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        {...input}
      />
    </Shell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  className,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const { describedBy } = ids(id, hint, error);
  return (
    <Shell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      {...(className ? { className } : {})}
    >
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        {...input}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  className,
  children,
  ...select
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const { describedBy } = ids(id, hint, error);
  return (
    <Shell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      {...(className ? { className } : {})}
    >
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        {...select}
      >
        {children}
      </select>
    </Shell>
  );
}

/**
 * A searchable picker: a text box with suggestions (an input with a list is a combobox). The advisor types any
 * value (an IANA zone, a tag like fr-FR, a code like EUR) and presses Enter; Enter commits
 * the value instead of submitting the form.
 */
export function ComboField({
  label,
  hint,
  error,
  required,
  className,
  options,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement> & { options: readonly { value: string; label?: string }[] }) {
  const id = useId();
  const listId = `${id}-options`;
  const { describedBy } = ids(id, hint, error);
  return (
    <Shell
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      {...(className ? { className } : {})}
    >
      <input
        id={id}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            event.currentTarget.blur();
            event.currentTarget.focus();
          }
        }}
        {...input}
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
