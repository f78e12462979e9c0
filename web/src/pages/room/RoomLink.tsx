// The way into a class's room from elsewhere: the schedule's class row, What is due and Today.
import type { CourseDetail, MeetingView } from '../../api.js';
import { useServerNow } from '../../components/server-now.js';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay, localDate } from '../../time.js';

/** Classes that hold a room: the ones that meet (not a day without class). */
export const hasRoom = (m: Pick<MeetingView, 'kind' | 'startsAt'>) =>
  m.startsAt !== null && m.kind !== 'no_class' && m.kind !== 'buffer';

export const roomUrl = (slug: string, date: string) =>
  `${coursePageUrl(slug, 'room')}?date=${encodeURIComponent(date)}`;

/** "The room of Wed, Aug 28" for members, on a class that meets. */
export function RoomLink({ slug, date, children }: { slug: string; date: string; children?: string }) {
  return <Link to={roomUrl(slug, date)}>{children ?? `The room of ${formatDay(date)}`}</Link>;
}

/** On a class day (course zone): a line leading into that class's room, else nothing. */
export function TodaysRoom({ course }: { course: CourseDetail }) {
  const now = useServerNow(60_000);
  const today = localDate(now, course.timeZone);
  const meeting = course.meetings.find((m) => m.date === today && hasRoom(m));
  if (!meeting || !course.abilities.viewPrivate) return null;
  return (
    <p className="form-notice">
      Class today:{' '}
      <RoomLink slug={course.slug} date={meeting.date}>
        open the class room
      </RoomLink>{' '}
      to follow the timer, ask questions and upvote.
    </p>
  );
}
