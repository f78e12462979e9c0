// Discussions: the class discussions (opened by each class's summary group) and the course's Q&A board, search, and a thread.
import { useCallback, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { asApiError, useLoaded } from '../../components/use-loaded.js';
import { formatDay } from '../../time.js';
import { Composer } from './Composer.js';
import {
  CATEGORIES,
  discussionsApi,
  type Category,
  type DiscussionList,
  type SearchResults,
} from './discussions-client.js';
import { useLiveUpdates } from './live.js';
import { ThreadPage } from './ThreadPage.js';
import '../../auth/auth.css';
import './discussions.css';

type Tab = 'question' | 'class';

function setQuery(key: string, value: string | null) {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  window.history.pushState(window.history.state, '', url);
}

export default function DiscussionsPage() {
  const course = useCourse();
  useDocumentTitle('Discussions', [course.code, course.title].filter(Boolean).join(' '));
  const params = new URLSearchParams(window.location.search);
  const [threadId, setThreadId] = useState<string | null>(params.get('thread'));
  const [tab, setTab] = useState<Tab>(params.get('tab') === 'class' ? 'class' : 'question');
  if (!course.abilities.viewPrivate) {
    return (
      <Empty>
        <h1>Discussions</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of the course to read and join its discussions.
        </p>
      </Empty>
    );
  }
  const open = (id: string | null) => {
    setQuery('thread', id);
    setThreadId(id);
  };
  if (threadId) return <ThreadPage slug={course.slug} threadId={threadId} onBack={() => open(null)} />;
  return (
    <>
      <h1>Discussions</h1>
      <p className="lede">
        Questions to the class and the staff, and a discussion of each class opened by its summary group.
      </p>
      <div className="tabs" role="tablist" aria-label="Discussions">
        {(['question', 'class'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="discussions-panel"
            className={tab === t ? 'tab tab-current' : 'tab'}
            onClick={() => {
              setTab(t);
              setQuery('tab', t === 'class' ? 'class' : null);
            }}
          >
            {t === 'question' ? 'Q&A board' : 'Class discussions'}
          </button>
        ))}
      </div>
      <div id="discussions-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Search slug={course.slug} onOpen={open} />
        {tab === 'question' ? (
          <Board slug={course.slug} onOpen={open} />
        ) : (
          <Classes slug={course.slug} onOpen={open} />
        )}
      </div>
    </>
  );
}

function Search({ slug, onOpen }: { slug: string; onOpen: (id: string) => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="search-title" className="discussion-search">
      <h2 id="search-title" className="visually-hidden">
        Search
      </h2>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          discussionsApi
            .search(slug, q)
            .then(setResults, (err: unknown) => setError(asApiError(err).message));
        }}
      >
        <div className="field">
          <label htmlFor="discussion-q">Search titles and posts</label>
          <input id="discussion-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="button button-secondary">
          Search
        </button>
      </form>
      {error ? <p className="form-error">{error}</p> : null}
      {results ? (
        results.results.length === 0 ? (
          <p className="muted">Nothing matches “{results.query}”.</p>
        ) : (
          <ol className="search-results" aria-label={`Results for ${results.query}`}>
            {results.results.map((r) => (
              <li key={r.postId}>
                <button type="button" className="link-like" onClick={() => onOpen(r.threadId)}>
                  {r.titleParts.length > 0 ? <Parts parts={r.titleParts} /> : r.title}
                </button>
                <p className="muted small">
                  {r.opening ? 'Opening post' : 'Reply'} by {r.author}
                </p>
                <p>
                  <Parts parts={r.parts} />
                </p>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}

function Parts({ parts }: { parts: Array<{ text: string; hit: boolean }> }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

function Board({ slug, onOpen }: { slug: string; onOpen: (id: string) => void }) {
  const [category, setCategory] = useState('');
  const [resolved, setResolved] = useState('');
  const fetch = useCallback(
    () => discussionsApi.list(slug, { kind: 'question', category, resolved }),
    [slug, category, resolved],
  );
  const { data, error, reload } = useLoaded(fetch);
  useLiveUpdates(slug, () => reload());
  const [title, setTitle] = useState('');
  const [cat, setCat] = useState<Category>('logistics');
  return (
    <>
      <section aria-labelledby="ask-title" className="ask">
        <h2 id="ask-title">Ask a question</h2>
        <Composer
          label="Your question (Markdown)"
          submitLabel="Post question"
          staff={data?.viewer.staff ?? false}
          allowAnonymous={data ? !data.viewer.staff : false}
          allowPrivate
          extra={
            <div className="ask-fields">
              <div className="field">
                <label htmlFor="ask-title-input">Question title</label>
                <input id="ask-title-input" value={title} onChange={(e) => setTitle(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="ask-category">Question category</label>
                <select id="ask-category" value={cat} onChange={(e) => setCat(e.target.value as Category)}>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          }
          onSubmit={async (d) => {
            const res = await discussionsApi.ask(slug, { title, category: cat, ...d });
            setTitle('');
            onOpen(res.threadId);
          }}
        />
      </section>
      <section aria-labelledby="board-title">
        <h2 id="board-title">Questions</h2>
        <div className="filters">
          <div className="field">
            <label htmlFor="filter-category">Filter by category</label>
            <select id="filter-category" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">All</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-resolved">Filter by state</label>
            <select id="filter-resolved" value={resolved} onChange={(e) => setResolved(e.target.value)}>
              <option value="">All</option>
              <option value="false">Open</option>
              <option value="true">Resolved</option>
            </select>
          </div>
        </div>
        {error ? (
          <ErrorState error={error} title="The questions could not be loaded" onRetry={reload} />
        ) : !data ? (
          <Loading label="Loading questions" />
        ) : data.threads.length === 0 ? (
          <Empty>
            <p>
              No questions here yet{category || resolved ? ' with these filters' : ''}. Ask the first one
              above.
            </p>
          </Empty>
        ) : (
          <ThreadList data={data} onOpen={onOpen} />
        )}
      </section>
    </>
  );
}

function ThreadList({ data, onOpen }: { data: DiscussionList; onOpen: (id: string) => void }) {
  return (
    <ul className="thread-list">
      {data.threads.map((t) => (
        <li key={t.id} className={t.unread > 0 ? 'thread-unread' : undefined}>
          <button type="button" className="link-like thread-link" onClick={() => onOpen(t.id)}>
            {t.title}
          </button>
          <p className="thread-badges">
            {t.pinned ? <span className="badge">Pinned</span> : null}
            {t.category ? <span className="badge">{t.category}</span> : null}
            {t.kind === 'question' ? <span className="badge">{t.resolved ? 'Resolved' : 'Open'}</span> : null}
            {t.closed ? <span className="badge">Closed</span> : null}
            {t.private ? <span className="badge">Private to staff</span> : null}
            {t.hidden ? <span className="badge">Hidden from students</span> : null}
            {t.unread > 0 ? <span className="badge">{t.unread} new</span> : null}
            <span className="muted small">
              {' '}
              {t.author.mine ? 'You' : t.author.name} · {t.posts} post{t.posts === 1 ? '' : 's'}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}

function Classes({ slug, onOpen }: { slug: string; onOpen: (id: string) => void }) {
  const fetch = useCallback(() => discussionsApi.list(slug, { kind: 'class' }), [slug]);
  const { data, error, reload } = useLoaded(fetch);
  useLiveUpdates(slug, () => reload());
  const [opening, setOpening] = useState<string | null>(null);
  if (error)
    return <ErrorState error={error} title="The class discussions could not be loaded" onRetry={reload} />;
  if (!data) return <Loading label="Loading class discussions" />;
  const threads = new Map(data.threads.map((t) => [t.id, t]));
  return (
    <section aria-labelledby="classes-title">
      <h2 id="classes-title">Classes</h2>
      <p className="muted">
        The group writing a class’s summary opens its discussion once the summary is handed in; staff may open
        one too.
      </p>
      <ul className="thread-list">
        {data.classes.map((c) => {
          const t = c.threadId ? threads.get(c.threadId) : undefined;
          const label = `${formatDay(c.date)}${c.title ? `: ${c.title}` : ''}`;
          return (
            <li key={c.meetingId} className={t && t.unread > 0 ? 'thread-unread' : undefined}>
              {c.threadId ? (
                <button type="button" className="link-like thread-link" onClick={() => onOpen(c.threadId!)}>
                  {label}
                </button>
              ) : (
                <span>{label}</span>
              )}
              <p className="thread-badges">
                {t ? (
                  <span className="muted small">
                    {t.posts} post{t.posts === 1 ? '' : 's'}
                    {t.unread > 0 ? ` · ${t.unread} new` : ''}
                    {t.closed ? ' · closed' : ''}
                  </span>
                ) : opening === c.meetingId ? null : c.canOpen ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setOpening(c.meetingId)}
                  >
                    Open the discussion
                  </button>
                ) : (
                  <span className="muted small">
                    {c.summaryGroup ? 'Hand in your summary to open the discussion.' : 'Not opened yet.'}
                  </span>
                )}
              </p>
              {opening === c.meetingId ? (
                <Composer
                  label={`Opening post for ${label} (Markdown)`}
                  submitLabel="Open the discussion"
                  staff={data.viewer.staff}
                  allowAnonymous={false}
                  allowPrivate={false}
                  onCancel={() => setOpening(null)}
                  onSubmit={async (d) => {
                    const res = await discussionsApi.openClass(slug, {
                      meetingId: c.meetingId,
                      body: d.body,
                      anonymous: false,
                    });
                    onOpen(res.threadId);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
