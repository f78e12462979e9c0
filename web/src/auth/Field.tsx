// A labelled form field with its own error line, and the form-level error box, for the account pages.
import type { InputHTMLAttributes } from 'react';

export function Field({
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; hint?: string }) {
  const id = input.id ?? input.name ?? label.toLowerCase().replace(/\W+/g, '-');
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && !error ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </p>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label?: string;
  error?: string | null;
  hint?: string;
};

/** The e-mail field of the account forms: one set of limits everywhere (254 characters, the longest address). */
export function EmailField({ label = 'E-mail', ...props }: FieldProps) {
  return (
    <Field label={label} name="email" type="email" autoComplete="email" required maxLength={254} {...props} />
  );
}

/** A person's name on the account forms. */
export function NameField({ label = 'Your name', ...props }: FieldProps) {
  return <Field label={label} name="name" autoComplete="name" required maxLength={120} {...props} />;
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

export function FormNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-notice" role="status">
      {message}
    </div>
  );
}
