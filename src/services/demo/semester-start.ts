// When the demo class "joined": a week before the first class, so the demo's past work is everyone's own.
import { addElapsedHours } from '../../domain/due.js';
import { startOfLocalDate } from '../../domain/obligations.js';

/**
 * The demo's people are created when the demo runs, but its schedule began weeks before; obligations
 * start at enrollment, so they are enrolled (and grouped) as of a week before the first class
 * (never later than now), as a real class would have been.
 */
export function demoEnrollmentInstant(
  course: { timeZone: string; meetings: ReadonlyArray<{ date: string }> },
  now: Date,
): Date {
  const first = [...course.meetings].map((m) => m.date).sort()[0];
  if (first === undefined) return now;
  const weekBefore = Date.parse(addElapsedHours(startOfLocalDate(first, course.timeZone), -7 * 24));
  return new Date(Math.min(weekBefore, now.getTime()));
}
