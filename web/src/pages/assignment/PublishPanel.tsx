// Publishing the roles: first publish, publishing the changes since the last publish (says which groups get mail, confirmed first), or taking the roles back.
import { useState } from 'react';
import { formatInstant } from '../../time.js';

function listOf(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function PublishPanel({
  publishedAt,
  wouldMail,
  timeZone,
  hasRoles,
  onPublish,
}: {
  publishedAt: string | null;
  /** Groups whose roles changed since the last publish: publishing mails their members. */
  wouldMail: string[];
  timeZone: string;
  hasRoles: boolean;
  onPublish: (published: boolean) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const n = wouldMail.length;
  const groups = `${n} group${n === 1 ? '' : 's'}`;
  const run = async (published: boolean) => {
    setBusy(true);
    try {
      await onPublish(published);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const publishLabel = publishedAt ? 'Publish the changes' : 'Publish roles';
  return (
    <section className="section" aria-labelledby="publish">
      <h2 id="publish">Publishing</h2>
      <p>
        {publishedAt
          ? `Published ${formatInstant(publishedAt, timeZone)}: students and the schedule show the roles in force.`
          : 'Not published: only staff see the roles.'}{' '}
        {n > 0
          ? `Since the last publish, the roles of ${groups} changed (${listOf(wouldMail)}): publishing mails their members what changed.`
          : publishedAt
            ? 'No group’s roles changed since then.'
            : ''}
      </p>
      {confirming ? (
        <div className="notice" role="group" aria-labelledby="publish-confirm">
          <p id="publish-confirm">
            <strong>
              Publishing mails the members of {groups}: {listOf(wouldMail)}.
            </strong>{' '}
            Each member gets one mail listing the roles their group gained or lost.
          </p>
          <div className="toolbar">
            <button type="button" className="button" disabled={busy} onClick={() => void run(true)}>
              Publish and mail {groups}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="toolbar">
          {!publishedAt || n > 0 ? (
            <button
              type="button"
              className="button"
              disabled={busy || !hasRoles}
              onClick={() => (n > 0 ? setConfirming(true) : void run(true))}
            >
              {n > 0 ? `${publishLabel}…` : publishLabel}
            </button>
          ) : null}
          {publishedAt ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void run(false)}
            >
              Unpublish roles
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
