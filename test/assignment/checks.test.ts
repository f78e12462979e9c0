// Infeasible or malformed input gets messages that name the cause; checkPlan lists every broken rule of a plan.
import { describe, expect, it } from 'vitest';
import { checkPlan, planAssignment, validateInput } from '../../src/assignment/index.js';
import type { RoleAssignment } from '../../src/assignment/index.js';
import { buildClass } from './factories.js';

async function failureOf(input: Parameters<typeof planAssignment>[0]) {
  const plan = await planAssignment(input);
  if (plan.ok) throw new Error('expected a failure');
  return plan;
}

describe('malformed input', () => {
  it('names rankings of unknown meetings, duplicates, and unknown groups', () => {
    const input = buildClass({ groupCount: 2, meetingCount: 3 });
    input.preferences = { g01: ['m01', 'm01', 'lecture-99'], ghost: ['m02'] };
    input.locks = [{ groupId: 'g09', meetingId: 'm01', role: 'presenter' }];
    expect(validateInput(input)).toEqual([
      'Group 1 ranks Aug 27 twice.',
      'Group 1 ranks "lecture-99", which is not a meeting that needs presenters.',
      'Preferences are given for an unknown group "ghost".',
      'A lock names an unknown group "g09".',
    ]);
  });

  it('refuses bad settings and empty classes before solving', async () => {
    const failure = await failureOf({
      ...buildClass({ groupCount: 0, meetingCount: 0 }),
      settings: {
        presentersPerMeeting: -1,
        summarizersPerMeeting: 1.5,
        reviewersPerMeeting: 'each-group-once',
      },
    });
    expect(failure.reason).toBe('invalid-input');
    expect(failure.messages).toEqual([
      'There are no groups to assign.',
      'No meetings need presenters.',
      'Presenters per meeting must be a whole number ≥ 0, not -1.',
      'Summarizers per meeting must be a whole number ≥ 0, not 1.5.',
    ]);
  });
});

describe('infeasible input, caught before solving', () => {
  it('says a group excluded from every meeting is the cause', async () => {
    const input = buildClass({ groupCount: 3, meetingCount: 3 });
    input.exclusions = input.meetings.map((m) => ({ groupId: 'g03', meetingId: m.id }));
    const failure = await failureOf(input);
    expect(failure.reason).toBe('infeasible');
    expect(failure.messages).toContain('Group 3 is excluded from every meeting.');
  });

  it('says when locks give a group two roles on one date', async () => {
    const input = buildClass({ groupCount: 4, meetingCount: 4 });
    input.locks = [
      { groupId: 'g02', meetingId: 'm03', role: 'presenter' },
      { groupId: 'g02', meetingId: 'm03', role: 'reviewer' },
    ];
    expect((await failureOf(input)).messages).toEqual([
      'Locks give Group 2 two roles on Sep 3 (presenter and reviewer).',
    ]);
  });

  it('says when locks put two presenters on a lecture that takes one, or two reviews on one group', async () => {
    const input = buildClass({ groupCount: 4, meetingCount: 4 });
    input.locks = [
      { groupId: 'g01', meetingId: 'm01', role: 'presenter' },
      { groupId: 'g02', meetingId: 'm01', role: 'presenter' },
      { groupId: 'g03', meetingId: 'm02', role: 'reviewer' },
      { groupId: 'g03', meetingId: 'm04', role: 'reviewer' },
    ];
    expect((await failureOf(input)).messages).toEqual([
      'Locks put 2 presenter groups on Aug 27 but it takes 1.',
      'Locks give Group 3 2 review slots, but each group reviews exactly once.',
    ]);
  });

  it('says when a lecture needs more groups than are available', async () => {
    const input = buildClass({
      groupCount: 3,
      meetingCount: 3,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 1, reviewersPerMeeting: 1 },
    });
    input.exclusions = [{ groupId: 'g01', meetingId: 'm02' }];
    expect((await failureOf(input)).messages).toEqual([
      'Aug 29 needs 3 groups (1 presenter, 1 summarizer, 1 reviewer) but only 2 groups are available.',
      'Group 1 is available for 2 meetings but must take 3 roles, at most one per meeting.',
    ]);
  });

  it('says when a lock falls on a date the group is unavailable', async () => {
    const input = buildClass({ groupCount: 6, meetingCount: 6 });
    input.locks = [{ groupId: 'g01', meetingId: 'm01', role: 'summarizer' }];
    input.exclusions = [{ groupId: 'g01', meetingId: 'm01' }];
    expect((await failureOf(input)).messages).toEqual([
      'Group 1 is locked as summarizer on Aug 27 but is unavailable that day.',
    ]);
  });
});

describe('infeasible input found by the solver', () => {
  it('blames the exclusions when two groups can only present on the same lecture', async () => {
    const input = buildClass({
      groupCount: 3,
      meetingCount: 3,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 0, reviewersPerMeeting: 0 },
    });
    input.exclusions = ['g01', 'g02'].flatMap((groupId) =>
      ['m02', 'm03'].map((meetingId) => ({ groupId, meetingId })),
    );
    const failure = await failureOf(input);
    expect(failure.reason).toBe('infeasible');
    expect(failure.messages).toEqual([
      'The exclusions leave too few available groups to fill every meeting while keeping loads even. Lift some exclusions and solve again.',
      'No assignment satisfies every rule together: the counts per meeting, one role per group per meeting, even loads, the locks and the exclusions.',
    ]);
  });

  it('blames the locks when they force a group out of its only free date', async () => {
    const input = buildClass({
      groupCount: 2,
      meetingCount: 2,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 1, reviewersPerMeeting: 0 },
    });
    // Group 1 presents on Aug 27 and summarizes Aug 29 is forced; locking Group 2 to summarize Aug 29 too breaks the count.
    input.locks = [
      { groupId: 'g01', meetingId: 'm01', role: 'presenter' },
      { groupId: 'g01', meetingId: 'm02', role: 'presenter' },
    ];
    const failure = await failureOf(input);
    expect(failure.messages[0]).toMatch(
      /Locks give Group 1 2 presenting slots, but with 2 presenting slots for 2 groups no group may present more than once\./,
    );
  });
});

describe('checkPlan for hand edits', () => {
  const input = buildClass({
    groupCount: 3,
    meetingCount: 3,
    settings: { presentersPerMeeting: 1, summarizersPerMeeting: 1, reviewersPerMeeting: 'each-group-once' },
  });
  const valid: RoleAssignment[] = [
    { meetingId: 'm01', groupId: 'g01', role: 'presenter' },
    { meetingId: 'm01', groupId: 'g02', role: 'summarizer' },
    { meetingId: 'm01', groupId: 'g03', role: 'reviewer' },
    { meetingId: 'm02', groupId: 'g02', role: 'presenter' },
    { meetingId: 'm02', groupId: 'g03', role: 'summarizer' },
    { meetingId: 'm02', groupId: 'g01', role: 'reviewer' },
    { meetingId: 'm03', groupId: 'g03', role: 'presenter' },
    { meetingId: 'm03', groupId: 'g01', role: 'summarizer' },
    { meetingId: 'm03', groupId: 'g02', role: 'reviewer' },
  ];

  it('finds nothing wrong with a valid plan', () => {
    expect(checkPlan(input, valid)).toEqual([]);
  });

  it('lists a group holding two roles on one date, the wrong counts and the uneven loads that follow', () => {
    const edited = valid.map((a) =>
      a.meetingId === 'm01' && a.role === 'summarizer' ? { ...a, groupId: 'g01' } : a,
    );
    expect(checkPlan(input, edited).map((v) => v.message)).toEqual([
      'Group 1 holds 2 roles on Aug 27 (presenter and summarizer); a group takes one role per meeting.',
      'Group 1 has 2 summary slots; with 3 for 3 groups each must summarize exactly once.',
      'Group 2 has 0 summary slots; with 3 for 3 groups each must summarize exactly once.',
    ]);
  });

  it('reports unheld locks, excluded dates and missing roles', () => {
    const constrained = {
      ...input,
      locks: [{ groupId: 'g02', meetingId: 'm01', role: 'presenter' as const }],
      exclusions: [{ groupId: 'g03', meetingId: 'm02' }],
    };
    const codes = checkPlan(
      constrained,
      valid.filter((a) => !(a.meetingId === 'm03' && a.role === 'reviewer')),
    ).map((v) => v.code);
    expect(codes).toEqual(['exclusion', 'reviewer-spread', 'review-once', 'lock']);
  });
});
