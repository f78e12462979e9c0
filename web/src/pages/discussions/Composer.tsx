// The post composer: Markdown text, and — shown before posting — who will read it and under which name.
import { useId, useState, type ReactNode } from 'react';
import { asApiError } from '../../components/use-loaded.js';

export interface Draft {
  body: string;
  anonymous: boolean;
  private: boolean;
}

/** The sentence said before posting: who reads the post, and the name classmates see. */
export function audienceSentence(
  d: Pick<Draft, 'anonymous' | 'private'>,
  staff: boolean,
  forcedPrivate: boolean,
) {
  if (d.private || forcedPrivate)
    return 'Only you and the course staff will read this. Classmates will not see it.';
  if (d.anonymous)
    return 'Everyone in the course will read this. Classmates will see “Anonymous classmate”; the staff will see your name.';
  return staff
    ? 'Everyone in the course will read this, under your name (staff).'
    : 'Everyone in the course will read this, under your name.';
}

export function Composer({
  label,
  submitLabel,
  staff,
  allowAnonymous,
  allowPrivate,
  forcedPrivate = false,
  initial = '',
  extra,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  staff: boolean;
  allowAnonymous: boolean;
  allowPrivate: boolean;
  /** The thread or the parent is private: so is the reply. */
  forcedPrivate?: boolean;
  initial?: string;
  extra?: ReactNode;
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ body: initial, anonymous: false, private: false });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (draft.body.trim() === '') {
      setError('Write something first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(draft);
      setDraft({ body: '', anonymous: false, private: false });
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="composer" onSubmit={submit} noValidate>
      {extra}
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          rows={5}
          value={draft.body}
          aria-describedby={`${id}-help ${id}-audience`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        />
        <p id={`${id}-help`} className="muted small">
          Markdown: **bold**, _italic_, `code`, fenced code blocks, links. Mention someone with @ and their
          name.
        </p>
      </div>
      {allowAnonymous || (allowPrivate && !forcedPrivate) ? (
        <fieldset className="composer-choices">
          <legend>Who sees it</legend>
          {allowPrivate && !forcedPrivate ? (
            <label>
              <input
                type="checkbox"
                checked={draft.private}
                onChange={(e) => setDraft({ ...draft, private: e.target.checked })}
              />{' '}
              Private to staff
            </label>
          ) : null}
          {allowAnonymous ? (
            <label>
              <input
                type="checkbox"
                checked={draft.anonymous}
                onChange={(e) => setDraft({ ...draft, anonymous: e.target.checked })}
              />{' '}
              Anonymous to classmates
            </label>
          ) : null}
        </fieldset>
      ) : null}
      <p id={`${id}-audience`} className="composer-audience" aria-live="polite">
        {audienceSentence(draft, staff, forcedPrivate)}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="composer-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Posting…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </p>
    </form>
  );
}
