// Obligations: a student owes only what falls due while enrolled (and, for group work, while in the group).

import { describe, expect, it } from 'vitest';
import { allowanceState, type AllowanceEntry } from '../../src/domain/allowances.js';
import { addElapsedHours, dueAt } from '../../src/domain/due.js';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import {
  groupObligation,
  isOwed,
  obligationFor,
  obligationWithin,
  owedOnly,
  periodCovers,
  periodStartBlocker,
  startOfLocalDate,
  type Period,
} from '../../src/domain/obligations.js';
import { buildCourse, meetingOn, ZONE } from './demo-course.js';

const SECOND = 1 / 3600;
const dec5 = startOfLocalDate('2024-12-05', ZONE);
const lateJoiner: Period[] = [{ from: dec5, until: null }];
const wholeTerm: Period[] = [{ from: '2024-08-01T00:00:00.000Z', until: null }];

describe('a student enrolled on Dec 5', () => {
  const course = buildCourse();
  const question = deliverablesForCourse(course).find((d) => d.key === 'question')!;
  const nov4 = dueAt(question.dueRule, course, meetingOn(course, '2024-11-04'));

  it('did not owe the Nov 4 questions: they were due before the student joined', () => {
    expect(obligationFor({ enrollment: lateJoiner }, nov4)).toBe('before-joined');
    expect(isOwed({ enrollment: lateJoiner }, nov4)).toBe(false);
  });

  it('a classmate enrolled since August owed them', () => {
    expect(obligationFor({ enrollment: wholeTerm }, nov4)).toBe('owed');
  });

  it('owes what falls due from the first instant of the effective start date on', () => {
    expect(dec5).toBe('2024-12-05T06:00:00.000Z'); // 00:00 CST
    expect(obligationFor({ enrollment: lateJoiner }, dec5)).toBe('owed');
    expect(obligationFor({ enrollment: lateJoiner }, addElapsedHours(dec5, -SECOND))).toBe('before-joined');
    expect(obligationFor({ enrollment: lateJoiner }, addElapsedHours(dec5, SECOND))).toBe('owed');
  });

  it('a student who joined on Nov 1 keeps the allowance: the October question days cost nothing', () => {
    const nov8: Period[] = [{ from: startOfLocalDate('2024-11-01', ZONE), until: null }];
    const days: AllowanceEntry[] = ['2024-10-23', '2024-10-30', '2024-11-04'].map((date) => ({
      key: date,
      dueAt: dueAt(question.dueRule, course, meetingOn(course, date)),
      done: false,
      excused: false,
    }));
    const now = '2024-11-05T00:00:00.000Z';
    expect(allowanceState(2, days, now)).toMatchObject({ missed: 3, left: 0, penalized: ['2024-11-04'] });
    const owed = owedOnly({ enrollment: nov8 }, days);
    expect(owed.map((d) => d.key)).toEqual(['2024-11-04']);
    expect(allowanceState(2, owed, now)).toMatchObject({ missed: 1, left: 1, penalized: [] });
  });
});

describe('dropped and re-added', () => {
  const periods: Period[] = [
    { from: '2024-11-20T06:00:00.000Z', until: null },
    { from: '2024-08-26T05:00:00.000Z', until: '2024-10-01T05:00:00.000Z' },
  ];

  it('owes what fell due in either enrollment, in any order the periods come', () => {
    expect(obligationWithin(periods, '2024-09-18T14:30:00.000Z')).toBe('owed');
    expect(obligationWithin(periods, '2024-12-02T15:30:00.000Z')).toBe('owed');
  });

  it('does not owe the gap: due after the drop and before the return is not theirs to have missed', () => {
    expect(obligationWithin(periods, '2024-10-30T14:30:00.000Z')).toBe('not-member');
  });

  it('the drop instant itself is already outside (periods are half-open)', () => {
    expect(periodCovers(periods[1]!, '2024-10-01T05:00:00.000Z')).toBe(false);
    expect(periodCovers(periods[1]!, addElapsedHours('2024-10-01T05:00:00.000Z', -SECOND))).toBe(true);
  });

  it('before the first enrollment is "before joined", not a gap', () => {
    expect(obligationWithin(periods, '2024-08-20T00:00:00.000Z')).toBe('before-joined');
  });

  it('nobody owes anything without a period', () => {
    expect(obligationWithin([], '2024-08-20T00:00:00.000Z')).toBe('not-member');
  });
});

describe('a student who joins a group mid-semester', () => {
  const joinedGroup: Period[] = [{ from: '2024-10-15T05:00:00.000Z', until: null }];
  const person = { enrollment: wholeTerm, group: joinedGroup };

  it("the group's September slides were not theirs", () => {
    expect(obligationFor(person, '2024-09-17T14:30:00.000Z')).toBe('before-joined');
  });

  it("the group's November summary is", () => {
    expect(obligationFor(person, '2024-11-05T16:45:00.000Z')).toBe('owed');
  });

  it('moved to another group: the old group\'s later work is "not a member"', () => {
    const left = {
      enrollment: wholeTerm,
      group: [{ from: '2024-09-01T05:00:00.000Z', until: joinedGroup[0]!.from }],
    };
    expect(obligationFor(left, '2024-11-05T16:45:00.000Z')).toBe('not-member');
  });

  it('group work needs both: enrolled late into an old group is "before joined" up to the enrollment', () => {
    const both = { enrollment: lateJoiner, group: [{ from: '2024-08-30T05:00:00.000Z', until: null }] };
    expect(obligationFor(both, '2024-11-05T16:45:00.000Z')).toBe('before-joined');
    expect(obligationFor(both, '2024-12-09T15:30:00.000Z')).toBe('owed');
  });

  it('individual work ignores the group', () => {
    expect(obligationFor({ enrollment: wholeTerm }, '2024-09-17T14:30:00.000Z')).toBe('owed');
  });
});

describe("a group's own work", () => {
  const early = { enrollment: wholeTerm, group: [{ from: '2024-09-01T05:00:00.000Z', until: null }] };
  const late = { enrollment: wholeTerm, group: [{ from: '2024-11-01T05:00:00.000Z', until: null }] };

  it('is owed when one member owed it', () => {
    expect(groupObligation([early, late], '2024-10-01T00:00:00.000Z')).toBe('owed');
  });

  it('is "before joined" when every member came later (a group formed mid-semester)', () => {
    expect(groupObligation([late], '2024-10-01T00:00:00.000Z')).toBe('before-joined');
  });

  it('is not owed by a group without members', () => {
    expect(groupObligation([], '2024-10-01T00:00:00.000Z')).toBe('not-member');
  });
});

describe('setting an effective start date', () => {
  it('moves the start of the only period either way', () => {
    expect(periodStartBlocker(lateJoiner, startOfLocalDate('2024-11-01', ZONE))).toBeNull();
    expect(periodStartBlocker(lateJoiner, startOfLocalDate('2024-12-20', ZONE))).toBeNull();
  });

  it('cannot start a dropped enrollment at or after its end', () => {
    const dropped: Period[] = [{ from: dec5, until: '2024-12-10T06:00:00.000Z' }];
    expect(periodStartBlocker(dropped, '2024-12-10T06:00:00.000Z')).toBe('after-end');
    expect(periodStartBlocker(dropped, '2024-12-09T06:00:00.000Z')).toBeNull();
  });

  it("cannot reach back into a re-added student's earlier enrollment", () => {
    const readded: Period[] = [
      { from: '2024-08-26T05:00:00.000Z', until: '2024-10-01T05:00:00.000Z' },
      { from: '2024-11-20T06:00:00.000Z', until: null },
    ];
    expect(periodStartBlocker(readded, '2024-09-30T05:00:00.000Z')).toBe('overlaps-earlier');
    expect(periodStartBlocker(readded, '2024-10-01T05:00:00.000Z')).toBeNull();
  });

  it('needs a period', () => {
    expect(periodStartBlocker([], dec5)).toBe('no-period');
  });

  it('reads the date in the course zone across a daylight-saving change', () => {
    expect(startOfLocalDate('2024-11-03', ZONE)).toBe('2024-11-03T05:00:00.000Z'); // CDT midnight
    expect(startOfLocalDate('2024-11-04', ZONE)).toBe('2024-11-04T06:00:00.000Z'); // CST midnight
  });
});
