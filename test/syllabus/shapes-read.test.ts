// Shapes real syllabi are written in (issue 12): legends that flip the default, years from the document, week-based
// schedules, lecture times, time zones. Each fixture is ours, with hand-counted expectations.
import { describe, expect, it } from 'vitest';
import { fixturePath, meetingOn, parseOk, readText } from './helpers.js';

const load = (name: string) => parseOk(readText(fixturePath(name)));
const counts = (course: ReturnType<typeof load>['course']) => {
  const all = course.meetings.flatMap((m) => m.readings);
  return { meetings: course.meetings.length, readings: all.length, required: all.filter((r) => r.required).length };
};

describe('a legend that flips the default: "mandatory unless otherwise specified", "(O) marks an optional reading"', () => {
  const { course, warnings } = load('legend-o-marks.md');

  it('makes unmarked readings required and "(O)" / "[O]", before or after, optional', () => {
    expect(counts(course)).toEqual({ meetings: 5, readings: 9, required: 5 });
    expect(meetingOn(course, '2025-01-23').readings.map((r) => [r.title, r.url, r.required])).toEqual([
      ['Cache Replacement Revisited', 'https://example.edu/p/cache.pdf', true],
      ['Victim Buffers', 'https://example.edu/p/victim.pdf', false],
    ]);
    expect(meetingOn(course, '2025-01-28').readings.map((r) => r.required)).toEqual([true, false]);
    expect(meetingOn(course, '2025-01-30').readings.map((r) => [r.title, r.required, r.note])).toEqual([
      ['Perceptron Predictors', true, null],
      ['TAGE', true, null],
      ['Loop Predictors', false, null],
    ]);
    expect(meetingOn(course, '2025-01-21').readings[0]!.required).toBe(false);
  });

  it('says on the legend line what it read', () => {
    expect(warnings).toEqual([
      { line: 8, message: 'Reading legend: readings without a mark are required; (O) marks optional ones.' },
    ]);
  });
});
