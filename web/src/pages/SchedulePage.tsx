// Schedule: units as sections, each meeting with its day and time in the course's zone, readings and the next-class marker.
import { useEffect, useState } from 'react';
import { Link, useLocation } from '../router.js';
import type { CourseDetail, MeetingView } from '../api.js';
import { useCourse, useDocumentTitle, useNow } from '../course-context.js';
import { Html } from '../components/Html.js';
import { hasRoom, RoomLink } from './room/RoomLink.js';
import { SafeLink } from '../components/SafeLink.js';
import { kindLabels, meetingTime, nextMeeting } from '../components/meeting-time.js';
import { Empty } from '../components/states.js';
import { classFromNow, formatDay, formatLongDay, instantOf, zoneName } from '../time.js';
import { MeetingPanel } from './assignment/SchedulePanel.js';
import { coursePageUrl } from '../routes.js';
import { peerApi, type PeerClassWindow } from './peer/peer-client.js';
import { peerWindowWords } from './peer/window-words.js';
import { CourseCalendar, PersonalCalendar } from './calendar/CalendarFeeds.js';
import { InTurn } from '../components/InTurn.js';

interface PeerWindows {
  now: number;
  byDate: Map<string, PeerClassWindow>;
}

interface UnitGroup {
  title: string | null;
  meetings: MeetingView[];
}

/** Consecutive meetings of the same unit, in schedule order. */
function groupByUnit(meetings: MeetingView[]): UnitGroup[] {
  const groups: UnitGroup[] = [];
  for (const m of meetings) {
    const last = groups[groups.length - 1];
    if (last && last.title === m.unit) last.meetings.push(m);
    else groups.push({ title: m.unit, meetings: [m] });
  }
  return groups;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export default function SchedulePage() {
  const course = useCourse();
  useDocumentTitle('Schedule', [course.code, course.title].filter(Boolean).join(' '));
  const { hash } = useLocation();
  const now = useNow();
  const next = nextMeeting(course, now);
  // Student-led classes with their peer feedback windows (members only; the schedule works without them).
  const [feedback, setFeedback] = useState<PeerWindows>({ now: 0, byDate: new Map() });
  const member = course.abilities.viewPrivate === true;
  useEffect(() => {
    if (!member) return;
    peerApi.list(course.slug).then(
      // Judged by the server's clock, as the server judges a rating.
      (list) =>
        setFeedback({ now: instantOf(list.now), byDate: new Map(list.classes.map((c) => [c.date, c])) }),
      () => undefined,
    );
  }, [member, course.slug]);

  // The page renders after its data arrives, too late for the browser's own jump to #anchor.
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView();
  }, [hash]);

  return (
    <>
      <h1>Schedule</h1>
      <p className="lede">
        Times are in the course’s time zone, {zoneName(course.timeZone)}. Read the readings marked{' '}
        <span className="badge badge-required">Required</span> before class; optional ones are for the
        presenters and the curious.
      </p>
      {next ? (
        <p>
          <a className="skip-to-next" href="#next-class">
            Skip to the next class: {formatDay(next.date)}
          </a>
        </p>
      ) : null}
      {course.meetings.length === 0 ? (
        <Empty>
          <p>No class dates are published yet.</p>
        </Empty>
      ) : (
        // A long schedule hydrates a unit per task (the page's top first), not in one long task.
        groupByUnit(course.meetings).map((group, i) => (
          <InTurn key={`${group.title ?? ''}-${i}`} id={`unit-${i}`}>
            <UnitSection
              group={group}
              course={course}
              index={i}
              nextId={next?.id ?? null}
              now={now}
              feedback={feedback}
            />
          </InTurn>
        ))
      )}
      <InTurn id="course-calendar">
        <CourseCalendar slug={course.slug} />
      </InTurn>
      {member ? (
        <InTurn id="personal-calendar">
          <PersonalCalendar slug={course.slug} timeZone={course.timeZone} />
        </InTurn>
      ) : null}
    </>
  );
}

interface UnitProps {
  group: UnitGroup;
  course: CourseDetail;
  index: number;
  nextId: string | null;
  now: number;
  feedback: PeerWindows;
}

function UnitSection({ group, course, index, nextId, now, feedback }: UnitProps) {
  const headingId = `unit-${index}-${slugify(group.title ?? 'opening')}`;
  const list = (
    <ol className="meetings">
      {group.meetings.map((m) => (
        <li key={m.id}>
          <Meeting
            meeting={m}
            course={course}
            isNext={m.id === nextId}
            now={now}
            feedback={m.kind === 'lecture' ? feedback.byDate.get(m.date) : undefined}
            feedbackNow={feedback.now}
          />
        </li>
      ))}
    </ol>
  );
  if (!group.title) {
    return (
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          Before the first unit
        </h2>
        {list}
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId} className="unit">
      <h2 id={headingId}>{group.title}</h2>
      {list}
    </section>
  );
}

interface MeetingProps {
  meeting: MeetingView;
  course: CourseDetail;
  isNext: boolean;
  now: number;
  feedback: PeerClassWindow | undefined;
  feedbackNow: number;
}

function Meeting({ meeting: m, course, isNext, now, feedback, feedbackNow }: MeetingProps) {
  const time = meetingTime(m, course.timeZone);
  const special = m.kind !== 'lecture';
  const ownTime = Boolean(m.startTime) && m.kind !== 'no_class';
  const classes = ['meeting', `kind-${m.kind}`, isNext ? 'is-next' : ''].filter(Boolean).join(' ');
  return (
    <article
      className={classes}
      id={isNext ? 'next-class' : `meeting-${m.date}`}
      tabIndex={isNext ? -1 : undefined}
    >
      <div className="meeting-when">
        <h3>
          <time dateTime={m.date} title={formatLongDay(m.date)}>
            {formatDay(m.date)}
          </time>
        </h3>
        {time ? (
          <p className="meeting-time">
            {time}
            {ownTime ? <span className="own-time"> (special time)</span> : null}
          </p>
        ) : null}
      </div>
      <div className="meeting-body">
        {isNext || special ? (
          <p className="meeting-tags">
            {isNext ? (
              <span className="badge badge-next">
                Next class{m.startsAt ? ` · ${classFromNow(m, now, course.timeZone)}` : ''}
              </span>
            ) : null}
            {special ? (
              <span className={`badge badge-kind badge-${m.kind}`}>{kindLabels[m.kind]}</span>
            ) : null}
          </p>
        ) : null}
        {m.title ? <p className="meeting-title">{m.title}</p> : null}
        {m.readings.length > 0 ? (
          <ul className="readings" aria-label={`Readings for ${formatDay(m.date)}`}>
            {m.readings.map((r, i) => (
              <li key={i} className={r.required ? 'reading required' : 'reading optional'}>
                {r.required ? (
                  <span className="badge badge-required">Required</span>
                ) : (
                  <span className="badge badge-optional">Optional</span>
                )}{' '}
                <span className="reading-title">
                  {r.url ? <SafeLink href={r.url}>{r.title}</SafeLink> : r.title}
                  {r.note ? <span className="muted"> ({r.note})</span> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {m.notesHtml.map((html, i) => (
          <Html key={i} html={html} className="meeting-note" />
        ))}
        {m.needsPresenters ? <MeetingPanel slug={course.slug} meetingId={m.id} /> : null}
        {course.abilities.viewPrivate && hasRoom(m) ? (
          <p className="meeting-room">
            <RoomLink slug={course.slug} date={m.date} />
          </p>
        ) : null}
        {feedback ? (
          <p className="meeting-feedback">
            <Link to={`${coursePageUrl(course.slug, 'feedback')}?date=${encodeURIComponent(m.date)}`}>
              Peer feedback on {formatDay(m.date)}
            </Link>{' '}
            <span className="muted">· {peerWindowWords(feedback, feedbackNow, course.timeZone)}</span>
          </p>
        ) : null}
      </div>
    </article>
  );
}
