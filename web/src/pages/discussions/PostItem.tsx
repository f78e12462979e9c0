// One post of a thread with its replies: who wrote it (as the reader may know), the body, reactions and actions.
import { useState } from 'react';
import { Html } from '../../components/Html.js';
import { formatInstant } from '../../time.js';
import { Composer } from './Composer.js';
import { discussionsApi, REACTIONS, type Post, type Version } from './discussions-client.js';
import type { ThreadCtx } from './ThreadPage.js';

const REACTION_WORDS: Record<string, string> = {
  thanks: 'Thanks',
  agree: 'Agree',
  insightful: 'Insightful',
  confused: 'Confused',
};

/** Replies deeper than this are shown at this depth (still in order, still saying whom they answer). */
const MAX_DEPTH = 4;

export function PostItem({ post, ctx, depth }: { post: Post; ctx: ThreadCtx; depth: number }) {
  const { slug, data, act, children } = ctx;
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const [history, setHistory] = useState<Version[] | null>(null);
  const replies = children.get(post.id) ?? [];
  const zone = data.timeZone;
  const accepted = data.thread.acceptedPostId === post.id;
  const mine = post.author?.mine === true;
  const isOpening = post.parentId === null;
  const headingId = `post-${post.id}`;
  return (
    <div className={`post${post.unread ? ' post-unread' : ''}${accepted ? ' post-accepted' : ''}`}>
      <p className="post-meta" id={headingId}>
        {post.state === 'deleted' ? (
          <strong>Deleted by the author</strong>
        ) : post.state === 'hidden' ? (
          <strong>Hidden by the staff</strong>
        ) : (
          <>
            <strong>{post.author?.mine ? 'You' : post.author?.name}</strong>
            {post.author?.anonymous ? (
              <span className="badge">
                {data.viewer.staff
                  ? 'Anonymous to classmates'
                  : post.author.mine
                    ? 'Anonymous to classmates'
                    : 'Anonymous'}
              </span>
            ) : null}
            {post.byStaff ? <span className="badge">Staff</span> : null}
          </>
        )}
        {post.private ? <span className="badge">Private to staff</span> : null}
        {post.hidden && data.viewer.staff ? <span className="badge">Hidden from students</span> : null}
        {post.endorsed ? <span className="badge badge-good">Endorsed by staff</span> : null}
        {accepted ? <span className="badge badge-good">Accepted answer</span> : null}
        {post.unread ? <span className="badge">New</span> : null}
        <span className="muted">
          {' '}
          · {formatInstant(post.createdAt, zone)}
          {post.editedAt ? ` · edited ${formatInstant(post.editedAt, zone)}` : ''}
        </span>
      </p>
      {post.state === 'deleted' && data.viewer.staff && post.author ? (
        <p className="muted small">Written by {post.author.name}.</p>
      ) : null}
      {mode === 'edit' && post.body !== null ? (
        <Composer
          label="Edit your post (Markdown)"
          submitLabel="Save changes"
          staff={data.viewer.staff}
          allowAnonymous={false}
          allowPrivate={false}
          forcedPrivate={post.private}
          initial={post.body}
          onCancel={() => setMode('read')}
          onSubmit={async (d) => {
            await discussionsApi.edit(slug, post.id, { body: d.body });
            setMode('read');
            await act(async () => {}, 'Your post was saved; the earlier text is kept in its history.');
          }}
        />
      ) : post.bodyHtml !== null ? (
        <Html html={post.bodyHtml} className="post-body" />
      ) : null}
      {post.state === 'shown' ? (
        <div className="post-actions" role="group" aria-labelledby={headingId}>
          {REACTIONS.map((kind) => {
            const r = post.reactions.find((x) => x.kind === kind);
            return (
              <button
                key={kind}
                type="button"
                className="reaction"
                aria-pressed={r?.mine === true}
                onClick={() => act(() => discussionsApi.react(slug, post.id, kind))}
              >
                {REACTION_WORDS[kind]}
                {r ? ` ${r.count}` : ''}
              </button>
            );
          })}
          {data.abilities.reply ? (
            <button
              type="button"
              className="link-like"
              onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')}
            >
              Reply
            </button>
          ) : null}
          {mine ? (
            <>
              <button type="button" className="link-like" onClick={() => setMode('edit')}>
                Edit
              </button>
              <button
                type="button"
                className="link-like"
                onClick={() => {
                  if (window.confirm('Delete this post? A note that you deleted it stays in the thread.'))
                    void act(() => discussionsApi.remove(slug, post.id), 'Your post was deleted.');
                }}
              >
                Delete
              </button>
            </>
          ) : null}
          {post.hasHistory ? (
            <button
              type="button"
              className="link-like"
              onClick={() =>
                history
                  ? setHistory(null)
                  : void discussionsApi.history(slug, post.id).then((h) => setHistory(h.versions))
              }
            >
              {history ? 'Hide earlier versions' : 'Earlier versions'}
            </button>
          ) : null}
          {data.abilities.resolve && !isOpening ? (
            <button
              type="button"
              className="link-like"
              onClick={() =>
                act(() =>
                  discussionsApi.updateThread(slug, data.thread.id, {
                    acceptedPostId: accepted ? null : post.id,
                  }),
                )
              }
            >
              {accepted ? 'Unaccept answer' : 'Accept as answer'}
            </button>
          ) : null}
          {data.abilities.moderate && !isOpening ? (
            <button
              type="button"
              className="link-like"
              onClick={() => act(() => discussionsApi.moderate(slug, post.id, { endorsed: !post.endorsed }))}
            >
              {post.endorsed ? 'Withdraw endorsement' : 'Endorse'}
            </button>
          ) : null}
          {data.abilities.moderate ? (
            <button
              type="button"
              className="link-like"
              onClick={() => act(() => discussionsApi.moderate(slug, post.id, { hidden: !post.hidden }))}
            >
              {post.hidden ? 'Show to students' : 'Hide from students'}
            </button>
          ) : null}
        </div>
      ) : null}
      {history ? (
        <ol className="post-history" aria-label="Earlier versions">
          {history.map((v) => (
            <li key={v.replacedAt}>
              <p className="muted small">
                Written {formatInstant(v.writtenAt, zone)}, replaced {formatInstant(v.replacedAt, zone)}
              </p>
              <Html html={v.bodyHtml} />
            </li>
          ))}
        </ol>
      ) : null}
      {mode === 'reply' ? (
        <Composer
          label={`Reply to ${post.author?.mine ? 'your post' : (post.author?.name ?? 'this post')} (Markdown)`}
          submitLabel="Post reply"
          staff={data.viewer.staff}
          allowAnonymous={data.abilities.anonymous}
          allowPrivate
          forcedPrivate={post.private || data.thread.private}
          onCancel={() => setMode('read')}
          onSubmit={async (d) => {
            await discussionsApi.reply(slug, data.thread.id, { parentId: post.id, ...d });
            setMode('read');
            await act(async () => {});
          }}
        />
      ) : null}
      {!isOpening && replies.length > 0 ? (
        <ol className={depth < MAX_DEPTH ? 'post-list post-list-nested' : 'post-list'}>
          {replies.map((p) => (
            <li key={p.id}>
              <PostItem post={p} ctx={ctx} depth={depth + 1} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
