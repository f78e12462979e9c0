// How a meeting's day and time read on the site, in the course's zone.
import type { CourseDetail, MeetingView } from '../api.js';
import { formatDay, formatTimeRange, instantOf } from '../time.js';

export const kindLabels: Record<MeetingView['kind'], string> = {
  lecture: 'Lecture',
  presentations: 'Presentations',
  poster: 'Poster session',
  no_class: 'No class',
  buffer: 'Buffer day',
};

/** "9:30–10:45 AM CDT", or null for days without class. */
export function meetingTime(meeting: MeetingView, timeZone: string): string | null {
  return meeting.startsAt ? formatTimeRange(meeting.startsAt, meeting.endsAt, timeZone) : null;
}

/** "Wed, Oct 2 · 9:30–10:45 AM CDT" */
export function meetingWhen(meeting: MeetingView, timeZone: string): string {
  const time = meetingTime(meeting, timeZone);
  return time ? `${formatDay(meeting.date)} · ${time}` : formatDay(meeting.date);
}

/** What a meeting is about in a few words: its title, else its first required reading. */
export function meetingTopic(meeting: MeetingView): string | null {
  return (
    meeting.title ?? meeting.readings.find((r) => r.required)?.title ?? meeting.readings[0]?.title ?? null
  );
}

/**
 * The next class: the server's nextMeetingId, moved on past classes that have ended since the
 * response (a page left open over a class day stays true).
 */
export function nextMeeting(course: CourseDetail, now: number): MeetingView | null {
  const from = course.meetings.findIndex((m) => m.id === course.nextMeetingId);
  if (from < 0) return null;
  for (const m of course.meetings.slice(from)) {
    const end = m.endsAt ?? m.startsAt;
    if (end && instantOf(end) > now) return m;
  }
  return null;
}

const dayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function clock(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const half = h < 12 ? 'AM' : 'PM';
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${half}`;
}

/** "Mon & Wed, 9:30–10:45 AM" from the weekly pattern. */
export function patternLabel(pattern: NonNullable<CourseDetail['pattern']>): string {
  const days = pattern.days.map((d) => dayNames[d] ?? '').filter(Boolean);
  const dayText = days.length === 2 ? days.join(' & ') : days.join(', ');
  const start = clock(pattern.startTime);
  const end = clock(pattern.endTime);
  const startText = start.slice(-2) === end.slice(-2) ? start.slice(0, -3) : start;
  return `${dayText}, ${startText}–${end}`;
}
