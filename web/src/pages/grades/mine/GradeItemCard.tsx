// One grade item as its student sees it: the score with its rubric and staff comment when released, else why it shows none; its regrade requests.
import { useState, type FormEvent } from 'react';
import { Html } from '../../../components/Html.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { formatInstant, fromNow } from '../../../time.js';
import { gradesApi } from './grades-client.js';
import type { MyItem, Regrade } from './grade-types.js';
import { pointsOf, stateBadge, stateSentence, tallyWords, trimPoints } from './grade-words.js';

interface Props {
  slug: string;
  item: MyItem;
  category: string;
  regrades: Regrade[];
  timeZone: string;
  now: number;
  onChanged: () => void;
}

/** Items whose points are shown: released and counting for this student. */
const SHOWN = new Set(['scored', 'late-zero', 'missing']);

export function GradeItemCard({ slug, item, category, regrades, timeZone, now, onChanged }: Props) {
  const titleId = `item-${item.id}`;
  const shown = SHOWN.has(item.state);
  const sentence = stateSentence(item, category);
  return (
    <article className="grade-item" aria-labelledby={titleId}>
      <div className="grade-item-head">
        <h3 id={titleId}>{item.title}</h3>
        <span className={`badge ${shown ? 'badge-kind' : 'badge-optional'}`}>{stateBadge(item)}</span>
      </div>
      {shown ? <p className="grade-points">{pointsOf(item)}</p> : null}
      {sentence ? <p className="muted">{sentence}</p> : null}
      {item.state === 'not-due' && item.dueAt ? (
        <p className="muted">Due {formatInstant(item.dueAt, timeZone)}.</p>
      ) : null}
      {shown && item.participation ? (
        <ul className="grade-tally">
          <li>{tallyWords('Classes', item.participation.attendance)}</li>
          <li>{tallyWords('Question days', item.participation.questions)}</li>
        </ul>
      ) : null}
      {shown && item.rubric && item.rubric.length > 0 ? <Rubric item={item} /> : null}
      {shown && item.commentHtml ? (
        <div className="grade-comment">
          <h4>Comment from staff</h4>
          <Html html={item.commentHtml} topHeading={5} />
        </div>
      ) : null}
      {item.released && shown ? (
        <RegradePart
          slug={slug}
          item={item}
          regrades={regrades}
          timeZone={timeZone}
          now={now}
          onChanged={onChanged}
        />
      ) : null}
    </article>
  );
}

function Rubric({ item }: { item: MyItem }) {
  const scores = item.rubricScores ?? {};
  return (
    <table className="grade-rubric">
      <caption>Rubric</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col" className="num">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {item.rubric!.map((c) => (
          <tr key={c.key}>
            <th scope="row">
              {c.title}
              {c.description ? <span className="grade-rubric-hint">{c.description}</span> : null}
            </th>
            <td className="num">
              {scores[c.key] === undefined ? (
                <>
                  <span className="muted">not scored</span> / {trimPoints(c.points)}
                </>
              ) : (
                `${trimPoints(scores[c.key]!)} / ${trimPoints(c.points)}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RegradePart({ slug, item, regrades, timeZone, now, onChanged }: Omit<Props, 'category'>) {
  const pending = regrades.some((r) => r.answeredAt === null);
  return (
    <div className="grade-regrade">
      {regrades.map((r) => (
        <RegradeState key={r.id} regrade={r} timeZone={timeZone} possible={item.pointsPossible} />
      ))}
      {pending ? null : item.regradeOpen && item.regradeUntil ? (
        <RegradeForm
          slug={slug}
          item={item}
          until={item.regradeUntil}
          timeZone={timeZone}
          now={now}
          onSent={onChanged}
        />
      ) : item.regradeUntil ? (
        <p className="muted">
          Regrade requests for this item closed {formatInstant(item.regradeUntil, timeZone)}.
        </p>
      ) : null}
    </div>
  );
}

function RegradeState({
  regrade,
  timeZone,
  possible,
}: {
  regrade: Regrade;
  timeZone: string;
  possible: string;
}) {
  const changed = regrade.pointsAfter !== null && regrade.pointsAfter !== regrade.pointsBefore;
  return (
    <section className="grade-regrade-state" aria-label="Your regrade request">
      <h4>
        Regrade request{' '}
        <span className={`badge ${regrade.answeredAt ? 'badge-kind' : 'badge-required'}`}>
          {regrade.answeredAt ? 'Answered' : 'Waiting for an answer'}
        </span>
      </h4>
      <p className="muted">You asked {formatInstant(regrade.createdAt, timeZone)}:</p>
      <p className="grade-text">{regrade.reason}</p>
      {regrade.answeredAt ? (
        <>
          <p className="muted">Staff answered {formatInstant(regrade.answeredAt, timeZone)}:</p>
          <p className="grade-text">{regrade.answer}</p>
          <p>
            {changed
              ? `Your score changed from ${trimPoints(regrade.pointsBefore ?? '0')} to ${trimPoints(regrade.pointsAfter!)} of ${trimPoints(possible)} points.`
              : 'Your score stays as it was.'}
          </p>
        </>
      ) : (
        <p>Staff answer here; you are not asked to do anything meanwhile.</p>
      )}
    </section>
  );
}

function RegradeForm({
  slug,
  item,
  until,
  timeZone,
  now,
  onSent,
}: {
  slug: string;
  item: MyItem;
  until: string;
  timeZone: string;
  now: number;
  onSent: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `regrade-${item.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (reason.trim() === '') {
      setError('Say what you would like looked at again.');
      return;
    }
    setBusy(true);
    gradesApi.askRegrade(slug, item.id, reason).then(
      () => {
        setBusy(false);
        setNotice('Your request is sent. The answer will show here.');
        onSent();
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return (
    <details className="grade-regrade-ask">
      <summary>Ask for a regrade</summary>
      <form onSubmit={submit} aria-label={`Ask for a regrade of ${item.title}`} noValidate>
        <div className="field">
          <label htmlFor={id}>What should be looked at again, and why?</label>
          <textarea
            id={id}
            rows={4}
            maxLength={5000}
            required
            value={reason}
            aria-describedby={`${id}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <span className="hint" id={`${id}-hint`}>
            You can ask until {formatInstant(until, timeZone)} ({fromNow(until, now, timeZone)}). Staff answer
            in writing and may change the score.
          </span>
        </div>
        <FormError message={error} />
        <FormNotice message={notice} />
        <button className="button" type="submit" disabled={busy}>
          Send request
        </button>
      </form>
    </details>
  );
}
