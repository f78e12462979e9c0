// During a class, for students: the check-in code shown in class marks you present (on the course home and What is due).
import { useState } from 'react';
import { useCourse } from '../../course-context.js';
import { useServerNow } from '../../components/server-now.js';
import { messageOf } from '../../auth/client.js';
import { formatInstant } from '../../time.js';
import { workApi } from '../work/work-client.js';
import '../work/work.css';
import '../../auth/auth.css';

/** During a class: the code shown on the projector marks you present. */
export function CheckIn() {
  const course = useCourse();
  const now = useServerNow();
  const live = course.meetings.find(
    (m) => m.startsAt && m.endsAt && Date.parse(m.startsAt) <= now && now <= Date.parse(m.endsAt),
  );
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!live) return null;
  if (message) {
    return (
      <section className="card check-in" aria-labelledby="check-in-title">
        <h2 id="check-in-title">Checked in</h2>
        <p role="status">{message}</p>
      </section>
    );
  }
  return (
    <form
      className="hand-in check-in card"
      aria-labelledby="check-in-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (code.trim() === '') {
          setError('Type the code shown in class.');
          return;
        }
        setBusy(true);
        workApi
          .checkIn(course.slug, live.date, code.trim())
          .then(
            () => setMessage('You are checked in for today’s class.'),
            (err: unknown) => setError(messageOf(err)),
          )
          .finally(() => setBusy(false));
      }}
    >
      <h2 id="check-in-title">Check in to today’s class</h2>
      <div className="field">
        <label htmlFor="check-in-code">Check-in code shown in class</label>
        <input
          id="check-in-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'check-in-error' : 'check-in-hint'}
        />
        {error ? (
          <span className="field-error" id="check-in-error">
            {error}
          </span>
        ) : (
          <span className="hint" id="check-in-hint">
            The code works until the class ends ({formatInstant(live.endsAt!, course.timeZone)}).
          </span>
        )}
      </div>
      <div className="hand-in-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Checking in…' : 'Check in'}
        </button>
      </div>
    </form>
  );
}
