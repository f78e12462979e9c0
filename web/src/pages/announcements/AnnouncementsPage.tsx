// Announcements of a course, newest first; staff write one (now or scheduled, in the course's zone), change or delete a scheduled one, and set the deadline reminders.
import { useCallback, useState, type FormEvent } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Html } from '../../components/Html.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoaded } from '../../components/use-loaded.js';
import { messageOf } from '../../auth/client.js';
import { Field, FormError, FormNotice } from '../../auth/Field.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { formatDateTime, zoneLabel } from '../../time.js';
import { announcementsApi, type Announcement, type AnnouncementList } from './announcements-client.js';
import { RemindersForm } from './RemindersForm.js';
import '../../auth/auth.css';
import './announcements.css';

export default function AnnouncementsPage() {
  const course = useCourse();
  useDocumentTitle('Announcements', [course.code, course.title].filter(Boolean).join(' '));
  if (!course.abilities.viewPrivate) {
    return (
      <Empty>
        <h1>Announcements</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of the course to read its announcements.
        </p>
      </Empty>
    );
  }
  return <List slug={course.slug} />;
}

function List({ slug }: { slug: string }) {
  const { data, error, reload } = useLoaded(useCallback(() => announcementsApi.list(slug), [slug]));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <ErrorState error={error} title="Announcements could not be loaded" onRetry={reload} />;
  if (!data) return <Loading label="Loading announcements" />;
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    reload();
  };
  return (
    <>
      <h1>Announcements</h1>
      <p className="lede">
        {data.canWrite
          ? 'What you post here is pinned on the course home and e-mailed to everyone enrolled, once, when its time comes.'
          : 'News from the course staff, newest first. Each is also e-mailed to you, as your notification settings say.'}
      </p>
      <FormNotice message={notice} />
      {data.canWrite ? <Composer key="new" slug={slug} list={data} onDone={done} /> : null}
      <section aria-labelledby="posted-h">
        <h2 id="posted-h">{data.canWrite ? 'Posted and scheduled' : 'Posted'}</h2>
        {data.announcements.length === 0 ? (
          <p className="muted">No announcements yet.</p>
        ) : (
          <ol className="announcements">
            {data.announcements.map((a) =>
              editing === a.id ? (
                <li key={a.id}>
                  <Composer
                    slug={slug}
                    list={data}
                    editing={a}
                    onDone={done}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={a.id}>
                  <AnnouncementCard a={a} timeZone={data.timeZone} heading={3} />
                  {data.canWrite && a.scheduled ? (
                    <ScheduledActions slug={slug} a={a} onEdit={() => setEditing(a.id)} onDone={done} />
                  ) : null}
                </li>
              ),
            )}
          </ol>
        )}
      </section>
      {data.canWrite ? <RemindersForm slug={slug} /> : null}
    </>
  );
}

export function AnnouncementCard({
  a,
  timeZone,
  heading,
}: {
  a: Announcement;
  timeZone: string;
  heading: 2 | 3;
}) {
  const H = heading === 2 ? 'h2' : 'h3';
  return (
    <article className={`card announcement${a.scheduled ? ' announcement-scheduled' : ''}`}>
      <H>{a.title}</H>
      <p className="muted announcement-meta">
        {a.scheduled ? (
          <strong>Scheduled for {formatDateTime(a.publishAt, timeZone)}</strong>
        ) : (
          <>Posted {formatDateTime(a.publishAt, timeZone)}</>
        )}
        {a.author ? ` by ${a.author}` : ''}
      </p>
      <Html html={a.html} topHeading={heading + 1} className="announcement-body" />
    </article>
  );
}

function ScheduledActions({
  slug,
  a,
  onEdit,
  onDone,
}: {
  slug: string;
  a: Announcement;
  onEdit: () => void;
  onDone: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    if (!window.confirm(`Delete the scheduled announcement "${a.title}"?`)) return;
    announcementsApi.remove(slug, a.id).then(
      () => onDone(`"${a.title}" is deleted.`),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <p className="announcement-actions">
      <button type="button" className="button button-secondary" onClick={onEdit}>
        Edit <span className="visually-hidden">{a.title}</span>
      </button>{' '}
      <button type="button" className="button button-danger" onClick={remove}>
        Delete <span className="visually-hidden">{a.title}</span>
      </button>
      <FormError message={error} />
    </p>
  );
}

function Composer({
  slug,
  list,
  editing,
  onDone,
  onCancel,
}: {
  slug: string;
  list: AnnouncementList;
  editing?: Announcement;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [later, setLater] = useState(editing ? editing.publishAtLocal : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = editing ? `edit-${editing.id}` : 'new';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const input = { title, body, publishAt: later || null };
    (editing ? announcementsApi.edit(slug, editing.id, input) : announcementsApi.create(slug, input)).then(
      (r) => {
        setBusy(false);
        if (!editing) {
          setTitle('');
          setBody('');
          setLater('');
        }
        onDone(
          r.announcement.scheduled
            ? `"${r.announcement.title}" is scheduled for ${formatDateTime(r.announcement.publishAt, list.timeZone)}.`
            : `"${r.announcement.title}" is posted and being e-mailed to everyone enrolled.`,
        );
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return (
    <form className="announcement-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{editing ? `Edit "${editing.title}"` : 'Write an announcement'}</h2>
      <Field
        label="Title"
        name={`${id}-title`}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>Announcement (Markdown)</label>
        <textarea
          id={`${id}-body`}
          rows={6}
          required
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <Field
        label={`Publish at (optional, ${zoneLabel(list.timeZone, list.now)})`}
        name={`${id}-at`}
        type="datetime-local"
        hint="Leave empty to post now."
        value={later}
        onChange={(e) => setLater(e.target.value)}
      />
      <FormError message={error} />
      <button className="button" type="submit" disabled={busy}>
        {editing ? 'Save changes' : later ? 'Schedule' : 'Post now'}
      </button>
      {onCancel ? (
        <>
          {' '}
          <button className="button button-secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      ) : null}
    </form>
  );
}
