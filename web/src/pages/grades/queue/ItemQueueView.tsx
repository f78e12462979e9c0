// One item's queue: who is ungraded and who is graded, the owner being graded (hand-in beside the score), next / previous from the keyboard, and the release.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api.js';
import { Icon } from '../../../components/Icon.js';
import { Empty, ErrorState, Loading } from '../../../components/states.js';
import { Link, useNavigate } from '../../../router.js';
import type { ScoreDraft } from './draft.js';
import { HandInView } from './HandInView.js';
import { MemberOverrides } from './MemberOverrides.js';
import { OwnerList } from './OwnerList.js';
import { queueApi, queueOrder, type ItemQueue, type QueueEntry } from './queue-client.js';
import { ReleasePanel } from './ReleasePanel.js';
import { ScoreForm } from './ScoreForm.js';
import { useQueueKeys } from './use-queue-keys.js';
import { queueUrl } from './urls.js';
import { asApiError } from '../../../components/use-loaded.js';

export function ItemQueueView({
  slug,
  itemId,
  owner,
}: {
  slug: string;
  itemId: string;
  owner: string | null;
}) {
  const [data, setData] = useState<ItemQueue | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** The walking order, fixed when the item loads: an owner graded now stays where next / previous find it. */
  const [order, setOrder] = useState<string[]>([]);
  const navigate = useNavigate();
  const load = useCallback(
    (keepOrder = false) => {
      setError(null);
      queueApi.item(slug, itemId).then(
        (d) => {
          setData(d);
          if (!keepOrder) {
            const o = queueOrder(d.entries);
            setOrder([...o.ungraded, ...o.graded, ...o.other].map((e) => e.subject));
          }
        },
        (e: unknown) => setError(asApiError(e)),
      );
    },
    [slug, itemId],
  );
  useEffect(() => load(), [load]);

  const current = data ? (data.entries.find((e) => e.subject === owner) ?? null) : null;
  const currentSubject = current?.subject ?? order[0] ?? null;
  const at = currentSubject ? order.indexOf(currentSubject) : -1;
  const go = useCallback(
    (step: number, focus = true) => {
      if (at < 0) return;
      const next = order[at + step];
      if (!next) return;
      navigate(queueUrl(slug, itemId, next), { replace: true });
      if (focus)
        requestAnimationFrame(() =>
          (document.querySelector('.score-form .score-input') as HTMLElement | null)?.focus(),
        );
    },
    [at, order, navigate, slug, itemId],
  );
  useQueueKeys(go);

  const onSaved = useCallback((subject: string, saved: ScoreDraft, points: string | null) => {
    setData((d) =>
      d
        ? {
            ...d,
            entries: d.entries.map((e) =>
              e.subject === subject
                ? {
                    ...e,
                    points,
                    rubricScores: { ...saved.rubric },
                    comment: saved.comment,
                    excused: Boolean(saved.excused),
                  }
                : e,
            ),
          }
        : d,
    );
  }, []);
  const entry = useMemo(
    () => (data && currentSubject ? (data.entries.find((e) => e.subject === currentSubject) ?? null) : null),
    [data, currentSubject],
  );

  const back = (
    <p>
      <Link to={queueUrl(slug)}>
        <Icon name="arrow-left" />
        <span className="icon-label">All grade items</span>
      </Link>
    </p>
  );
  if (error)
    return (
      <>
        {back}
        <ErrorState error={error} title="This item’s queue could not be loaded" onRetry={() => load()} />
      </>
    );
  if (!data) return <Loading label="Loading the grading queue" />;
  const { item } = data;
  const nothingIn = item.handIn && data.entries.length > 0 && data.entries.every((e) => e.handIn === null);
  return (
    <div className="grading-queue">
      {back}
      <h1>{item.title}</h1>
      <ReleasePanel slug={slug} queue={data} onChanged={() => load(true)} />
      {data.entries.length === 0 ? (
        <Empty>
          <p>
            Nobody holds “{item.title}” yet: once students or groups hold it, they appear here to be graded.
          </p>
        </Empty>
      ) : (
        <>
          {nothingIn ? (
            <Empty>
              <p>
                Nothing of “{item.title}” has been handed in yet. You can still score each owner below (for
                example, a missing hand-in after its deadline).
              </p>
            </Empty>
          ) : null}
          <OwnerList slug={slug} item={item} entries={data.entries} current={currentSubject} />
          {entry ? (
            <OwnerPanel
              slug={slug}
              queue={data}
              entry={entry}
              position={{ at, of: order.length }}
              onStep={(s) => go(s, false)}
              onSaved={onSaved}
              onReload={() => load(true)}
            />
          ) : null}
        </>
      )}
    </div>
  );
}

function OwnerPanel({
  slug,
  queue,
  entry,
  position,
  onStep,
  onSaved,
  onReload,
}: {
  slug: string;
  queue: ItemQueue;
  entry: QueueEntry;
  position: { at: number; of: number };
  onStep: (step: number) => void;
  onSaved: (subject: string, saved: ScoreDraft, points: string | null) => void;
  onReload: () => void;
}) {
  const { item, timeZone } = queue;
  const group = entry.subject.startsWith('g:');
  return (
    <section className="owner-panel" aria-labelledby="owner-title">
      <div className="owner-head">
        <h2 id="owner-title" tabIndex={-1}>
          {entry.name}
          {group ? <span className="muted owner-members"> · {entry.members.join(', ')}</span> : null}
        </h2>
        <nav className="owner-steps" aria-label="Owners">
          <button
            type="button"
            className="button button-secondary"
            disabled={position.at <= 0}
            onClick={() => onStep(-1)}
          >
            <Icon name="arrow-left" />
            <span className="icon-label">Previous</span>
          </button>
          <span className="muted">
            {position.at + 1} of {position.of}
          </span>
          <button
            type="button"
            className="button button-secondary"
            disabled={position.at >= position.of - 1}
            onClick={() => onStep(1)}
          >
            <span className="icon-label">Next</span>
            <Icon name="arrow-right" />
          </button>
        </nav>
      </div>
      {group ? <p className="muted">Group work: this score goes to each member of {entry.name}.</p> : null}
      <div className="grade-columns">
        <HandInView slug={slug} item={item} entry={entry} timeZone={timeZone} />
        <div className="grade-side">
          <ScoreForm
            key={entry.subject}
            slug={slug}
            item={item}
            entry={entry}
            timeZone={timeZone}
            onSaved={onSaved}
          />
          <MemberOverrides
            key={`o-${entry.subject}`}
            slug={slug}
            item={item}
            entry={entry}
            onChanged={onReload}
          />
        </div>
      </div>
    </section>
  );
}
