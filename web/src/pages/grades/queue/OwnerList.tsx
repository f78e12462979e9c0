// Who holds the item: those still to grade first, then those graded (with their points), then those it is not theirs; the shortcuts to walk them.
import { Link } from '../../../router.js';
import { queueOrder, type QueueEntry, type QueueItem } from './queue-client.js';
import { queueUrl } from './urls.js';

const NOT_THEIRS: Partial<Record<QueueEntry['state'], string>> = {
  'before-joined': 'before they joined',
  'not-member': 'not a member then',
};

export function OwnerList({
  slug,
  item,
  entries,
  current,
}: {
  slug: string;
  item: QueueItem;
  entries: QueueEntry[];
  current: string | null;
}) {
  const { ungraded, graded, other } = queueOrder(entries);
  const row = (e: QueueEntry, note: string) => (
    <li key={e.subject}>
      <Link to={queueUrl(slug, item.id, e.subject)} aria-current={e.subject === current ? 'true' : undefined}>
        {e.name}
      </Link>{' '}
      <span className="muted">{note}</span>
    </li>
  );
  return (
    <nav className="owner-lists" aria-label="Students and groups of this item">
      <section aria-labelledby="ungraded-title">
        <h2 id="ungraded-title">
          To grade <span className="count">{ungraded.length}</span>
        </h2>
        {ungraded.length === 0 ? (
          <p className="muted">Everyone is graded.</p>
        ) : (
          <ul>{ungraded.map((e) => row(e, e.handIn ? '' : '· nothing handed in'))}</ul>
        )}
      </section>
      <section aria-labelledby="graded-title">
        <h2 id="graded-title">
          Graded <span className="count">{graded.length}</span>
        </h2>
        {graded.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul>
            {graded.map((e) => row(e, e.excused ? '· excused' : `· ${e.points} / ${item.pointsPossible}`))}
          </ul>
        )}
      </section>
      {other.length > 0 ? (
        <section aria-labelledby="other-title">
          <h2 id="other-title">
            Not counted <span className="count">{other.length}</span>
          </h2>
          <ul>{other.map((e) => row(e, `· ${NOT_THEIRS[e.state] ?? ''}`))}</ul>
        </section>
      ) : null}
      <details className="queue-keys">
        <summary>Keyboard shortcuts</summary>
        <ul>
          <li>
            <kbd>j</kbd> / <kbd>k</kbd>: next / previous (outside a text field)
          </li>
          <li>
            <kbd>Alt</kbd> + <kbd>→</kbd> / <kbd>←</kbd>: next / previous, also while typing
          </li>
          <li>
            <kbd>Tab</kbd> moves through the criteria and the comment; <kbd>↑</kbd> / <kbd>↓</kbd> change a
            criterion’s points by half a point
          </li>
        </ul>
      </details>
    </nav>
  );
}
