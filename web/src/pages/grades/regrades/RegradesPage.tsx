// Regrade requests for staff: each student's request with its reason, answered with a text and, when the score changes, the new points.
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useCourse, useDocumentTitle } from '../../../course-context.js';
import { Empty, ErrorState, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { FormError } from '../../../auth/Field.js';
import { SignInLink } from '../../../auth/SignInLink.js';
import { formatInstant } from '../../../time.js';
import { gradesApi } from '../mine/grades-client.js';
import type { StaffRegrade } from '../mine/grade-types.js';
import { trimPoints } from '../mine/grade-words.js';
import '../../../auth/auth.css';
import '../mine/my-grades.css';
import { useLoaded } from '../../../components/use-loaded.js';

export default function RegradesPage() {
  const course = useCourse();
  useDocumentTitle('Regrade requests', [course.code, course.title].filter(Boolean).join(' '));
  if (!course.abilities.grade) {
    return (
      <Empty>
        <h1>Regrade requests</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as course staff to answer regrade requests.
        </p>
      </Empty>
    );
  }
  return <Requests slug={course.slug} />;
}

function Requests({ slug }: { slug: string }) {
  const { data, error, reload: load } = useLoaded(useCallback(() => gradesApi.regrades(slug), [slug]));
  if (error) return <ErrorState error={error} title="Regrade requests could not be loaded" onRetry={load} />;
  if (!data) return <Loading label="Loading regrade requests" />;
  const open = data.regrades.filter((r) => r.answeredAt === null);
  const answered = data.regrades.filter((r) => r.answeredAt !== null);
  return (
    <>
      <h1>Regrade requests</h1>
      <p className="lede">
        Students may ask within {data.regradeDays} {data.regradeDays === 1 ? 'day' : 'days'} of an item’s
        release. Answer each in writing and, when the score changes, give the new points: both texts and the
        change are kept, and the answer goes to the audit log.
      </p>
      <section aria-labelledby="regrades-open">
        <h2 id="regrades-open">Waiting for an answer ({open.length})</h2>
        {open.length === 0 ? (
          <Empty>
            <p>
              {data.regrades.length === 0
                ? 'No student has asked for a regrade yet.'
                : 'Every request is answered.'}
            </p>
          </Empty>
        ) : (
          <ul className="regrade-list">
            {open.map((r) => (
              <li key={r.id}>
                <Request request={r} timeZone={data.timeZone}>
                  <AnswerForm slug={slug} request={r} onAnswered={load} />
                </Request>
              </li>
            ))}
          </ul>
        )}
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="regrades-answered">
          <h2 id="regrades-answered">Answered ({answered.length})</h2>
          <ul className="regrade-list">
            {answered.map((r) => (
              <li key={r.id}>
                <Request request={r} timeZone={data.timeZone}>
                  <p className="muted">Answered {formatInstant(r.answeredAt!, data.timeZone)}:</p>
                  <p className="grade-text">{r.answer}</p>
                  <p>
                    {r.pointsAfter !== null && r.pointsAfter !== r.pointsBefore
                      ? `Score changed from ${trimPoints(r.pointsBefore ?? '0')} to ${trimPoints(r.pointsAfter)}.`
                      : 'Score kept.'}
                  </p>
                </Request>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Request({
  request,
  timeZone,
  children,
}: {
  request: StaffRegrade;
  timeZone: string;
  children: ReactNode;
}) {
  const titleId = `regrade-${request.id}`;
  return (
    <article className="grade-item" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {request.studentName}: {request.itemTitle}
      </h3>
      <p className="muted">
        Asked {formatInstant(request.createdAt, timeZone)}
        {request.pointsNow !== null && request.pointsPossible !== null
          ? ` · now ${trimPoints(request.pointsNow)} / ${trimPoints(request.pointsPossible)} points`
          : ''}
      </p>
      <p className="grade-text">{request.reason}</p>
      {children}
    </article>
  );
}

function AnswerForm({
  slug,
  request,
  onAnswered,
}: {
  slug: string;
  request: StaffRegrade;
  onAnswered: () => void;
}) {
  const [answer, setAnswer] = useState('');
  const [points, setPoints] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `answer-${request.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (answer.trim() === '') {
      setError('Write an answer.');
      return;
    }
    setBusy(true);
    const body = points.trim() === '' ? { answer } : { answer, points: points.trim() };
    gradesApi.answer(slug, request.id, body).then(
      () => {
        setBusy(false);
        onAnswered();
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return (
    <form
      className="regrade-answer"
      onSubmit={submit}
      aria-label={`Answer ${request.studentName}`}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>Answer</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={5000}
          required
          value={answer}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-points`}>New points (optional)</label>
        <input
          id={`${id}-points`}
          inputMode="decimal"
          value={points}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setPoints(e.target.value)}
        />
        <span className="hint" id={`${id}-hint`}>
          {request.pointsNow === null
            ? 'Leave empty to answer without a score.'
            : `Leave empty to keep ${trimPoints(request.pointsNow)}.`}
          {request.pointsPossible === null ? '' : ` Out of ${trimPoints(request.pointsPossible)}.`}
        </span>
      </div>
      <FormError message={error} />
      <button className="button" type="submit" disabled={busy}>
        Send answer
      </button>
    </form>
  );
}
