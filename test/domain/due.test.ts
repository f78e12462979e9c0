// Due instants: absolute, or relative to a meeting in the course's zone, across daylight-saving changes.

import { describe, expect, it } from 'vitest';
import {
  DueRuleError,
  addElapsedHours,
  describeDueRule,
  dueAt,
  endOfLocalDay,
  localInstant,
  meetingInterval,
} from '../../src/domain/due.js';
import type { DueRule } from '../../src/domain/deliverables.js';
import { ZONE, buildCourse, meeting, meetingOn } from './demo-course.js';

const SLIDES: DueRule = { kind: 'meeting', anchor: 'start', offsetHours: -24 };
const SUMMARY: DueRule = { kind: 'meeting', anchor: 'end', offsetHours: 24 };
const QUESTION: DueRule = { kind: 'meeting', anchor: 'start', offsetHours: 0 };
const course = buildCourse();

describe('meeting times', () => {
  it('places a Monday 9:30–10:45 class in Chicago daylight time before November 3', () => {
    expect(meetingInterval(course, meetingOn(course, '2024-10-30'))).toEqual({
      start: '2024-10-30T14:30:00.000Z',
      end: '2024-10-30T15:45:00.000Z',
    });
  });

  it('places the same class in standard time after daylight saving ends', () => {
    expect(meetingInterval(course, meetingOn(course, '2024-11-04'))).toEqual({
      start: '2024-11-04T15:30:00.000Z',
      end: '2024-11-04T16:45:00.000Z',
    });
  });

  it("uses the meeting's own times when they differ from the pattern (poster session 10:30–12:00)", () => {
    expect(meetingInterval(course, meetingOn(course, '2024-12-04'))).toEqual({
      start: '2024-12-04T16:30:00.000Z',
      end: '2024-12-04T18:00:00.000Z',
    });
  });

  it('refuses a meeting without times when the course has no pattern', () => {
    expect(() => meetingInterval({ timeZone: ZONE, pattern: null }, meeting({ date: '2024-09-18' }))).toThrow(
      DueRuleError,
    );
  });
});

describe('"The final report is due on or before 6:00 PM on December 19"', () => {
  it('is 2024-12-20T00:00:00Z: Chicago is on CST (UTC−6) in December, whatever the syllabus calls it', () => {
    expect(localInstant('2024-12-19', '18:00', ZONE)).toBe('2024-12-20T00:00:00.000Z');
    expect(dueAt({ kind: 'absolute', at: '2024-12-20T00:00:00Z' }, course)).toBe('2024-12-20T00:00:00.000Z');
  });

  it('normalises an absolute instant written with an offset', () => {
    expect(dueAt({ kind: 'absolute', at: '2024-12-19T18:00:00-06:00' }, course)).toBe(
      '2024-12-20T00:00:00.000Z',
    );
  });

  it('refuses an absolute instant without an offset, which would depend on the server zone', () => {
    expect(() => dueAt({ kind: 'absolute', at: '2024-12-19T18:00:00' }, course)).toThrow(DueRuleError);
  });
});

describe('"by September 26": a date-only deadline is the end of that local day', () => {
  it('ends at 23:59:59.999 in Chicago (04:59:59.999Z the next day, CDT)', () => {
    expect(endOfLocalDay('2024-09-26', ZONE)).toBe('2024-09-27T04:59:59.999Z');
  });
});

describe('"Submit one question for each presented paper before each class"', () => {
  it('is due when the class starts', () => {
    expect(dueAt(QUESTION, course, meetingOn(course, '2024-09-18'))).toBe('2024-09-18T14:30:00.000Z');
  });
});

describe('"Slides must be emailed at least 24 hours prior to the corresponding class"', () => {
  it('are due 24 h before a Wednesday 9:30 class: Tuesday 9:30', () => {
    expect(dueAt(SLIDES, course, meetingOn(course, '2024-09-18'))).toBe('2024-09-17T14:30:00.000Z');
  });

  it('for the Monday class the day after daylight saving ends (Nov 3 2024) are due Sunday 9:30 CST', () => {
    const due = dueAt(SLIDES, course, meetingOn(course, '2024-11-04'));
    expect(due).toBe('2024-11-03T15:30:00.000Z');
    // Sunday 9:30 is already standard time: 24 elapsed hours and "same time the day before" agree.
    expect(due).toBe(localInstant('2024-11-03', '09:30', ZONE));
  });

  it('for the Monday class the day after daylight saving starts (Mar 10 2024) are due Sunday 9:30 CDT', () => {
    const monday = meeting({ date: '2024-03-11' });
    expect(dueAt(SLIDES, course, monday)).toBe('2024-03-10T14:30:00.000Z');
    expect(dueAt(SLIDES, course, monday)).toBe(localInstant('2024-03-10', '09:30', ZONE));
  });

  it('count 24 elapsed hours when the window spans the fall-back change (a Sunday Nov 3 class: 10:30 CDT Saturday)', () => {
    const sunday = meeting({ date: '2024-11-03' });
    const due = dueAt(SLIDES, course, sunday);
    expect(due).toBe('2024-11-02T15:30:00.000Z');
    expect(due).not.toBe(localInstant('2024-11-02', '09:30', ZONE));
    expect(Date.parse(meetingInterval(course, sunday).start) - Date.parse(due)).toBe(24 * 3_600_000);
  });

  it('count 24 elapsed hours when the window spans the spring-forward change (a Sunday Mar 10 class: 8:30 CST Saturday)', () => {
    const sunday = meeting({ date: '2024-03-10' });
    expect(dueAt(SLIDES, course, sunday)).toBe('2024-03-09T14:30:00.000Z');
    expect(localInstant('2024-03-09', '08:30', ZONE)).toBe('2024-03-09T14:30:00.000Z');
  });
});

describe('"The summary must be emailed within 24 hours after its presentation"', () => {
  it('is due 24 h after the class ends', () => {
    expect(dueAt(SUMMARY, course, meetingOn(course, '2024-11-04'))).toBe('2024-11-05T16:45:00.000Z');
  });

  it('is 24 real hours, not 25, for a class the day before daylight saving ends', () => {
    const saturday = meeting({ date: '2024-11-02' });
    const due = dueAt(SUMMARY, course, saturday);
    expect(due).toBe('2024-11-03T15:45:00.000Z'); // 9:45 CST on Sunday
    expect(Date.parse(due) - Date.parse(meetingInterval(course, saturday).end)).toBe(24 * 3_600_000);
  });
});

describe('wall-clock times the change skips or repeats', () => {
  it('moves 02:30 on the spring-forward day to 03:30 CDT', () => {
    expect(localInstant('2024-03-10', '02:30', ZONE)).toBe('2024-03-10T08:30:00.000Z');
  });

  it('takes the first (daylight-time) 01:30 on the fall-back day', () => {
    expect(localInstant('2024-11-03', '01:30', ZONE)).toBe('2024-11-03T06:30:00.000Z');
  });

  it('refuses an unknown time zone and malformed dates', () => {
    expect(() => localInstant('2024-11-03', '09:30', 'Mars/Olympus')).toThrow(DueRuleError);
    expect(() => localInstant('Nov 3', '09:30', ZONE)).toThrow(DueRuleError);
    expect(() => localInstant('2024-02-30', '09:30', ZONE)).toThrow(DueRuleError);
  });

  it('refuses a meeting-relative rule without its meeting', () => {
    expect(() => dueAt(SLIDES, course)).toThrow(DueRuleError);
  });
});

describe('helpers', () => {
  it('adds elapsed hours across a change', () => {
    expect(addElapsedHours('2024-11-02T15:30:00.000Z', 24)).toBe('2024-11-03T15:30:00.000Z');
  });

  it('describes rules in words', () => {
    expect(describeDueRule(SLIDES, ZONE)).toBe('24 h before the class starts');
    expect(describeDueRule(SUMMARY, ZONE)).toBe('24 h after the class ends');
    expect(describeDueRule(QUESTION, ZONE)).toBe('when the class starts');
    expect(describeDueRule({ kind: 'absolute', at: '2024-12-20T00:00:00Z' }, ZONE)).toBe(
      '18:00 Thu Dec 19, 2024 CST',
    );
  });
});
