// Shapes real syllabi are written in (issue 12), second part: tables that are not the schedule, readings written
// around links, several rows of one date, other schedule shapes, and what a refusal still says and keeps.
import { describe, expect, it } from 'vitest';
import type { CourseModel } from '../../src/domain/course.js';
import { fixturePath, meetingOn, parseOk, readText } from './helpers.js';

const load = (name: string) => parseOk(readText(fixturePath(name)));
const counts = (course: CourseModel) => {
  const all = course.meetings.flatMap((m) => m.readings);
  return {
    meetings: course.meetings.length,
    readings: all.length,
    required: all.filter((r) => r.required).length,
  };
};

describe('tables that are not the schedule, and days that are not classes', () => {
  const { course, warnings } = load('deadlines-teams-breaks.md');

  it('reads the "Summary of Deadlines" as milestones (end of day, or the time written), not as meetings', () => {
    expect(course.milestones.map((m) => [m.key, m.title, m.dueAt, m.meetingDates])).toEqual([
      ['team-building', 'Team building', '2024-11-16T05:59:59.999Z', []],
      ['project-proposal', 'Project proposal', '2024-11-22T23:00:00.000Z', []],
      ['final-report', 'Final report', '2024-12-14T05:59:59.999Z', []],
    ]);
    expect(course.meetings.map((m) => m.date)).not.toContain('2024-11-15');
    expect(course.meetings.map((m) => m.date)).not.toContain('2024-12-13');
  });

  it('leaves the project-team table in the text, and gives no reading for "Format TBD", "No lecture" or "Thanksgiving holidays"', () => {
    expect(counts(course)).toEqual({ meetings: 7, readings: 4, required: 0 });
    expect(course.policies.map((p) => p.title)).toEqual(['Summary of Deadlines', 'Project Teams']);
    expect(course.policies[1]!.markdown).toContain('| 1 | Ana Ruiz, Bo Chen |');
    expect(meetingOn(course, '2024-11-14')).toMatchObject({
      kind: 'lecture',
      readings: [],
      notes: ['Format TBD'],
    });
    expect(course.meetings.map((m) => [m.date, m.kind, m.readings.length, m.notes])).toEqual([
      ['2024-11-12', 'lecture', 1, []],
      ['2024-11-14', 'lecture', 0, ['Format TBD']],
      ['2024-11-19', 'lecture', 2, []],
      ['2024-11-21', 'no_class', 0, ['No lecture (instructor travelling)']],
      ['2024-11-26', 'no_class', 0, ['Thanksgiving holidays']],
      ['2024-11-28', 'no_class', 0, ['Thanksgiving holidays']],
      ['2024-12-03', 'lecture', 1, []],
    ]);
  });

  it('takes the zone of "Urbana" (the default here), so says nothing about it', () => {
    expect(course.timeZone).toBe('America/Chicago');
    expect(warnings).toEqual([]);
  });
});
