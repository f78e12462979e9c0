// Labelled form fields with their own hint and error line, and the form-level error and notice boxes, for every form.
import type { InputHTMLAttributes, ReactNode } from 'react';

/** What a control in a FieldBox carries: invalid with an error, described by its error or else its hint. */
export function fieldAria(id: string, error?: string | null, hint?: string) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** A label above its control (the children, with `id`), an optional hint, and the field's own error line. */
export function FieldBox({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | null | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
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
    </div>
  );
}

/** A labelled input; `aria-invalid` and `aria-describedby` given in the props win over the field's own. */
export function Field({
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string | null | undefined;
  hint?: string | undefined;
}) {
  const id = input.id ?? input.name ?? label.toLowerCase().replace(/\W+/g, '-');
  return (
    <FieldBox id={id} label={label} error={error} hint={hint}>
      <input id={id} {...fieldAria(id, error, hint)} {...input} />
    </FieldBox>
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

/** A new password typed twice, with the rule as its hint (reset, invitation, join by e-mail). */
export function NewPasswordFields({
  password,
  again,
  onPassword,
  onAgain,
}: {
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
}) {
  return (
    <>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        hint="At least 10 characters; a few unrelated words work well."
        value={password}
        onChange={(e) => onPassword(e.target.value)}
      />
      <Field
        label="New password again"
        name="again"
        type="password"
        autoComplete="new-password"
        required
        value={again}
        onChange={(e) => onAgain(e.target.value)}
      />
    </>
  );
}

/** The words shown when the two typed passwords differ. */
export const PASSWORDS_DIFFER = 'The two passwords differ. Type the same password twice.';

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
