// Project: the milestones with their deadlines in the course's zone, a countdown, and past ones marked.
import type { CourseDetail } from '../api.js';
import { useCourse, useDocumentTitle, useNow } from '../course-context.js';
import { Html } from '../components/Html.js';
import { Empty } from '../components/states.js';
import { daysFromNow, daysUntil, formatDay, formatInstant, fromNow, instantOf } from '../time.js';

type Milestone = CourseDetail['milestones'][number];

/** When a milestone happens, for ordering and for "past": its deadline, else its last meeting day. */
function isPast(m: Milestone, now: number, timeZone: string): boolean {
  if (m.dueAt) return instantOf(m.dueAt) <= now;
  const last = m.meetingDates[m.meetingDates.length - 1];
  return last ? daysUntil(last, now, timeZone) < 0 : false;
}

function countdown(m: Milestone, now: number, timeZone: string): string | null {
  if (m.dueAt) return fromNow(m.dueAt, now, timeZone);
  const first = m.meetingDates[0];
  if (!first) return null;
  const days = daysUntil(first, now, timeZone);
  return daysFromNow(days);
}

function listDates(dates: string[]): string {
  const days = dates.map(formatDay);
  return days.length <= 2
    ? days.join(' and ')
    : `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}`;
}

export default function ProjectPage() {
  const course = useCourse();
  useDocumentTitle('Project', [course.code, course.title].filter(Boolean).join(' '));
  const now = useNow();
  const upcoming = course.milestones.find((m) => !isPast(m, now, course.timeZone));
  return (
    <>
      <h1>Project milestones</h1>
      {course.milestones.length === 0 ? (
        <Empty>
          <p>No project milestones are published yet.</p>
        </Empty>
      ) : (
        <>
          <p className="lede">
            Deadlines are shown in the course’s time zone. The syllabus sentence each one comes from is quoted
            below it.
          </p>
          <ol className="milestones">
            {course.milestones.map((m) => {
              const past = isPast(m, now, course.timeZone);
              const rel = countdown(m, now, course.timeZone);
              const isUpcoming = m === upcoming;
              return (
                <li
                  key={m.key}
                  className={['milestone', past ? 'is-past' : '', isUpcoming ? 'is-upcoming' : ''].join(' ')}
                >
                  <h2>{m.title}</h2>
                  <p className="milestone-when">
                    {m.dueAt ? (
                      <>
                        <span className="label">Due</span>{' '}
                        <time dateTime={m.dueAt}>{formatInstant(m.dueAt, course.timeZone)}</time>
                      </>
                    ) : m.meetingDates.length > 0 ? (
                      <>
                        <span className="label">In class</span> {listDates(m.meetingDates)}
                      </>
                    ) : (
                      <span className="muted">Date to be announced</span>
                    )}
                    {rel ? <span className="milestone-rel"> · {rel}</span> : null}{' '}
                    {past ? <span className="badge badge-past">Past</span> : null}
                    {isUpcoming ? <span className="badge badge-next">Up next</span> : null}
                  </p>
                  {m.sourceHtml ? (
                    <blockquote className="source">
                      <Html html={m.sourceHtml} />
                    </blockquote>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}
