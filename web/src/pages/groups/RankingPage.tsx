// A group ranks the papers it would like to present: add, reorder (buttons, keyboard, drag), remove, save; shows who changed the ranking and when.
import { useCallback, useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { formatDay, formatInstant } from '../../time.js';
import type { RankingBody } from '../../../../src/contracts/groups.js';
import '../../auth/auth.css';
import '../assignment/assignment.css';
import { RankedList } from './RankedList.js';

export default function RankingPage() {
  const course = useCourse();
  useDocumentTitle('Ranking', [course.code, course.title].filter(Boolean).join(' '));
  const base = `/api/courses/${encodeURIComponent(course.slug)}`;
  const [data, setData] = useState<RankingBody | null>(null);
  const [ranking, setRanking] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);

  const load = useCallback(() => {
    call<RankingBody>('GET', `${base}/groups/mine/preferences`).then(
      (body) => {
        setData(body);
        setRanking(body.ranking);
        setDirty(false);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [base]);
  useEffect(load, [load]);

  if (!course.abilities.manageOwnGroup) {
    return (
      <Empty>
        <h1>Ranking</h1>
        <p>Students rank the meetings their group would like to present.</p>
      </Empty>
    );
  }
  if (!data) {
    return (
      <>
        <h1>Ranking</h1>
        {error ? (
          <p>
            {error} <a href={`/courses/${course.slug}/groups`}>Go to groups</a>
          </p>
        ) : (
          <Loading label="Loading your ranking" />
        )}
      </>
    );
  }

  const byId = new Map(data.meetings.map((m) => [m.id, m]));
  /** A class's paper by its own title (the class title only when it lists no paper). */
  const paperOf = (id: string) => {
    const m = byId.get(id);
    return m ? (m.readings[0] ?? m.title ?? 'Lecture') : id;
  };
  const detailOf = (id: string) => {
    const m = byId.get(id);
    if (!m) return '';
    const more = m.readings.length - 1;
    return `· ${formatDay(m.date)}${more > 0 ? ` · with ${m.readings.slice(1).join('; ')}` : ''}`;
  };
  const label = (id: string) => `${paperOf(id)} (${formatDay(byId.get(id)?.date ?? '')})`;
  const change = (next: string[]) => {
    setRanking(next);
    setDirty(true);
    setNotice(null);
  };
  const editable = !data.deadlinePassed;
  const unranked = data.meetings.filter((m) => !ranking.includes(m.id));
  const last = data.history[0];

  return (
    <>
      <h1>Ranking of {data.groupName}</h1>
      <p className="lede">
        Rank the lectures your group would like to present, best first — all {data.meetings.length} or only
        some. The latest ranking saved by any member counts.
        {data.deadline
          ? ` ${editable ? 'Open until' : 'Closed since'} ${formatInstant(data.deadline, course.timeZone)}.`
          : ''}
      </p>
      {last ? (
        <p className="muted">
          Last changed by {last.by ?? 'staff'} on {formatInstant(last.at, course.timeZone)} ({last.count}{' '}
          ranked).
        </p>
      ) : (
        <p className="muted">No ranking saved yet.</p>
      )}
      <FormNotice message={notice} />
      <FormError message={error} />
      <section className="section" aria-labelledby="ranked">
        <h2 id="ranked">Your ranking ({ranking.length})</h2>
        {ranking.length === 0 ? (
          <p>Nothing ranked yet: add lectures from the list below.</p>
        ) : (
          <RankedList
            items={ranking.map((id) => ({ id, name: paperOf(id), detail: detailOf(id) }))}
            editable={editable}
            onChange={change}
            onRemove={(id) => change(ranking.filter((x) => x !== id))}
          />
        )}
        {editable ? (
          <button
            type="button"
            className="button"
            disabled={!dirty}
            onClick={() => {
              setError(null);
              call<RankingBody>('PUT', `${base}/groups/mine/preferences`, { meetingIds: ranking }).then(
                (body) => {
                  setData(body);
                  setRanking(body.ranking);
                  setDirty(false);
                  setNotice(
                    `Ranking saved (${body.ranking.length} lecture${body.ranking.length === 1 ? '' : 's'}).`,
                  );
                },
                (e: unknown) => setError(messageOf(e)),
              );
            }}
          >
            Save ranking
          </button>
        ) : null}
      </section>
      {editable ? (
        <section className="section" aria-labelledby="unranked">
          <h2 id="unranked">Lectures not ranked ({unranked.length})</h2>
          <ul className="panel-list">
            {unranked.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="button button-secondary small"
                  aria-label={`Add ${label(m.id)}`}
                  onClick={() => change([...ranking, m.id])}
                >
                  Add
                </button>{' '}
                <span className="paper">{paperOf(m.id)}</span>
                <span className="muted"> {detailOf(m.id)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
