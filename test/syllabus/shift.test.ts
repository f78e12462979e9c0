// shiftCourse moves the schedule to a new first day, keeping weekdays and local deadline times.
import { describe, expect, it } from 'vitest';
import { shiftCourse } from '../../src/syllabus/index.js';
import { shiftProse } from '../../src/syllabus/shift-prose.js';
import { DEMO_PATH, fixturePath, parseOk, readText, ZONE } from './helpers.js';

const demo = parseOk(readText(DEMO_PATH)).course;

describe('shifting the demo course', () => {
  it('puts the first meeting on the given Monday and moves every meeting by the same number of days', () => {
    const { course, warnings } = shiftCourse(demo, '2026-08-24');
    expect(warnings).toEqual([]);
    expect(course.meetings[0]!.date).toBe('2026-08-24');
    expect(course.meetings.map((m) => m.date).slice(0, 4)).toEqual([
      '2026-08-24',
      '2026-08-26',
      '2026-09-02',
      '2026-09-07',
    ]);
    expect(course.meetings[27]!.date).toBe('2026-12-05');
    expect(course.term).toEqual({ season: 'Fall', year: 2026 });
  });

  it('moves to the first matching weekday on or after a date that is not a Monday, and says so', () => {
    const { course, warnings } = shiftCourse(demo, '2026-08-26');
    expect(course.meetings[0]!.date).toBe('2026-08-31');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Wednesday');
  });

  it('keeps every weekday', () => {
    const { course } = shiftCourse(demo, '2025-01-13');
    const wd = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
    expect(course.meetings.map((m) => wd(m.date))).toEqual(demo.meetings.map((m) => wd(m.date)));
  });

  it('keeps the final report at 18:00 Chicago time although daylight saving differs after the move', () => {
    const { course } = shiftCourse(demo, '2025-03-03');
    const final = course.milestones.find((m) => m.key === 'final-report')!;
    // 2024-08-26 -> 2025-03-03 is 189 days; Dec 19 2024 + 189 days = Jun 26 2025, CDT (UTC-5).
    expect(final.dueAt).toBe('2025-06-26T23:00:00.000Z');
    const groups = course.milestones.find((m) => m.key === 'groups')!;
    expect(groups.dueAt).toBe('2025-03-14T04:59:59.999Z');
  });

  it('moves milestone meeting dates with the meetings', () => {
    const { course } = shiftCourse(demo, '2026-08-24');
    expect(course.milestones.find((m) => m.key === 'midterm-presentations')!.meetingDates).toEqual([
      '2026-10-19',
      '2026-10-21',
    ]);
    expect(course.milestones.find((m) => m.key === 'poster')!.meetingDates).toEqual(['2026-12-02']);
  });

  it('leaves the course as it was', () => {
    const before = JSON.stringify(demo);
    shiftCourse(demo, '2030-01-07');
    expect(JSON.stringify(demo)).toBe(before);
  });

  it('refuses a date it cannot read and moves nothing', () => {
    const { course, warnings } = shiftCourse(demo, '2026-13-40');
    expect(course).toBe(demo);
    expect(warnings[0]).toContain('not a date');
  });

  it('lets the term year follow a winter course across the new year', () => {
    const winter = parseOk(readText(fixturePath('winter-crossing-year.md'))).course;
    const { course } = shiftCourse(winter, '2027-11-30');
    expect(course.meetings[0]!.date).toBe('2027-11-30');
    expect(course.meetings.at(-1)!.date).toBe('2028-01-11');
    expect(course.term).toEqual({ season: 'Winter', year: 2027 });
  });
});

describe('shifting the prose with the schedule', () => {
  const proseOf = (c: typeof demo) =>
    [
      c.description,
      ...c.objectives,
      ...c.policies.map((p) => p.markdown),
      ...c.milestones.map((m) => m.source),
      ...c.meetings.flatMap((m) => m.notes),
    ].join('\n');
  const localDay = (iso: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: ZONE, month: 'long', day: 'numeric' }).format(new Date(iso));

  it('leaves no date in the prose that names the unshifted day', () => {
    const { course } = shiftCourse(demo, '2026-08-24');
    const text = proseOf(course);
    for (const old of ['Sept 5**', 'September 26**', 'October 21 and October 23', 'December 19.'])
      expect(text).not.toContain(old);
    expect(text).toContain('by **Sept 3**');
    expect(text).toContain('by **September 24**');
    expect(text).toContain('**October 19 and October 21**');
    expect(text).toContain('6:00PM CDT on December 17.');
  });

  it('names in each milestone sentence the day its deadline now falls on', () => {
    for (const to of ['2026-08-24', '2025-01-13', '2027-09-01']) {
      const { course } = shiftCourse(demo, to);
      for (const m of course.milestones.filter((x) => x.dueAt)) {
        // Deadlines at the end of a day are stored as 23:59:59.999 local: the written day.
        expect(m.source, `${m.key} after a shift to ${to}`).toContain(localDay(m.dueAt!).split(' ')[1]!);
      }
      const midterm = course.milestones.find((m) => m.key === 'midterm-presentations')!;
      const [a, b] = midterm.meetingDates.map((d) => localDay(`${d}T17:00:00Z`));
      expect(midterm.source).toContain(`${a} and ${b}`);
    }
  });

  it('keeps how a date was written, leaves link targets alone and moves a year across New Year', () => {
    const shift = { days: 14, from: '2024-08-26', to: '2024-12-09' };
    expect(shiftProse('Due Dec 20, 2024; see [Dec 20](https://x.example/Dec 20) or 2024-12-20.', shift)).toBe(
      'Due Jan 3, 2025; see [Jan 3](https://x.example/Dec 20) or 2025-01-03.',
    );
    expect(shiftProse('by 4th October and SEPT 30', shift)).toBe('by 18th October and OCT 14');
    expect(shiftProse('you may 2 times; Section 3 of the paper', shift)).toBe(
      'you may 2 times; Section 3 of the paper',
    );
  });
});
