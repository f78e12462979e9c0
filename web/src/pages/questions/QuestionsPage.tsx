// The questions of a class: your own before the deadline; presenters and staff see all of them, grouped by reading, after it.
import { useCallback, useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { noteServerTime, useServerNow } from '../../components/server-now.js';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { meetingTopic } from '../../components/meeting-time.js';
import { ApiError } from '../../api.js';
import { messageOf } from '../../auth/client.js';
import { formatDay, formatInstant, fromNow } from '../../time.js';
import { workApi, type MeetingQuestions } from '../work/work-client.js';
import '../work/work.css';
import { SignInLink } from '../../auth/SignInLink.js';
import '../../auth/auth.css';

export default function QuestionsPage() {
  const course = useCourse();
  useDocumentTitle('Questions', [course.code, course.title].filter(Boolean).join(' '));
  const meetings = course.meetings.filter((m) => m.readings.some((r) => r.required) && m.kind === 'lecture');
  const dates = meetings.map((m) => m.date);
  const initial =
    new URLSearchParams(window.location.search).get('date') ?? nextOrLast(dates, course.meetings);
  const [date, setDate] = useState(initial);
  const [data, setData] = useState<MeetingQuestions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setData(null);
    setError(null);
    if (date)
      workApi.questions(course.slug, date).then(
        (d) => {
          // Deadlines are judged by the server's clock: the relative "(in 6 days)" follows it.
          if (d.now) noteServerTime(d.now);
          setData(d);
        },
        (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', messageOf(e))),
      );
  }, [course.slug, date]);
  useEffect(() => {
    if (course.abilities.viewPrivate) load();
  }, [load, course.abilities.viewPrivate]);

  if (!course.abilities.viewPrivate) {
    return (
      <Empty>
        <h1>Questions</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of the course to see questions.
        </p>
      </Empty>
    );
  }
  if (dates.length === 0) {
    return (
      <Empty>
        <h1>Questions</h1>
        <p>
          No class of this course asks for questions yet: they are asked about the required readings of
          lectures.
        </p>
      </Empty>
    );
  }
  return (
    <>
      <h1>Questions</h1>
      <p className="lede">
        One question per presented reading, due when the class starts. Presenters and staff see everyone’s
        after that.
      </p>
      <div className="field questions-pick">
        <label htmlFor="q-class">Class</label>
        <select
          id="q-class"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            const url = new URL(window.location.href);
            url.searchParams.set('date', e.target.value);
            window.history.replaceState(window.history.state, '', url);
          }}
        >
          {meetings.map((m) => (
            <option key={m.date} value={m.date}>
              {formatDay(m.date)}
              {shortTopic(meetingTopic(m))}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <ErrorState error={error} title="The questions could not be loaded" onRetry={load} />
      ) : !data ? (
        <Loading label="Loading questions" />
      ) : (
        <Questions
          data={data}
          zone={course.timeZone}
          dueUrl={coursePageUrl(course.slug, 'due')}
          canHandIn={course.abilities.viewOwnGrades === true}
        />
      )}
    </>
  );
}

function shortTopic(topic: string | null): string {
  if (!topic) return '';
  return ` — ${topic.length > 48 ? `${topic.slice(0, 46).trimEnd()}…` : topic}`;
}

function nextOrLast(dates: string[], meetings: Array<{ date: string; endsAt?: string | null }>): string {
  const now = Date.now();
  const upcoming = meetings.find((m) => dates.includes(m.date) && m.endsAt && Date.parse(m.endsAt) > now);
  return upcoming?.date ?? dates.at(-1) ?? '';
}

function Questions({
  data,
  zone,
  dueUrl,
  canHandIn,
}: {
  data: MeetingQuestions;
  zone: string;
  dueUrl: string;
  canHandIn: boolean;
}) {
  const now = useServerNow();
  const before = Date.parse(data.deadline) > now;
  const total = data.byReading.reduce((n, g) => n + g.questions.length, 0);
  const mine = data.byReading.reduce((n, g) => n + g.questions.filter((q) => q.mine).length, 0);
  const when = `${formatInstant(data.deadline, zone)} (${fromNow(data.deadline, now, zone)})`;
  return (
    <section aria-labelledby="q-title">
      <h2 id="q-title">
        {formatDay(data.meetingDate)}
        {data.meetingTitle ? `: ${data.meetingTitle}` : ''}
      </h2>
      {data.scope === 'all' ? (
        <p>
          Everyone’s questions are shown, grouped by reading: {total} question{total === 1 ? '' : 's'}. They
          were due {formatInstant(data.deadline, zone)}.
        </p>
      ) : data.hiddenBecause === 'before-deadline' ? (
        <p className="questions-hidden">
          Your group presents this class: you will see everyone’s questions once the deadline passes, at{' '}
          <strong>{when}</strong>. Until then, only your own are shown.
        </p>
      ) : (
        <p className="questions-hidden">
          Only your own questions are shown; classmates’ questions stay hidden. The presenting group and staff
          see them all after the deadline ({formatInstant(data.deadline, zone)}).
        </p>
      )}
      {canHandIn && before ? (
        <p>
          {mine === 0 ? 'You have not handed in a question for this class yet. ' : ''}
          Questions are due {when}.{' '}
          <Link to={`${dueUrl}#due-question-${data.meetingDate}`}>
            Write or change your questions on What is due
          </Link>
          .
        </p>
      ) : null}
      {data.byReading.map((group) => (
        <section key={group.readingIndex} aria-labelledby={`q-r${group.readingIndex}`}>
          <h3 id={`q-r${group.readingIndex}`}>{group.readingTitle}</h3>
          {group.questions.length === 0 ? (
            <p className="muted">
              {data.scope === 'all'
                ? 'No questions about this reading.'
                : 'You have not asked about this reading.'}
            </p>
          ) : (
            <ul className="question-list">
              {group.questions.map((q) => (
                <li key={q.id}>
                  <p>{q.text}</p>
                  <p className="muted">
                    {q.mine ? 'You' : q.authorName} · {formatInstant(q.submittedAt, zone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
