// The course presenter's rules: class times in the course zone across daylight saving, next meeting, labels, cache freshness.
import { describe, expect, it } from 'vitest';
import type { StoredCourse } from '../../src/domain/stored-course.js';
import {
  meetingInstants,
  nextMeetingId,
  patternLabel,
  presentCourseDetail,
} from '../../src/http/presenters/course.js';
import { CourseBodyCache } from '../../src/http/presenters/course-cache.js';
import { buildCourse } from '../support/course-factory.js';

const pattern = { days: [1, 3] as Array<1 | 3>, startTime: '09:30', endTime: '10:45' };

function stored(overrides: Partial<StoredCourse> = {}): StoredCourse {
  const model = buildCourse();
  return {
    ...model,
    id: 'C1',
    slug: 'cs598-genai-f24',
    version: 1,
    createdAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
    units: model.units.map((u, i) => ({ ...u, id: `U${i}` })),
    meetings: model.meetings.map((m, i) => ({
      ...m,
      id: `M${i}`,
      readings: m.readings.map((r, j) => ({ ...r, id: `R${i}.${j}` })),
    })),
    components: model.components.map((c, i) => ({ ...c, id: `K${i}` })),
    policies: model.policies.map((p, i) => ({ ...p, id: `P${i}` })),
    milestones: model.milestones.map((m, i) => ({ ...m, id: `S${i}` })),
    ...overrides,
  };
}

describe('course presenter', () => {
  it('starts a 9:30 class at 14:30 UTC in October (CDT) and 15:30 UTC in November (CST)', () => {
    const meeting = { kind: 'lecture' as const, startTime: null, endTime: null };
    expect(meetingInstants({ ...meeting, date: '2024-10-30' }, pattern, 'America/Chicago')).toEqual({
      startsAt: '2024-10-30T14:30:00Z',
      endsAt: '2024-10-30T15:45:00Z',
    });
    expect(meetingInstants({ ...meeting, date: '2024-11-04' }, pattern, 'America/Chicago')).toEqual({
      startsAt: '2024-11-04T15:30:00Z',
      endsAt: '2024-11-04T16:45:00Z',
    });
  });

  it('gives no times to a day without class and to a course without a pattern', () => {
    expect(
      meetingInstants(
        { date: '2024-09-02', kind: 'no_class', startTime: null, endTime: null },
        pattern,
        'America/Chicago',
      ),
    ).toEqual({ startsAt: null, endsAt: null });
    expect(
      meetingInstants(
        { date: '2024-09-04', kind: 'lecture', startTime: null, endTime: null },
        null,
        'America/Chicago',
      ),
    ).toEqual({ startsAt: null, endsAt: null });
  });

  it('labels the pattern as "Mon, Wed 9:30–10:45"', () => {
    expect(patternLabel(pattern)).toBe('Mon, Wed 9:30–10:45');
    expect(patternLabel({ days: [2, 4], startTime: '14:00', endTime: '15:15' })).toBe('Tue, Thu 14:00–15:15');
  });

  it('keeps a class that is under way as the next meeting until it ends, then moves on, then null after the last', () => {
    const meetings = [
      { id: 'a', endsAt: '2024-08-26T15:45:00Z' },
      { id: 'off', endsAt: null },
      { id: 'b', endsAt: '2024-08-28T15:45:00Z' },
    ];
    expect(nextMeetingId(meetings, new Date('2024-08-26T15:00:00Z'))).toBe('a');
    expect(nextMeetingId(meetings, new Date('2024-08-26T15:45:00Z'))).toBe('b');
    expect(nextMeetingId(meetings, new Date('2024-08-29T00:00:00Z'))).toBeNull();
  });

  it('serves from the cache the same body the presenter builds, with the next meeting of the moment', () => {
    const course = stored();
    const cache = new CourseBodyCache();
    const monday = new Date('2024-08-26T12:00:00Z');
    cache.store(course, monday);
    const wednesdayNight = new Date('2024-08-28T23:00:00Z');
    for (const now of [monday, wednesdayNight]) {
      const body = JSON.parse(cache.body(course.slug, now, {})!.body.toString('utf8'));
      expect(body).toEqual(presentCourseDetail(course, now));
    }
    expect(cache.body(course.slug, monday, {})!.etag).not.toBe(
      cache.body(course.slug, wednesdayNight, {})!.etag,
    );
  });

  it('knows a newer version or a re-created course is not cached', () => {
    const cache = new CourseBodyCache();
    cache.store(stored(), new Date('2024-08-26T12:00:00Z'));
    expect(cache.has('cs598-genai-f24', 'C1', 1)).toBe(true);
    expect(cache.has('cs598-genai-f24', 'C1', 2)).toBe(false);
    expect(cache.has('cs598-genai-f24', 'C2', 1)).toBe(false);
    expect(cache.body('other', new Date(), {})).toBeNull();
  });
});
