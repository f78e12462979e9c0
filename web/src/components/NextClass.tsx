// The "what comes next" card: the next class, when it is in the course's zone, and how far away.
import { Link } from '../router.js';
import type { CourseDetail } from '../api.js';
import { useServerNow } from './server-now.js';
import { coursePageUrl } from '../routes.js';
import { classFromNow } from '../time.js';
import { meetingTopic, meetingWhen, nextMeeting } from './meeting-time.js';

export function NextClassCard({ course }: { course: CourseDetail }) {
  // The server's clock once a response has told it (the student dashboard), else the browser's.
  const now = useServerNow(60_000);
  const next = nextMeeting(course, now);
  if (!next) {
    const any = course.meetings.some((m) => m.startsAt);
    return (
      <section className="card next-class" aria-labelledby="next-class-title">
        <h2 id="next-class-title">Next class</h2>
        <p>{any ? 'All classes of this course have taken place.' : 'No class dates are published yet.'}</p>
      </section>
    );
  }
  const topic = meetingTopic(next);
  const required = next.readings.filter((r) => r.required).length;
  return (
    <section className="card next-class" aria-labelledby="next-class-title">
      <h2 id="next-class-title">Next class</h2>
      <p className="next-when">
        <time dateTime={next.startsAt ?? next.date}>{meetingWhen(next, course.timeZone)}</time>
        {next.startsAt ? (
          <span className="next-rel"> — {classFromNow(next, now, course.timeZone)}</span>
        ) : null}
      </p>
      {topic ? <p className="next-topic">{topic}</p> : null}
      <p className="next-more">
        {required > 0 ? `${required} required reading${required === 1 ? '' : 's'} before class. ` : ''}
        <Link to={coursePageUrl(course.slug, 'schedule') + '#next-class'}>See it in the schedule</Link>
      </p>
    </section>
  );
}
