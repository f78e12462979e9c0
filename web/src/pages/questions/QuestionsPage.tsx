// The questions of a class: your own before the deadline; presenters and staff see all of them, grouped by reading, after it.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay, formatInstant } from '../../time.js';
import { workApi, type MeetingQuestions } from '../work/work-client.js';
import '../work/work.css';

export default function QuestionsPage() {
  const course = useCourse();
  useDocumentTitle('Questions', [course.code, course.title].filter(Boolean).join(' '));
  const dates = course.meetings.filter((m) => m.readings.some((r) => r.required) && m.kind === 'lecture').map((m) => m.date);
  const initial = new URLSearchParams(window.location.search).get('date') ?? nextOrLast(dates, course.meetings);
  const [date, setDate] = useState(initial);
  const [data, setData] = useState<MeetingQuestions | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (date) workApi.questions(course.slug, date).then(setData, (e: unknown) => setError(messageOf(e)));
  }, [course.slug, date]);

  if (!course.abilities.viewPrivate) {
    return (
      <Empty>
        <h1>Questions</h1>
        <p>Sign in as a member of the course to see questions.</p>
      </Empty>
    );
  }
  return (
    <>
      <h1>Questions</h1>
      <div className="field">
        <label htmlFor="q-class">Class</label>
        <select id="q-class" value={date} onChange={(e) => setDate(e.target.value)}>
          {dates.map((d) => (
            <option key={d} value={d}>
              {formatDay(d)}
            </option>
          ))}
        </select>
      </div>
      {error ? <FormError message={error} /> : !data ? <Loading label="Loading questions" /> : <Questions data={data} zone={course.timeZone} />}
    </>
  );
}

function nextOrLast(dates: string[], meetings: Array<{ date: string; endsAt?: string | null }>): string {
  const now = Date.now();
  const upcoming = meetings.find((m) => dates.includes(m.date) && m.endsAt && Date.parse(m.endsAt) > now);
  return upcoming?.date ?? dates.at(-1) ?? '';
}

function Questions({ data, zone }: { data: MeetingQuestions; zone: string }) {
  return (
    <section aria-labelledby="q-title">
      <h2 id="q-title">
        {formatDay(data.meetingDate)}
        {data.meetingTitle ? `: ${data.meetingTitle}` : ''}
      </h2>
      <p>
        Questions are due {formatInstant(data.deadline, zone)}.{' '}
        {data.scope === 'all'
          ? 'Everyone’s questions are shown.'
          : data.hiddenBecause === 'before-deadline'
            ? 'Your group presents this class: you will see everyone’s questions once the deadline passes. Until then, only your own are shown.'
            : 'Only your own questions are shown; classmates’ questions stay hidden.'}
      </p>
      {data.byReading.map((group) => (
        <section key={group.readingIndex} aria-labelledby={`q-r${group.readingIndex}`}>
          <h3 id={`q-r${group.readingIndex}`}>{group.readingTitle}</h3>
          {group.questions.length === 0 ? (
            <p>No questions shown.</p>
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
