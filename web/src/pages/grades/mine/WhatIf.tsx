// The what-if: choose an item not graded yet and a score (points, a percent or a letter); the server says what the course grade would be.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../../auth/client.js';
import { FormError } from '../../../auth/Field.js';
import { gradesApi } from './grades-client.js';
import type { MyGrades } from './grade-types.js';
import { notYetGraded, readWhatIfScore, trimPoints } from './grade-words.js';

export function WhatIf({ slug, data }: { slug: string; data: MyGrades }) {
  const candidates = notYetGraded(data.items);
  const [itemId, setItemId] = useState(candidates[0]?.id ?? '');
  const [score, setScore] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const item = candidates.find((i) => i.id === itemId) ?? candidates[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAnswer(null);
    if (!item) return;
    const read = readWhatIfScore(score, item.pointsPossible, data.cutoffs);
    if ('error' in read) {
      setError(read.error);
      return;
    }
    setBusy(true);
    gradesApi.whatIf(slug, item.id, read.points).then(
      (r) => {
        setBusy(false);
        setAnswer(
          r.final === null
            ? `With ${read.said} on ${item.title}, your course grade would still have nothing to count.`
            : `With ${read.said} on ${item.title}, your course grade would be ${r.final} % (${r.letter}).`,
        );
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return (
    <section className="grade-what-if card" aria-labelledby="what-if-title">
      <h2 id="what-if-title">What if</h2>
      {candidates.length === 0 || !item ? (
        <p>Every item of yours is graded: there is nothing left to imagine.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">
            Try a score on work not graded yet. Everything else stays as released; nothing is saved.
          </p>
          <div className="grade-what-if-fields">
            <div className="field">
              <label htmlFor="what-if-item">Item</label>
              <select
                id="what-if-item"
                value={item.id}
                onChange={(e) => {
                  setItemId(e.target.value);
                  setAnswer(null);
                }}
              >
                {candidates.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="what-if-score">Score</label>
              <input
                id="what-if-score"
                value={score}
                inputMode="text"
                autoComplete="off"
                aria-describedby={error ? 'what-if-error' : 'what-if-hint'}
                aria-invalid={error ? true : undefined}
                onChange={(e) => setScore(e.target.value)}
              />
              <span className="hint" id="what-if-hint">
                Points out of {trimPoints(item.pointsPossible)}, a percent (85 %) or a letter (
                {data.cutoffs
                  .slice(0, 3)
                  .map((c) => c.letter)
                  .join(', ')}
                , …).
              </span>
            </div>
          </div>
          <div id="what-if-error">
            <FormError message={error} />
          </div>
          <button className="button" type="submit" disabled={busy}>
            Show my grade
          </button>
          <p className="grade-what-if-answer" role="status" aria-live="polite">
            {answer}
          </p>
        </form>
      )}
    </section>
  );
}
