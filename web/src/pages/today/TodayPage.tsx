// Staff's Today: the next class (who presents, summarizes and reviews; slides; questions), decisions waiting, rolls not taken.
import { useCallback, useEffect, useState } from 'react';
import type { TodayGroup, TodayView, WaitingItem } from '../../../../src/contracts/today.js';
import { plural } from '../../../../src/contracts/words.js';
import { call, messageOf } from '../../auth/client.js';
import { ApiError } from '../../api.js';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay, formatInstant, formatTimeRange } from '../../time.js';
import { ownerUrl, workUrl } from '../work/staff/urls.js';
import { RoomLink } from '../room/RoomLink.js';
import '../work/work.css';

const SLIDES: Record<NonNullable<TodayView['nextClass']>['presenters'][number]['slides'], string> = {
  in: 'slides in',
  late: 'slides in, late',
  missing: 'slides missing',
  open: 'slides not in yet',
  none: 'no slides due',
};

const fetchToday = (slug: string) => call<TodayView>('GET', `/api/courses/${encodeURIComponent(slug)}/today`);

export default function TodayPage() {
  const course = useCourse();
  useDocumentTitle('Today', [course.code, course.title].filter(Boolean).join(' '));
  const [data, setData] = useState<TodayView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const allowed = course.abilities.viewAllSubmissions;
  const load = useCallback(
    () =>
      fetchToday(course.slug).then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', messageOf(e))),
      ),
    [course.slug],
  );
  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!allowed)
    return (
      <Empty>
        <h1>Today</h1>
        <p>Today is the course staff’s page: the next class and what waits for a decision.</p>
      </Empty>
    );
  if (!data)
    return error ? (
      <ErrorState error={error} title="Today could not be loaded" onRetry={() => void load()} />
    ) : (
      <>
        <h1>Today</h1>
        <Loading label="Loading the next class and what waits for you" />
      </>
    );

  const zone = data.timeZone;
  const url = (path: string) => coursePageUrl(course.slug, path);
  const next = data.nextClass;
  // Each line links to where staff act on it: the class's hand-ins, or the role assignment when no group holds a role.
  const classUrl = next ? workUrl(course.slug, { date: next.meetingDate }) : '';
  const noGroup = course.abilities.runAssignment ? (
    <Link to={url('assignment')}>no group: assign one</Link>
  ) : (
    'no group'
  );
  const groupsLine = (groups: TodayGroup[]) =>
    groups.length === 0 ? noGroup : <Link to={classUrl}>{groups.map((g) => g.name).join(', ')}</Link>;
  return (
    <div className="today">
      <h1>Today</h1>
      <p className="today-semester">{semesterLine(data)}</p>

      <section aria-labelledby="today-next">
        <h2 id="today-next">{next?.inProgress ? 'Class in progress' : 'Next class'}</h2>
        {next ? (
          <div className="card">
            <p>
              <strong>{formatDay(next.meetingDate)}</strong> · {formatTimeRange(next.start, next.end, zone)}
              {next.title ? ` · ${next.title}` : ''} · <Link to={classUrl}>this class’s hand-ins</Link> ·{' '}
              <RoomLink slug={course.slug} date={next.meetingDate}>
                the class room
              </RoomLink>
            </p>
            <ul className="today-lines">
              <li>
                Presenting:{' '}
                {next.presenters.length === 0
                  ? noGroup
                  : next.presenters.map((p, i) => (
                      <span key={p.groupId}>
                        {i > 0 ? ', ' : ''}
                        {next.slidesKey ? (
                          <Link
                            to={ownerUrl(course.slug, next.slidesKey, `g:${p.groupId}`, next.meetingDate)}
                          >
                            {p.name}
                          </Link>
                        ) : (
                          <Link to={classUrl}>{p.name}</Link>
                        )}{' '}
                        <span className={`today-slides today-slides-${p.slides}`}>({SLIDES[p.slides]})</span>
                      </span>
                    ))}
                {next.slidesDueAt ? ` · slides due ${formatInstant(next.slidesDueAt, zone)}` : ''}
              </li>
              <li>Summary: {groupsLine(next.summarizers)}</li>
              <li>Reviewing: {groupsLine(next.reviewers)}</li>
              {next.questions ? (
                <li>
                  <Link to={`${url('questions')}?date=${next.meetingDate}`}>
                    Questions: {next.questions.handedIn} of {next.questions.expected} handed in
                  </Link>{' '}
                  ({plural(next.questions.complete, 'student')} of {next.questions.students} complete; due{' '}
                  {formatInstant(next.questions.dueAt, zone)})
                </li>
              ) : null}
            </ul>
          </div>
        ) : (
          <p>No class is ahead: the semester’s classes are over.</p>
        )}
      </section>

      {data.nothingWaits ? (
        <section aria-labelledby="today-nothing" className="state-empty">
          <h2 id="today-nothing">Nothing waits for you</h2>
          <p>No proposal or late hand-in waits for a decision, and every roll is taken.</p>
        </section>
      ) : null}

      {data.waiting.length > 0 ? (
        <section aria-labelledby="today-waiting">
          <h2 id="today-waiting">Waiting for a decision ({data.waiting.length})</h2>
          <ul className="today-lines">
            {data.waiting.map((w) => (
              <li key={`${w.kind}|${w.deliverableKey}|${w.meetingDate ?? ''}|${w.owner}`}>
                <Link to={ownerUrl(course.slug, w.deliverableKey, w.owner, w.meetingDate)}>
                  {waitingLine(w)}
                </Link>{' '}
                · handed in {formatInstant(w.submittedAt, zone)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.rollsNotTaken.length > 0 ? (
        <section aria-labelledby="today-rolls">
          <h2 id="today-rolls">Rolls not taken ({data.rollsNotTaken.length})</h2>
          <ul className="today-lines">
            {data.rollsNotTaken.map((r) => (
              <li key={r.meetingDate}>
                <Link to={`${url('attendance')}?date=${r.meetingDate}`}>
                  Take the roll of {formatDay(r.meetingDate)}
                  {r.title ? ` (${r.title})` : ''}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function waitingLine(w: WaitingItem): string {
  const when = w.meetingDate ? ` for ${formatDay(w.meetingDate)}` : '';
  return w.kind === 'proposal'
    ? `${w.ownerName}: ${w.deliverableTitle} (version ${w.version}) to approve or return`
    : `${w.ownerName}: ${w.deliverableTitle}${when}, handed in late`;
}

function semesterLine(data: TodayView): string {
  if (data.state === 'no-classes') return 'The schedule has no classes yet.';
  if (data.state === 'before')
    return `Between semesters: the first class is on ${formatDay(data.firstClass!)}.`;
  if (data.state === 'after')
    return `Between semesters: the last class was on ${formatDay(data.lastClass!)}. Hand-ins and decisions stay below.`;
  return `Semester under way: classes from ${formatDay(data.firstClass!)} to ${formatDay(data.lastClass!)}.`;
}
