// Whether students see the item's scores: the release (after a confirm step: each student is mailed) and taking it back.
import { useState } from 'react';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { formatDay, formatInstant } from '../../../time.js';
import { queueApi, queueOrder, type ItemQueue } from './queue-client.js';

export function ReleasePanel({
  slug,
  queue,
  onChanged,
}: {
  slug: string;
  queue: ItemQueue;
  onChanged: () => void;
}) {
  const { item, timeZone } = queue;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { ungraded, graded } = queueOrder(queue.entries);
  const students = queue.entries
    .filter((e) => e.state !== 'before-joined' && e.state !== 'not-member')
    .reduce((n, e) => n + e.holders.length, 0);
  const act = (released: boolean) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    queueApi.release(slug, item.id, released).then(
      (r) => {
        setBusy(false);
        setConfirming(false);
        setNotice(
          released
            ? `Released. ${r.mailed} student${r.mailed === 1 ? ' is' : 's are'} being told by e-mail.`
            : 'The release is taken back: students no longer see these scores.',
        );
        onChanged();
      },
      (e: unknown) => {
        setBusy(false);
        setError(messageOf(e));
      },
    );
  };
  return (
    <section className="release-panel" aria-labelledby="release-title">
      <p className="item-meta muted">
        {item.meetingDate && !item.title.includes(item.meetingDate)
          ? `${formatDay(item.meetingDate)} · `
          : ''}
        {item.pointsPossible} points · {item.audience === 'group' ? 'graded once per group' : 'per student'}
        {item.dueAt ? ` · due ${formatInstant(item.dueAt, timeZone)}` : ''}
      </p>
      <h2 id="release-title" className="visually-hidden">
        Release
      </h2>
      <p className="release-state">
        {item.released && item.releasedAt ? (
          <>
            <span className="badge release-badge">Released</span> {formatInstant(item.releasedAt, timeZone)}:
            students see their scores and comments.
          </>
        ) : (
          <>
            <span className="badge">Not released</span> {graded.length} graded, {ungraded.length} to grade.
            Students see nothing of these scores until you release them.
          </>
        )}
      </p>
      <FormError message={error} />
      <FormNotice message={notice} />
      {item.released ? (
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => act(false)}>
          Take back the release
        </button>
      ) : confirming ? (
        <div className="release-confirm" role="group" aria-labelledby="release-confirm-text">
          <p id="release-confirm-text">
            Release “{item.title}” to its {students} student{students === 1 ? '' : 's'}? Each is e-mailed that
            the grade is out.
            {ungraded.length > 0 ? ` ${ungraded.length} still ungraded: they see “not graded yet”.` : ''}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => act(true)}>
            Release and e-mail the students
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Release to students…
        </button>
      )}
    </section>
  );
}
