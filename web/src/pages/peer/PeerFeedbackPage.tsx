// Peer feedback on presentations: classmates rate a student-led class; presenters read medians and comments without names; staff read all and set the weight.
import { useCallback, useState, type FormEvent } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { useServerNow } from '../../components/server-now.js';
import { Html } from '../../components/Html.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { Link, useLocation } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay, formatInstant } from '../../time.js';
import { peerWindowWords } from './window-words.js';
import {
  peerApi,
  type PeerClassView,
  type PeerList,
  type PeerRubric,
  type PeerSummary,
} from './peer-client.js';
import '../../auth/auth.css';
import './peer.css';
import { useLoaded } from '../../components/use-loaded.js';

export default function PeerFeedbackPage() {
  const course = useCourse();
  useDocumentTitle('Peer feedback', [course.code, course.title].filter(Boolean).join(' '));
  const { search } = useLocation();
  const date = new URLSearchParams(search).get('date');
  if (!course.abilities.viewPrivate) {
    return (
      <Empty>
        <h1>Peer feedback</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of the course to rate presentations.
        </p>
      </Empty>
    );
  }
  return date ? <ClassPage slug={course.slug} date={date} /> : <ListPage slug={course.slug} />;
}

function classUrl(slug: string, date: string) {
  return `${coursePageUrl(slug, 'feedback')}?date=${encodeURIComponent(date)}`;
}

function classLabel(c: { date: string; title: string | null }) {
  return `${formatDay(c.date)}${c.title ? `: ${c.title}` : ''}`;
}

function ListPage({ slug }: { slug: string }) {
  const now = useServerNow();
  const { data, error, reload: load } = useLoaded(useCallback(() => peerApi.list(slug), [slug]));
  if (error) return <ErrorState error={error} title="Peer feedback could not be loaded" onRetry={load} />;
  if (!data) return <Loading label="Loading peer feedback" />;
  return (
    <>
      <h1>Peer feedback</h1>
      <p className="lede">
        After each class a group presents, classmates rate the presentation on{' '}
        {data.rubric.criteria.map((c) => c.title.toLowerCase()).join(', ')} ({data.rubric.scale.min}–
        {data.rubric.scale.max}) and may leave a comment, until the end of the next day. Presenters see the
        medians and comments, never who wrote them.
      </p>
      {data.view === 'staff' ? <SettingsForm slug={slug} list={data} onSaved={load} /> : null}
      {data.classes.length === 0 ? (
        <p>No group presents a class yet: peer feedback opens once the roles are assigned.</p>
      ) : (
        <ul className="peer-classes">
          {data.classes.map((c) => (
            <li key={c.date}>
              <Link to={classUrl(slug, c.date)}>{classLabel(c)}</Link>
              <span className="muted"> · {peerWindowWords(c, now, data.timeZone)}</span>
              {data.view === 'staff' ? (
                <span> · {plural((c as { ratings: number }).ratings, 'rating')}</span>
              ) : (
                <StudentState c={c as Extract<PeerList, { view: 'student' }>['classes'][number]} />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function StudentState({ c }: { c: Extract<PeerList, { view: 'student' }>['classes'][number] }) {
  if (c.presenter) return <span> · You presented: read your classmates’ feedback</span>;
  if (c.blocker === 'joined-after') return <span> · Before you joined: not asked</span>;
  if (c.rated) return <span> · You rated it</span>;
  if (c.blocker === null) return <strong> · Not rated yet</strong>;
  return null;
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function SettingsForm({
  slug,
  list,
  onSaved,
}: {
  slug: string;
  list: Extract<PeerList, { view: 'staff' }>;
  onSaved: () => void;
}) {
  const [counts, setCounts] = useState(list.settings.counts);
  const [weight, setWeight] = useState(list.settings.weight);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    peerApi.settings(slug, { counts, weight }).then(
      (r) => {
        setNotice(
          r.settings.counts
            ? `The peer median now makes up ${r.settings.weight} % of each presentation’s score.`
            : 'Peer feedback does not count in presentation scores.',
        );
        onSaved();
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <form className="peer-settings" onSubmit={submit} aria-labelledby="peer-settings-title">
      <h2 id="peer-settings-title">In the presentation grade</h2>
      <div className="peer-check">
        <input
          id="peer-counts"
          type="checkbox"
          checked={counts}
          disabled={!list.abilities.editSettings}
          onChange={(e) => setCounts(e.target.checked)}
        />
        <label htmlFor="peer-counts">Count the peer median in each class presentation’s score</label>
      </div>
      <div className="field">
        <label htmlFor="peer-weight">Weight of the peer median (%)</label>
        <input
          id="peer-weight"
          inputMode="decimal"
          value={weight}
          disabled={!list.abilities.editSettings}
          aria-describedby="peer-weight-hint"
          onChange={(e) => setWeight(e.target.value)}
        />
        <p id="peer-weight-hint" className="muted">
          0 to 100. Staff’s own score makes up the rest.
        </p>
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
      {list.abilities.editSettings ? (
        <button className="button" type="submit">
          Save
        </button>
      ) : null}
    </form>
  );
}

function ClassPage({ slug, date }: { slug: string; date: string }) {
  const now = useServerNow();
  const {
    data,
    error,
    reload: load,
    setData,
  } = useLoaded(useCallback(() => peerApi.class(slug, date), [slug, date]));
  const back = (
    <p>
      <Link to={coursePageUrl(slug, 'feedback')}>All peer feedback</Link>
    </p>
  );
  if (error)
    return (
      <>
        {back}
        <ErrorState error={error} title="This class’s feedback could not be loaded" onRetry={load} />
      </>
    );
  if (!data) return <Loading label="Loading the class’s feedback" />;
  const zone = data.timeZone;
  return (
    <>
      {back}
      <h1>Peer feedback: {classLabel(data.class)}</h1>
      <p className="lede">{peerWindowWords(data.class, now, zone)}.</p>
      {data.view === 'staff' ? (
        <>
          <Summary summary={data.summary} rubric={data.rubric} title="Medians" />
          <section aria-labelledby="peer-ratings-title">
            <h2 id="peer-ratings-title">Every rating</h2>
            {data.ratings.length === 0 ? (
              <p>Nobody has rated this class yet.</p>
            ) : (
              <div
                className="table-scroll"
                data-scroll-container=""
                tabIndex={0}
                role="region"
                aria-label="Every rating, by classmate"
              >
                <table className="peer-table">
                  <thead>
                    <tr>
                      <th scope="col">Classmate</th>
                      {data.rubric.criteria.map((c) => (
                        <th key={c.key} scope="col">
                          {c.title}
                        </th>
                      ))}
                      <th scope="col">Comment</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.ratings.map((r) => (
                      <tr key={r.rater.id}>
                        <th scope="row">{r.rater.name}</th>
                        {data.rubric.criteria.map((c) => (
                          <td key={c.key}>{r.scores[c.key]}</td>
                        ))}
                        <td>
                          {r.commentHtml ? (
                            <Html html={r.commentHtml} />
                          ) : (
                            <span className="muted">None</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p>
              {data.notRated.length === 0
                ? 'Everyone asked has rated it.'
                : `Not rated yet: ${data.notRated.map((p) => p.name).join(', ')}.`}
            </p>
          </section>
        </>
      ) : data.presenter ? (
        <>
          <p>{data.blockerMessage}</p>
          {data.summary ? (
            <Summary summary={data.summary} rubric={data.rubric} title="What your classmates said" />
          ) : null}
        </>
      ) : data.blocker === null ? (
        <RatingForm slug={slug} data={data} onSaved={setData} />
      ) : (
        <>
          <p role="status">{data.blockerMessage}</p>
          {data.mine ? <MyRating rubric={data.rubric} mine={data.mine} zone={zone} /> : null}
        </>
      )}
    </>
  );
}

function Summary({ summary, rubric, title }: { summary: PeerSummary; rubric: PeerRubric; title: string }) {
  return (
    <section aria-labelledby="peer-summary-title">
      <h2 id="peer-summary-title">{title}</h2>
      {summary.count === 0 ? (
        <p>Nobody has rated this class yet.</p>
      ) : (
        <>
          <p>
            {plural(summary.count, 'classmate')} rated it. Median scores ({rubric.scale.min}–
            {rubric.scale.max}
            ), a peer score of {summary.percent} %:
          </p>
          <dl className="peer-medians">
            {rubric.criteria.map((c) => (
              <div key={c.key}>
                <dt>{c.title}</dt>
                <dd>{summary.medians[c.key]}</dd>
              </div>
            ))}
          </dl>
          <h3>Comments</h3>
          {summary.comments.length === 0 ? (
            <p>No comments.</p>
          ) : (
            <ul className="peer-comments">
              {summary.comments.map((html, i) => (
                <li key={i}>
                  <Html html={html} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function MyRating({
  rubric,
  mine,
  zone,
}: {
  rubric: PeerRubric;
  mine: { scores: Record<string, number>; comment: string; updatedAt: string };
  zone: string;
}) {
  return (
    <section aria-labelledby="peer-mine-title">
      <h2 id="peer-mine-title">Your rating</h2>
      <dl className="peer-medians">
        {rubric.criteria.map((c) => (
          <div key={c.key}>
            <dt>{c.title}</dt>
            <dd>{mine.scores[c.key]}</dd>
          </div>
        ))}
      </dl>
      {mine.comment ? <p className="peer-comment-text">{mine.comment}</p> : null}
      <p className="muted">Saved {formatInstant(mine.updatedAt, zone)}.</p>
    </section>
  );
}

function RatingForm({
  slug,
  data,
  onSaved,
}: {
  slug: string;
  data: Extract<PeerClassView, { view: 'student' }>;
  onSaved: (d: PeerClassView) => void;
}) {
  const [scores, setScores] = useState<Record<string, number>>(data.mine?.scores ?? {});
  const [comment, setComment] = useState(data.mine?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { min, max } = data.rubric.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const missing = data.rubric.criteria.find((c) => scores[c.key] === undefined);
    if (missing) {
      setError(`${missing.title}: give a score from ${min} to ${max}.`);
      return;
    }
    setBusy(true);
    peerApi.rate(slug, data.class.date, { scores, comment }).then(
      (d) => {
        setBusy(false);
        setNotice('Your rating is saved. You can change it until feedback closes.');
        onSaved(d);
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return (
    <form className="peer-form" onSubmit={submit} aria-labelledby="peer-form-title">
      <h2 id="peer-form-title">{data.mine ? 'Change your rating' : 'Rate the presentation'}</h2>
      <p className="muted">
        {min} is poor, {max} excellent. The presenters see the medians and comments, never who wrote them.
      </p>
      {data.rubric.criteria.map((c) => (
        <fieldset key={c.key} className="peer-scale" aria-describedby={`peer-${c.key}-hint`}>
          <legend>{c.title}</legend>
          <p id={`peer-${c.key}-hint`} className="muted">
            {c.description}
          </p>
          <div className="peer-options">
            {values.map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={`peer-${c.key}`}
                  value={v}
                  checked={scores[c.key] === v}
                  onChange={() => setScores((s) => ({ ...s, [c.key]: v }))}
                />
                {v}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor="peer-comment">Comment (optional, Markdown)</label>
        <textarea
          id="peer-comment"
          rows={4}
          maxLength={data.rubric.commentMax}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
      <button className="button" type="submit" disabled={busy}>
        {data.mine ? 'Save changes' : 'Send rating'}
      </button>
    </form>
  );
}
