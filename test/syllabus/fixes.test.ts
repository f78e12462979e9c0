// Staff's fixes of a syllabus as read: each kind applied to the read course, and re-applied to a changed syllabus.
import { describe, expect, it } from 'vitest';
import { applyFixes, settingsOf, type SyllabusFix } from '../../src/syllabus/index.js';
import { reviewSyllabus } from '../../src/services/read-syllabus.js';
import { fixturePath, readText, ZONE } from './helpers.js';

const V1 = readText(fixturePath('review-v1.md'));
const V2 = readText(fixturePath('review-v2.md'));

const review = (source: string, fixes: SyllabusFix[]) => reviewSyllabus({ source, timeZone: ZONE, fixes });
const dates = (r: ReturnType<typeof review>) => r.course.meetings.map((m) => m.date);

describe('applyFixes', () => {
  it('reads the review fixture as four classes with their source lines', () => {
    const r = review(V1, []);
    expect(dates(r)).toEqual(['2024-09-03', '2024-09-05', '2024-09-10', '2024-09-12']);
    expect(r.lines.meetings).toEqual([[11], [12], [13], [14]]);
    expect(r.lines.readings[0]).toEqual([11, 11]);
    expect(r.lines.staff).toEqual([3]);
    expect(r.course.meetings[1]!.readings[0]).toMatchObject({ title: 'Paper C', required: false });
  });

  it('marks one reading required and leaves the others as read', () => {
    const r = review(V1, [{ kind: 'required', date: '2024-09-05', reading: 'paper c', required: true }]);
    expect(r.course.meetings[1]!.readings[0]!.required).toBe(true);
    expect(r.course.meetings[0]!.readings.map((x) => x.required)).toEqual([false, false]);
    expect(r.outcomes).toEqual([expect.objectContaining({ applied: true })]);
  });

  it('merges a class into another: readings follow in order, the source lines of both are kept', () => {
    const r = review(V1, [{ kind: 'merge', date: '2024-09-05', into: '2024-09-03' }]);
    expect(dates(r)).toEqual(['2024-09-03', '2024-09-10', '2024-09-12']);
    const first = r.course.meetings[0]!;
    expect(first.readings.map((x) => x.title)).toEqual(['Paper A', 'Paper B', 'Paper C']);
    expect(first.notes).toContain('**Storage**');
    expect(r.lines.meetings[0]).toEqual([11, 12]);
    expect(r.lines.readings[0]).toEqual([11, 11, 12]);
  });

  it('splits a class at a reading into a new class on another date, in date order', () => {
    const r = review(V1, [{ kind: 'split', date: '2024-09-03', reading: 'Paper B', newDate: '2024-09-04' }]);
    expect(dates(r)).toEqual(['2024-09-03', '2024-09-04', '2024-09-05', '2024-09-10', '2024-09-12']);
    expect(r.course.meetings[0]!.readings.map((x) => x.title)).toEqual(['Paper A']);
    expect(r.course.meetings[1]!.readings.map((x) => x.title)).toEqual(['Paper B']);
  });

  it('turns a class into a special day (its readings become notes) or a milestone due that evening', () => {
    const r = review(V1, [
      { kind: 'special-day', date: '2024-09-05' },
      { kind: 'milestone', date: '2024-09-10', title: 'Project proposal' },
    ]);
    expect(r.course.meetings[1]).toMatchObject({ kind: 'no_class', readings: [], notes: ['Paper C'] });
    expect(dates(r)).not.toContain('2024-09-10');
    expect(r.course.milestones.find((m) => m.title === 'Project proposal')).toMatchObject({
      key: 'project-proposal',
      dueAt: '2024-09-11T04:59:00Z',
    });
  });

  it('sets the year, the zone and the class times', () => {
    const fixes: SyllabusFix[] = [
      { kind: 'year', year: 2025 },
      { kind: 'zone', zone: 'Europe/Zurich' },
      { kind: 'class-times', days: [3, 1], startTime: '09:00', endTime: '10:15' },
    ];
    expect(settingsOf(fixes)).toEqual({ year: 2025, timeZone: 'Europe/Zurich' });
    const r = review(V1, fixes);
    expect(dates(r)[0]).toBe('2025-09-03');
    expect(r.course.timeZone).toBe('Europe/Zurich');
    expect(r.course.pattern).toEqual({ days: [1, 3], startTime: '09:00', endTime: '10:15' });
    expect(r.outcomes.every((o) => o.applied)).toBe(true);
  });

  it('says why a fix does not apply and applies the others', () => {
    const read = review(V1, []);
    const fixed = applyFixes(read.course, read.lines.meetings, [
      { kind: 'required', date: '2024-09-03', reading: 'No such paper', required: true },
      { kind: 'merge', date: '2024-09-03', into: '2024-09-03' },
      { kind: 'special-day', date: '2024-10-01' },
      { kind: 'split', date: '2024-09-03', reading: 'Paper B', newDate: '2024-09-05' },
      { kind: 'required', date: '2024-09-03', reading: 'Paper A', required: true },
    ]);
    expect(fixed.outcomes.map((o) => o.applied)).toEqual([false, false, false, false, true]);
    expect(fixed.outcomes[0]!.message).toContain('that class has no reading "No such paper"');
    expect(fixed.outcomes[1]!.message).toContain('it is the same class');
    expect(fixed.outcomes[2]!.message).toContain('the schedule has no class on 2024-10-01');
    expect(fixed.outcomes[3]!.message).toContain('there is already a class on 2024-09-05');
    expect(fixed.course.meetings[0]!.readings[0]!.required).toBe(true);
  });

  it('re-applies fixes to a new version of the syllabus where they still apply, and names the others', () => {
    const fixes: SyllabusFix[] = [
      { kind: 'required', date: '2024-09-03', reading: 'Paper B', required: true },
      { kind: 'required', date: '2024-09-05', reading: 'Paper C', required: true },
      { kind: 'merge', date: '2024-09-12', into: '2024-09-10' },
      { kind: 'merge', date: '2024-09-05', into: '2024-09-03' },
    ];
    const r = review(V2, fixes);
    expect(r.outcomes.map((o) => o.applied)).toEqual([true, false, false, true]);
    expect(r.outcomes[1]!.message).toBe(
      'Not applied: "Paper C" of 2024-09-05 required — that class has no reading "Paper C".',
    );
    expect(r.outcomes[2]!.message).toContain('the schedule has no class on 2024-09-10');
    expect(dates(r)).toEqual(['2024-09-03', '2024-09-12']);
    expect(r.course.meetings[0]!.readings.map((x) => [x.title, x.required])).toEqual([
      ['Paper A', false],
      ['Paper B', true],
      ['Paper C, revised', false],
    ]);
  });

  it('returns the partial course of a refused syllabus with the refusal', () => {
    const r = review(readText(fixturePath('refused-no-schedule.md')), []);
    expect(r.ok).toBe(false);
    expect(r.refusal).toContain('Looked for:');
    expect(r.course.meetings).toEqual([]);
    expect(r.course.title.length).toBeGreaterThan(0);
  });
});
