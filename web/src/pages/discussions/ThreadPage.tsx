// One discussion: the opening post and its threaded replies, reactions, the composer, and the staff's moderation.
import { useCallback, useState } from 'react';
import { ErrorState, Loading } from '../../components/states.js';
import { asApiError, useLoaded } from '../../components/use-loaded.js';
import { formatDay } from '../../time.js';
import { Composer } from './Composer.js';
import { discussionsApi, type Post, type ThreadView } from './discussions-client.js';
import { PostItem } from './PostItem.js';
import { useLiveUpdates } from './live.js';
import { RoomLink } from '../room/RoomLink.js';

export function ThreadPage({
  slug,
  threadId,
  onBack,
}: {
  slug: string;
  threadId: string;
  onBack: () => void;
}) {
  const fetch = useCallback(() => discussionsApi.thread(slug, threadId), [slug, threadId]);
  const { data, error, reload } = useLoaded(fetch);
  const [notice, setNotice] = useState<string | null>(null);
  useLiveUpdates(slug, (e) => {
    if (e.threadId === threadId) reload();
  });
  const act = async (what: () => Promise<unknown>, done?: string) => {
    setNotice(null);
    try {
      await what();
      if (done) setNotice(done);
      reload();
    } catch (e) {
      setNotice(asApiError(e).message);
    }
  };
  if (error) return <ErrorState error={error} title="The discussion could not be loaded" onRetry={reload} />;
  if (!data) return <Loading label="Loading the discussion" />;
  const { thread, viewer, abilities } = data;
  const children = new Map<string, Post[]>();
  for (const p of data.posts)
    if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const opening = data.posts.find((p) => p.id === thread.openingPostId);
  const ctx = { slug, data, act, children };
  return (
    <article className="thread" aria-labelledby="thread-title">
      <p>
        <button type="button" className="button button-secondary" onClick={onBack}>
          Back to the list
        </button>
      </p>
      <h1 id="thread-title">{thread.title}</h1>
      <p className="thread-badges">
        {thread.kind === 'question' ? <span className="badge">Q&amp;A · {thread.category}</span> : null}
        {thread.meeting ? (
          <span className="badge">
            Class of {formatDay(thread.meeting.date)}
            {thread.meeting.title ? `: ${thread.meeting.title}` : ''}
          </span>
        ) : null}
        {thread.pinned ? <span className="badge">Pinned</span> : null}
        {thread.closed ? <span className="badge">Closed</span> : null}
        {thread.kind === 'question' ? (
          <span className="badge">{thread.resolved ? 'Resolved' : 'Open question'}</span>
        ) : null}
        {thread.private ? <span className="badge">Private to staff</span> : null}
        {thread.hidden ? <span className="badge">Hidden from students</span> : null}
      </p>
      {thread.meeting ? (
        <p>
          <RoomLink slug={slug} date={thread.meeting.date}>
            The class room: its questions, votes and answers
          </RoomLink>
        </p>
      ) : null}
      {thread.summary ? (
        <p>
          The summary group opened this discussion: <a href={thread.summary.url}>read the class summary</a>.
        </p>
      ) : null}
      {abilities.moderate || abilities.resolve ? (
        <div className="thread-tools" role="group" aria-label="Discussion settings">
          {abilities.moderate ? (
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  act(() => discussionsApi.updateThread(slug, thread.id, { pinned: !thread.pinned }))
                }
              >
                {thread.pinned ? 'Unpin' : 'Pin'}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  act(() => discussionsApi.updateThread(slug, thread.id, { closed: !thread.closed }))
                }
              >
                {thread.closed ? 'Reopen for replies' : 'Close for replies'}
              </button>
            </>
          ) : null}
          {abilities.resolve ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                act(() => discussionsApi.updateThread(slug, thread.id, { resolved: !thread.resolved }))
              }
            >
              {thread.resolved ? 'Mark as not resolved' : 'Mark as resolved'}
            </button>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <p className="form-notice" role="status">
          {notice}
        </p>
      ) : null}
      {opening ? <PostItem post={opening} ctx={ctx} depth={0} /> : null}
      <section aria-labelledby="replies-title" className="thread-replies">
        <h2 id="replies-title">Replies ({data.posts.length - (opening ? 1 : 0)})</h2>
        {opening && (children.get(opening.id) ?? []).length > 0 ? (
          <ol className="post-list">
            {(children.get(opening.id) ?? []).map((p) => (
              <li key={p.id}>
                <PostItem post={p} ctx={ctx} depth={1} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No replies yet.</p>
        )}
      </section>
      {abilities.reply ? (
        <section aria-labelledby="reply-title" className="thread-reply">
          <h2 id="reply-title">Reply</h2>
          <Composer
            label="Your reply (Markdown)"
            submitLabel="Post reply"
            staff={viewer.staff}
            allowAnonymous={abilities.anonymous}
            allowPrivate
            forcedPrivate={thread.private}
            onSubmit={async (d) => {
              await discussionsApi.reply(slug, thread.id, { parentId: null, ...d });
              reload();
            }}
          />
        </section>
      ) : (
        <p className="notice">Staff closed this discussion: it takes no new replies.</p>
      )}
    </article>
  );
}

export type ThreadCtx = {
  slug: string;
  data: ThreadView;
  act: (what: () => Promise<unknown>, done?: string) => Promise<void>;
  children: Map<string, Post[]>;
};
