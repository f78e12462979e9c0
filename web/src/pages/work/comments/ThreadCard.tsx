// One comment thread on a summary: the passage (or, outdated, the passage it was about), the comment, replies, reply, resolve or reopen.
import { useState, type FormEvent } from 'react';
import { COMMENT_MAX_LENGTH } from '../../../../../src/contracts/summary-comments.js';
import { messageOf } from '../../../auth/client.js';
import { FormError } from '../../../auth/Field.js';
import { Html } from '../../../components/Html.js';
import { formatInstant } from '../../../time.js';
import {
  commentsApi,
  type CommentAuthor,
  type CommentThread,
  type SummaryComments,
} from './comments-client.js';

function Byline({ author, at, zone }: { author: CommentAuthor; at: string; zone: string }) {
  return (
    <p className="sc-byline">
      <strong>{author.name}</strong>
      {author.staff ? <span className="sc-staff">Staff</span> : null}{' '}
      <time className="muted" dateTime={at}>
        {formatInstant(at, zone)}
      </time>
    </p>
  );
}

export function ThreadCard({
  slug,
  thread,
  zone,
  active,
  onData,
  onShow,
}: {
  slug: string;
  thread: CommentThread;
  zone: string;
  active: boolean;
  onData: (d: SummaryComments) => void;
  onShow: () => void;
}) {
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `thread-${thread.id}`;
  const outdated = thread.state === 'outdated';

  async function act(run: () => Promise<SummaryComments>, after?: () => void) {
    setBusy(true);
    setError(null);
    try {
      onData(await run());
      after?.();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  function sendReply(e: FormEvent) {
    e.preventDefault();
    if (reply.trim() === '') {
      setError('Write a reply first.');
      return;
    }
    void act(
      () => commentsApi.reply(slug, thread.id, reply),
      () => {
        setReply('');
        setReplying(false);
      },
    );
  }

  const classes = [
    'sc-thread',
    thread.resolved ? 'sc-resolved' : '',
    active ? 'sc-active' : '',
    outdated ? 'sc-outdated' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article id={id} className={classes} tabIndex={-1} aria-labelledby={`${id}-by`}>
      <div id={`${id}-by`}>
        <Byline author={thread.author} at={thread.createdAt} zone={zone} />
      </div>
      <p className="sc-states">
        {thread.resolved ? (
          <span className="sc-tag sc-tag-resolved">
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}
          </span>
        ) : (
          <span className="sc-tag sc-tag-open">Open</span>
        )}{' '}
        {outdated ? <span className="sc-tag sc-tag-outdated">Outdated</span> : null}
      </p>
      {outdated ? (
        <p className="sc-outdated-note">
          The passage was changed after version {thread.writtenOnVersion}; it said:
        </p>
      ) : null}
      <blockquote className="sc-quote">{(thread.anchor ?? thread.quote).exact}</blockquote>
      <Html html={thread.bodyHtml} className="sc-body" topHeading={5} />
      {thread.replies.length > 0 ? (
        <ol className="sc-replies" aria-label="Replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <Byline author={r.author} at={r.createdAt} zone={zone} />
              <Html html={r.bodyHtml} className="sc-body" topHeading={5} />
            </li>
          ))}
        </ol>
      ) : null}
      {replying ? (
        <form className="sc-reply" onSubmit={sendReply}>
          <label htmlFor={`${id}-reply`}>Your reply (Markdown)</label>
          <textarea
            id={`${id}-reply`}
            rows={3}
            maxLength={COMMENT_MAX_LENGTH}
            value={reply}
            autoFocus
            onChange={(e) => setReply(e.target.value)}
          />
          <p className="sc-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Send reply
            </button>{' '}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setReplying(false)}
              disabled={busy}
            >
              Cancel
            </button>
          </p>
        </form>
      ) : null}
      <FormError message={error} />
      <p className="sc-actions">
        {!replying ? (
          <button type="button" className="button button-secondary small" onClick={() => setReplying(true)}>
            Reply<span className="visually-hidden"> to {thread.author.name}</span>
          </button>
        ) : null}{' '}
        <button
          type="button"
          className="button button-secondary small"
          disabled={busy}
          onClick={() => void act(() => commentsApi.resolve(slug, thread.id, !thread.resolved))}
        >
          {thread.resolved ? 'Reopen' : 'Resolve'}
          <span className="visually-hidden"> the comment of {thread.author.name}</span>
        </button>{' '}
        {!outdated ? (
          <button type="button" className="button button-secondary small" onClick={onShow}>
            Show in summary
          </button>
        ) : null}
      </p>
    </article>
  );
}
