// "What to do next" for a signed-in student: the nearest deadlines with countdowns, anything late, misses left; on the course home and atop "What is due".
import { useCallback, useEffect, useState } from 'react';
import { Link } from '../../router.js';
import { useCourse } from '../../course-context.js';
import { coursePageUrl } from '../../routes.js';
import { countdownTo, formatDay, formatInstant } from '../../time.js';
import { noteServerTime, useServerNow } from '../../components/server-now.js';
import { messageOf } from '../../auth/client.js';
import { workApi, type DueItem, type StudentDashboard } from '../work/work-client.js';
import '../work/work.css';

/** "Question — Mon, Nov 30" */
export function itemName(item: DueItem): string {
  return `${item.title}${item.meetingDate ? ` — ${formatDay(item.meetingDate)}` : ''}`;
}

/** The anchor of an item on "What is due". */
export function itemAnchor(item: DueItem): string {
  return `due-${item.deliverableKey}-${item.meetingDate ?? 'course'}`;
}

export function isLateOrMissed(item: DueItem): boolean {
  return item.state === 'late' || item.state === 'zero' || item.state === 'missed';
}

/** Staff returned the counted version: the student changes it and hands it in again (while hand-ins are taken). */
export function isReturned(item: DueItem): boolean {
  return item.review?.decision === 'returned' && !item.blocker;
}

/** Late or missed items a student can still do something about (late work still taken). */
export function stillTaken(item: DueItem): boolean {
  return item.state === 'missed' && item.lateAccepted && !item.blocker;
}

/** The panel itself, from a loaded dashboard. `onDuePage` links to anchors on the same page. */
export function NextDeadlines({
  data,
  onDuePage = false,
  limit = 3,
}: {
  data: StudentDashboard;
  onDuePage?: boolean;
  limit?: number;
}) {
  const course = useCourse();
  const now = useServerNow();
  const zone = course.timeZone;
  const due = coursePageUrl(course.slug, 'due');
  const open = data.items.filter((i) => i.state === 'open' && Date.parse(i.dueAt) >= now);
  const next = open.slice(0, limit);
  const overdue = data.items.filter(
    (i) => (i.state === 'open' && Date.parse(i.dueAt) < now) || stillTaken(i),
  );
  const late = data.items.filter((i) => isLateOrMissed(i) && !stillTaken(i) && !isReturned(i));
  const returned = data.items.filter(isReturned);
  const q = data.questionAllowance;
  const a = data.attendanceAllowance;
  const href = (item: DueItem) => `${onDuePage ? '' : due}#${itemAnchor(item)}`;
  const link = (item: DueItem, text: string) =>
    onDuePage ? <a href={href(item)}>{text}</a> : <Link to={href(item)}>{text}</Link>;
  /** A line that names the items needing the student's attention, each a link; nothing when there are none. */
  const alert = (heading: string, items: DueItem[]) =>
    items.length > 0 ? (
      <p className="deadline-alert">
        <strong>{heading}</strong>{' '}
        {items.map((item, i) => (
          <span key={itemAnchor(item)}>
            {i > 0 ? '; ' : ''}
            {link(item, itemName(item))}
          </span>
        ))}
        .
      </p>
    ) : null;
  return (
    <section className="card next-deadlines" aria-labelledby="next-deadlines-title">
      <h2 id="next-deadlines-title">What to do next</h2>
      {next.length === 0 && returned.length === 0 ? (
        <p>Nothing is due from you right now. New deadlines appear here as classes come up.</p>
      ) : next.length === 0 ? null : (
        <ol className="deadline-list">
          {next.map((item) => {
            const c = countdownTo(item.dueAt, now);
            const left =
              item.needed > 1 ? ` (${item.needed - item.handedIn} of ${item.needed} still to hand in)` : '';
            return (
              <li key={itemAnchor(item)} className={`deadline urgency-${c.urgency}`}>
                <span className="deadline-countdown">{c.words}</span> {link(item, itemName(item))}
                {left}
                <span className="deadline-when">
                  {' '}
                  · {formatInstant(item.dueAt, zone)}
                  {item.extended ? ' (extended)' : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {alert('Returned by staff, to hand in again:', returned)}
      {alert('Overdue, still taken (marked late):', overdue)}
      {late.length > 0 ? (
        <p className="muted">
          {late.length} late or missed item{late.length === 1 ? '' : 's'} on record:{' '}
          {onDuePage ? <a href="#due-late">see them</a> : <Link to={`${due}#due-late`}>see them</Link>}.
        </p>
      ) : null}
      <p className="allowance">
        Question days you may still miss:{' '}
        <strong className={q.left === 0 && q.allowance > 0 ? 'allowance-none' : undefined}>{q.left}</strong>{' '}
        of {q.allowance}
        {q.left === 0 && q.allowance > 0 ? ' — none left: hand in every question from now on.' : '.'} Absences
        left:{' '}
        <strong className={a.left === 0 && a.allowance > 0 ? 'allowance-none' : undefined}>{a.left}</strong>{' '}
        of {a.allowance}
        {a.left === 0 && a.allowance > 0
          ? ' — none left: come to every class or ask staff to excuse you.'
          : '.'}
      </p>
      {onDuePage ? null : (
        <p>
          <Link to={due}>Everything that is due, your receipts and hand-in forms</Link>
        </p>
      )}
    </section>
  );
}

/** The home page's panel: loads the dashboard itself, with its loading and error states. */
export function NextDeadlinesLoader() {
  const course = useCourse();
  const [data, setData] = useState<StudentDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const load = useCallback(() => {
    setError(null);
    workApi.dashboard(course.slug).then(
      (d) => {
        noteServerTime(d.now);
        setData(d);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [course.slug]);
  useEffect(() => {
    load();
    const timer = setTimeout(() => setSlow(true), 300);
    return () => clearTimeout(timer);
  }, [load]);
  if (data) return <NextDeadlines data={data} />;
  return (
    <section className="card next-deadlines" aria-labelledby="next-deadlines-title" aria-busy={!error}>
      <h2 id="next-deadlines-title">What to do next</h2>
      {error ? (
        <div role="alert">
          <p>Your deadlines could not be loaded: {error}</p>
          <p>
            <button type="button" className="button button-secondary" onClick={load}>
              Try again
            </button>
          </p>
        </div>
      ) : (
        <p className="muted" role="status">
          {slow ? 'Loading your deadlines…' : ''}
        </p>
      )}
    </section>
  );
}
