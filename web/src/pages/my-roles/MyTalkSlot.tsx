// A student's presentation day (mid-semester talks): "Your group presents on Mon Oct 21, 2nd of 4", the class time and when the slides are due.
import { useCallback, useEffect, useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { formatInstant, formatTimeRange } from '../../time.js';
import type { MyTalksBody } from '../../../../src/contracts/talk-slots.js';

export function MyTalkSlot({ slug }: { slug: string }) {
  const [data, setData] = useState<MyTalksBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    call<MyTalksBody>('GET', `/api/courses/${encodeURIComponent(slug)}/my-talk-slot`).then(
      setData,
      (e: unknown) => setError(messageOf(e)),
    );
  }, [slug]);
  useEffect(load, [load]);

  if (error) {
    return (
      <section className="my-talk" aria-labelledby="my-talk">
        <h2 id="my-talk">Presentation day</h2>
        <div className="form-error" role="alert">
          <p>Your presentation day could not be loaded: {error}</p>
          <button type="button" className="button button-secondary" onClick={load}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  // Loading: the roles above already show a loading line; this section appears when it has something to say.
  if (!data || data.talks.length === 0) return null;
  return (
    <>
      {data.talks.map((t) => (
        <section key={t.deliverableKey} className="my-talk" aria-labelledby={`talk-${t.deliverableKey}`}>
          <h2 id={`talk-${t.deliverableKey}`}>{t.title}</h2>
          {!data.groupId ? (
            <p>
              Groups present on the presentation days.{' '}
              <a href={`/courses/${slug}/groups`}>Form or join a group</a> first.
            </p>
          ) : !t.published ? (
            <p>The staff have not published the presentation days yet. Your group's day will show here.</p>
          ) : !t.talk ? (
            <p>{data.groupName} has no presentation day. Ask the staff (they place every group).</p>
          ) : (
            <>
              <p className="lede">
                <strong>{t.talk.sentence}</strong>
              </p>
              <ul>
                {t.talk.classStart && t.talk.classEnd ? (
                  <li>
                    Class: {formatTimeRange(t.talk.classStart, t.talk.classEnd, data.timeZone)}
                    {t.talk.startTime ? `; your talk starts at ${t.talk.startTime}` : ''}.
                  </li>
                ) : null}
                {t.talk.slidesDueAt ? (
                  <li>Slides due: {formatInstant(t.talk.slidesDueAt, data.timeZone)}.</li>
                ) : null}
                <li>
                  Hand in the slides on <a href={`/courses/${slug}/due`}>What is due</a>.
                </li>
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  );
}
