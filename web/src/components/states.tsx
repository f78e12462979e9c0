// The designed in-between states every page shares: loading, error (with retry), and empty.
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../api.js';

/** A quiet loading line, shown only after a short delay so fast loads do not flash. */
export function Loading({ label }: { label: string }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 300);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      {visible ? (
        <p>
          <span className="spinner" aria-hidden="true" />
          {label}…
        </p>
      ) : null}
    </div>
  );
}

/** A failed request: what happened in plain words, and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: string;
}) {
  const offline = error.status === 0;
  return (
    <section className="state state-error" aria-labelledby="error-title">
      <h1 id="error-title" tabIndex={-1}>
        {title ?? 'Something went wrong'}
      </h1>
      <p>
        {offline
          ? 'The server could not be reached. Check your connection and try again.'
          : `The server answered with an error (${error.status}): ${error.message}`}
      </p>
      {onRetry ? (
        <p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** An empty list: says so, and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
