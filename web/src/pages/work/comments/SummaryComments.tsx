// A summary with its comments: the latest version rendered with commented passages marked, select text then "Comment on selection", the threads beside (below on a phone).
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import type { QuoteSelector } from '../../../../../src/domain/quote-anchor.js';
import { COMMENT_MAX_LENGTH } from '../../../../../src/contracts/summary-comments.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { shiftHeadings } from '../../../components/Html.js';
import { Empty, ErrorState, Loading } from '../../../components/states.js';
import { useLoaded } from '../../../components/use-loaded.js';
import { formatInstant } from '../../../time.js';
import { commentsApi, type SummaryComments as Data, type SummaryRef } from './comments-client.js';
import { paintSummary, selectionIn } from './highlight.js';
import { ThreadCard } from './ThreadCard.js';
import '../../../auth/auth.css';
import './comments.css';

const clip = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export function SummaryComments({
  summary,
  compact = false,
  notSummary,
  level = 2,
}: {
  summary: SummaryRef;
  /** Beside a score form: the comments go under the summary at every width. */
  compact?: boolean;
  /** What to show when the hand-in is not a summary (the server answers 404). */
  notSummary?: ReactNode;
  /** The level of the two section headings (the summary, the comments) in the page's outline. */
  level?: 2 | 3 | 4;
}) {
  const { slug, deliverableKey, date, owner } = summary;
  const ref = useCallback(
    () => commentsApi.load({ slug, deliverableKey, date, owner }),
    [slug, deliverableKey, date, owner],
  );
  const { data, error, reload, setData } = useLoaded(ref);
  if (error) {
    if (error.status === 404 && notSummary !== undefined) return <>{notSummary}</>;
    return <ErrorState error={error} title="The comments could not be loaded" onRetry={reload} />;
  }
  if (!data) return <Loading label="Loading the summary and its comments" />;
  if (!data.handIn.latest)
    return (
      <Empty>
        <p>
          Nothing handed in yet for this summary: comments open once{' '}
          {data.abilities.staff ? 'the group hands it in' : 'your group hands it in'}.
        </p>
      </Empty>
    );
  return <Loaded data={data} summary={summary} compact={compact} level={level} onData={setData} />;
}

function Loaded({
  data,
  summary,
  compact,
  level,
  onData,
}: {
  data: Data;
  summary: SummaryRef;
  compact: boolean;
  level: 2 | 3 | 4;
  onData: (d: Data) => void;
}) {
  const latest = data.handIn.latest!;
  const text = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<QuoteSelector | null>(null);
  const [composing, setComposing] = useState<QuoteSelector | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const html = shiftHeadings(latest.html, level + 1);
  const H = `h${level}` as 'h2';

  useLayoutEffect(() => {
    if (text.current) paintSummary(text.current, html, data.threads, active);
  }, [html, data.threads, active]);

  // The last passage selected inside the summary, kept while the focus moves on to the button.
  useEffect(() => {
    const onChange = () => {
      const el = text.current;
      if (!el) return;
      const found = selectionIn(el);
      if (found) {
        setSelected(found);
        setHint(null);
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  function startComment() {
    const current = (text.current && selectionIn(text.current)) ?? selected;
    if (!current) {
      setHint(
        'Select a passage of the summary first (with the mouse, or Shift and the arrow keys), then press this button.',
      );
      return;
    }
    setComposing(current);
    setNotice(null);
  }

  function showThread(id: string) {
    setActive(id);
    document.getElementById(`thread-${id}`)?.focus();
  }

  function onTextClick(e: React.MouseEvent) {
    const mark = (e.target as HTMLElement).closest('mark[data-thread]') as HTMLElement | null;
    if (mark?.dataset.thread) showThread(mark.dataset.thread);
  }

  function showPassage(id: string) {
    setActive(id);
    requestAnimationFrame(() =>
      text.current
        ?.querySelector(`mark[data-thread="${CSS.escape(id)}"]`)
        ?.scrollIntoView({ block: 'center' }),
    );
  }

  const open = data.threads.filter((t) => !t.resolved).length;
  const outdated = data.threads.filter((t) => t.state === 'outdated').length;
  const titleId = `sc-title-${data.handIn.owner}`;
  return (
    <div className={`summary-comments${compact ? ' summary-comments-compact' : ''}`}>
      <section className="sc-summary" aria-labelledby={titleId}>
        <H className="sc-title" id={titleId}>
          {data.abilities.staff ? `Summary by ${data.handIn.ownerName}` : 'Your group’s summary'}
        </H>
        <p className="muted sc-meta">
          Version {latest.version}, handed in {formatInstant(latest.submittedAt, data.timeZone)}
        </p>
        <div className="sc-toolbar">
          <button type="button" className="button" onClick={startComment} aria-describedby="sc-selected">
            Comment on selection
          </button>
          <span id="sc-selected" className="muted" aria-live="polite">
            {selected
              ? `Selected: “${clip(selected.exact, 80)}”`
              : 'Select a passage of the summary to comment on it.'}
          </span>
        </div>
        {hint ? (
          <p className="form-error" role="alert">
            {hint}
          </p>
        ) : null}
        {composing ? (
          <Composer
            quote={composing}
            onCancel={() => setComposing(null)}
            onSave={async (body) => {
              const next = await commentsApi.comment(summary, {
                version: latest.version,
                quote: composing,
                body,
              });
              onData(next);
              setComposing(null);
              setSelected(null);
              window.getSelection()?.removeAllRanges();
              setNotice('Comment saved.');
            }}
          />
        ) : null}
        <FormNotice message={notice} />
        {/* The summary's HTML is sanitized by the server; marks are added around commented passages. */}
        <div
          ref={text}
          className="handin-text sc-text"
          onClick={onTextClick}
          aria-label={`Summary, version ${latest.version}`}
          role="region"
        />
      </section>
      <section className="sc-threads" aria-labelledby={`${titleId}-threads`}>
        <H id={`${titleId}-threads`} className="sc-threads-title">
          Comments{' '}
          <span className="muted">
            ({open} open{outdated > 0 ? `, ${outdated} outdated` : ''})
          </span>
        </H>
        {data.threads.length === 0 ? (
          <p className="muted">
            No comments yet. Select a passage of the summary, then press “Comment on selection”.
          </p>
        ) : (
          <ol className="sc-thread-list">
            {data.threads.map((t) => (
              <li key={t.id}>
                <ThreadCard
                  slug={summary.slug}
                  thread={t}
                  zone={data.timeZone}
                  active={active === t.id}
                  onData={onData}
                  onShow={() => showPassage(t.id)}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function Composer({
  quote,
  onSave,
  onCancel,
}: {
  quote: QuoteSelector;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (body.trim() === '') {
      setError('Write a comment first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(body);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }
  return (
    <form className="sc-composer" onSubmit={(e) => void submit(e)} aria-label="New comment">
      <p className="sc-quote-label">Commenting on:</p>
      <blockquote className="sc-quote">{clip(quote.exact, 400)}</blockquote>
      <label htmlFor="sc-new-body">Your comment (Markdown)</label>
      <textarea
        id="sc-new-body"
        ref={box}
        rows={4}
        maxLength={COMMENT_MAX_LENGTH}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <FormError message={error} />
      <p className="sc-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save comment'}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </form>
  );
}
