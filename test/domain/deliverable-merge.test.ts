// The three-way merge of deliverables on re-import: what follows the syllabus, what staff changed stays.
import { describe, expect, it } from 'vitest';
import type { CourseModel } from '../../src/domain/course.js';
import type { Deliverable } from '../../src/domain/deliverables.js';
import { mergeDeliverables, sameJson } from '../../src/domain/deliverable-merge.js';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import { daysBetween, movedDates, moveInstantByDays } from '../../src/domain/meeting-moves.js';
import { buildCourse } from '../support/course-factory.js';

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The course a week later, as `--shift-to` makes it: every meeting and milestone day +7. */
function weekLater(course: CourseModel): CourseModel {
  return {
    ...course,
    meetings: course.meetings.map((m) => ({ ...m, date: plusDays(m.date, 7) })),
    milestones: course.milestones.map((m) => ({
      ...m,
      dueAt: m.dueAt ? new Date(Date.parse(m.dueAt) + 7 * 86_400_000).toISOString() : null,
      meetingDates: m.meetingDates.map((d) => plusDays(d, 7)),
    })),
  };
}

const weekMoves = (course: CourseModel) =>
  movedDates(course.meetings.map((m) => ({ from: m.date, to: plusDays(m.date, 7) })));

const byKey = (list: readonly Deliverable[], key: string) => list.find((d) => d.key === key)!;

describe('re-importing a syllabus merges the stored deliverables', () => {
  const before = buildCourse();
  const after = weekLater(before);
  const oldGenerated = deliverablesForCourse(before);
  const newGenerated = deliverablesForCourse(after);

  it('moves the class days of a deliverable staff left alone with the schedule', () => {
    const merge = mergeDeliverables({
      stored: oldGenerated,
      oldGenerated,
      newGenerated,
      movedDates: weekMoves(before),
    });
    expect(byKey(merge.changed, 'question').meetingDates).toEqual(['2024-09-04', '2024-09-11']);
    expect(byKey(merge.changed, 'slides').meetingDates).toEqual(byKey(newGenerated, 'slides').meetingDates);
    expect(merge.added).toEqual([]);
    expect(merge.orphaned).toEqual([]);
  });

  it('takes the syllabus’s new deadline when staff kept the old one', () => {
    const merge = mergeDeliverables({ stored: oldGenerated, oldGenerated, newGenerated });
    expect(byKey(merge.changed, 'proposal').dueRule).toEqual({
      kind: 'absolute',
      at: '2024-10-04T04:59:59.000Z',
    });
  });

  it('keeps a deadline, a grace period and a title that staff changed', () => {
    const stored = oldGenerated.map((d) =>
      d.key === 'proposal'
        ? {
            ...d,
            title: 'Proposal (2 pages)',
            graceMinutes: 60,
            dueRule: { kind: 'absolute' as const, at: '2024-09-30T04:59:59.000Z' },
          }
        : d,
    );
    const merge = mergeDeliverables({ stored, oldGenerated, newGenerated, movedDates: weekMoves(before) });
    expect(byKey(merge.changed.concat(stored), 'proposal')).toMatchObject({
      title: 'Proposal (2 pages)',
      graceMinutes: 60,
      dueRule: { kind: 'absolute', at: '2024-09-30T04:59:59.000Z' },
    });
    expect(merge.changed.some((d) => d.key === 'proposal')).toBe(false);
  });

  it('changes only the fields staff did not touch: an edited allowance stays while the days move', () => {
    const stored = oldGenerated.map((d) => (d.key === 'question' ? { ...d, allowance: 3 } : d));
    const merge = mergeDeliverables({ stored, oldGenerated, newGenerated, movedDates: weekMoves(before) });
    expect(byKey(merge.changed, 'question')).toMatchObject({
      allowance: 3,
      meetingDates: ['2024-09-04', '2024-09-11'],
    });
  });

  it('moves the days of a list of classes that staff edited along with their classes', () => {
    const stored = oldGenerated.map((d) =>
      d.key === 'question' ? { ...d, meetingDates: ['2024-09-04'] } : d,
    );
    const merge = mergeDeliverables({ stored, oldGenerated, newGenerated, movedDates: weekMoves(before) });
    expect(byKey(merge.changed, 'question').meetingDates).toEqual(['2024-09-11']);
  });

  it('adds a deliverable the new syllabus brings (a final report milestone)', () => {
    const withReport: CourseModel = {
      ...after,
      milestones: [
        ...after.milestones,
        {
          key: 'final-report',
          title: 'Final report',
          dueAt: '2024-12-20T00:00:00Z',
          meetingDates: [],
          source: '',
        },
      ],
    };
    const merge = mergeDeliverables({
      stored: oldGenerated,
      oldGenerated,
      newGenerated: deliverablesForCourse(withReport),
    });
    expect(merge.added.map((d) => d.key)).toEqual(['final-report', 'code']);
  });

  it('keeps, unchanged, and reports a deliverable the syllabus no longer has (it may hold hand-ins)', () => {
    const noProposal: CourseModel = {
      ...before,
      milestones: before.milestones.filter((m) => m.key !== 'proposal'),
    };
    const merge = mergeDeliverables({
      stored: oldGenerated,
      oldGenerated,
      newGenerated: deliverablesForCourse(noProposal),
    });
    expect(merge.orphaned).toEqual(['proposal']);
    expect(merge.changed.some((d) => d.key === 'proposal')).toBe(false);
  });

  it('keeps every field of a stored deliverable the old syllabus did not generate', () => {
    const own = { ...byKey(oldGenerated, 'proposal'), key: 'reading-log', title: 'Reading log' };
    const merge = mergeDeliverables({ stored: [...oldGenerated, own], oldGenerated, newGenerated });
    expect(merge.orphaned).toEqual(['reading-log']);
    expect(merge.changed.some((d) => d.key === 'reading-log')).toBe(false);
  });

  it('takes the new deadline when staff’s form only rewrote the old one as ".000Z"', () => {
    const stored = oldGenerated.map((d) =>
      d.dueRule.kind === 'absolute'
        ? {
            ...d,
            dueRule: { kind: 'absolute' as const, at: new Date(Date.parse(d.dueRule.at)).toISOString() },
          }
        : d,
    );
    expect(byKey(oldGenerated, 'proposal').dueRule).toEqual({ kind: 'absolute', at: '2024-09-27T04:59:59Z' });
    const merge = mergeDeliverables({ stored, oldGenerated, newGenerated });
    expect(byKey(merge.changed, 'proposal').dueRule).toEqual(byKey(newGenerated, 'proposal').dueRule);
  });

  it('repairs a list of class days left stale by an earlier import: days the course no longer had follow the syllabus', () => {
    const stale = oldGenerated.map((d) =>
      d.key === 'question' ? { ...d, meetingDates: ['2024-08-21'] } : d,
    );
    const knownDates = new Set(before.meetings.map((m) => m.date));
    const merge = mergeDeliverables({
      stored: stale,
      oldGenerated,
      newGenerated,
      movedDates: weekMoves(before),
      knownDates,
    });
    expect(byKey(merge.changed, 'question').meetingDates).toEqual(
      byKey(newGenerated, 'question').meetingDates,
    );
    // Without knowing the course's days the list counts as chosen, and only moves.
    const blind = mergeDeliverables({
      stored: stale,
      oldGenerated,
      newGenerated,
      movedDates: weekMoves(before),
    });
    expect(blind.changed.find((d) => d.key === 'question')).toBeUndefined();
  });

  it('changes nothing when the same syllabus is imported again', () => {
    const edited = oldGenerated.map((d) => (d.key === 'slides' ? { ...d, graceMinutes: 5 } : d));
    expect(
      mergeDeliverables({ stored: edited, oldGenerated, newGenerated: oldGenerated, movedDates: new Map() }),
    ).toEqual({ changed: [], added: [], orphaned: [] });
  });

  it('reaches the same deliverables whether the schedule moves once by two weeks or twice by one', () => {
    const twice = weekLater(after);
    const once = mergeDeliverables({
      stored: oldGenerated,
      oldGenerated,
      newGenerated: deliverablesForCourse(twice),
    });
    const first = mergeDeliverables({ stored: oldGenerated, oldGenerated, newGenerated });
    const stepped = oldGenerated.map((d) => first.changed.find((c) => c.key === d.key) ?? d);
    const second = mergeDeliverables({
      stored: stepped,
      oldGenerated: newGenerated,
      newGenerated: deliverablesForCourse(twice),
    });
    const final = (m: typeof once, base: Deliverable[]) =>
      base.map((d) => m.changed.find((c) => c.key === d.key) ?? d);
    expect(sameJson(final(once, oldGenerated), final(second, stepped))).toBe(true);
  });
});

describe('what moves with a meeting', () => {
  it('counts the days between two local dates across a month end', () => {
    expect(daysBetween('2024-08-28', '2024-09-04')).toBe(7);
    expect(daysBetween('2024-09-04', '2024-08-28')).toBe(-7);
  });

  it('moves an extension of a class deadline to the same local time a week later, across the end of daylight saving', () => {
    // 18:00 in Chicago on Oct 30 (CDT, UTC−5) → 18:00 on Nov 6 (CST, UTC−6).
    expect(moveInstantByDays('2024-10-30T23:00:00.000Z', 7, 'America/Chicago')).toBe(
      '2024-11-07T00:00:00.000Z',
    );
  });
});
