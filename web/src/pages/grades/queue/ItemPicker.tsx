// The grading queue's first step: every grade item by category, with how many of its students are still ungraded and whether it is released.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../api.js';
import { Empty, ErrorState, Loading } from '../../../components/states.js';
import { Link } from '../../../router.js';
import { formatDay } from '../../../time.js';
import { queueApi, type Gradebook, type QueueItem } from './queue-client.js';
import { queueUrl } from './urls.js';
import { asApiError } from '../../../components/use-loaded.js';

/** Students holding the item, and those of them still waiting for a score (handed in or past due). */
export function itemCounts(
  book: Gradebook,
  itemId: string,
): { holders: number; ungraded: number; graded: number } {
  let holders = 0;
  let ungraded = 0;
  let graded = 0;
  for (const s of book.students) {
    const cell = s.cells[itemId];
    if (!cell || cell.state === 'before-joined' || cell.state === 'not-member') continue;
    holders++;
    if (cell.points !== null || cell.state === 'excused') graded++;
    else if (cell.state === 'ungraded' || cell.state === 'missing') ungraded++;
  }
  return { holders, ungraded, graded };
}

export function ItemPicker({ slug }: { slug: string }) {
  const [book, setBook] = useState<Gradebook | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    queueApi.gradebook(slug).then(setBook, (e: unknown) => setError(asApiError(e)));
  }, [slug]);
  useEffect(load, [load]);
  if (error) return <ErrorState error={error} title="The grade items could not be loaded" onRetry={load} />;
  if (!book) return <Loading label="Loading the grade items" />;
  return (
    <>
      <h1>Grading queue</h1>
      <p className="lede">
        Pick an item, then grade each student or group in turn, the rubric beside the hand-in. Scores save as
        you type; students see them once you release the item.
      </p>
      {book.items.length === 0 ? (
        <Empty>
          <p>This course has no grade items yet: they come from its deliverables and presentation roles.</p>
        </Empty>
      ) : (
        book.categories.map((c) => {
          const items = book.items.filter((i) => i.categoryKey === c.key);
          if (items.length === 0) return null;
          return (
            <section key={c.key} className="queue-category" aria-labelledby={`cat-${c.key}`}>
              <h2 id={`cat-${c.key}`}>
                {c.name} <span className="muted">· {c.weight} %</span>
              </h2>
              <ul className="queue-items">
                {items.map((i) => (
                  <ItemRow key={i.id} slug={slug} item={i} counts={itemCounts(book, i.id)} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}

function ItemRow({
  slug,
  item,
  counts,
}: {
  slug: string;
  item: QueueItem;
  counts: ReturnType<typeof itemCounts>;
}) {
  return (
    <li>
      <Link to={queueUrl(slug, item.id)}>{item.title}</Link>
      <span className="muted">
        {' '}
        ·{' '}
        {item.meetingDate && !item.title.includes(item.meetingDate)
          ? `${formatDay(item.meetingDate)} · `
          : ''}
        {item.pointsPossible} points
      </span>
      <span className="queue-counts">
        {counts.holders === 0
          ? 'No student to grade yet'
          : `${counts.graded} of ${counts.holders} student${counts.holders === 1 ? '' : 's'} graded`}
        {counts.ungraded > 0 ? <strong> · {counts.ungraded} waiting</strong> : null}
        {item.released ? <span className="badge release-badge">Released</span> : null}
      </span>
    </li>
  );
}
