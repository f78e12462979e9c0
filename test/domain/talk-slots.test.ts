// "Each group must present mid-semester progress during class hours on October 21 and October 23": spreading groups over the days, and the checks.
import { describe, expect, it } from 'vitest';
import {
  dayCapacity,
  moveTalk,
  talkMinutesFromNotes,
  ordinal,
  placementBlocker,
  removeTalk,
  slotProblems,
  spreadGroups,
  type SlotDay,
  type TalkSlot,
} from '../../src/domain/talk-slots.js';

/** The two presentation days of the syllabus: Mon Oct 21 and Wed Oct 23, 9:30–10:45 (75 minutes). */
const DAYS: SlotDay[] = [
  { meetingId: 'oct21', date: '2024-10-21', minutes: 75 },
  { meetingId: 'oct23', date: '2024-10-23', minutes: 75 },
];
const groups = (n: number) => Array.from({ length: n }, (_, i) => `g${String(i + 1).padStart(2, '0')}`);
const perDay = (slots: TalkSlot[]) =>
  DAYS.map((d) =>
    slots
      .filter((s) => s.meetingId === d.meetingId)
      .sort((a, b) => a.position - b.position)
      .map((s) => s.groupId),
  );
const slot = (groupId: string, meetingId: string, position: number, locked = false): TalkSlot => ({
  groupId,
  meetingId,
  position,
  startTime: null,
  locked,
});

describe('spreading the groups over Oct 21 and Oct 23', () => {
  it('puts the 4 demo groups two on each day, alternating', () => {
    const { slots, unplaced } = spreadGroups({
      days: DAYS,
      groupIds: groups(4),
      current: [],
      talkMinutes: null,
    });
    expect(perDay(slots)).toEqual([
      ['g01', 'g03'],
      ['g02', 'g04'],
    ]);
    expect(unplaced).toEqual([]);
  });

  it('never lets the days differ by more than one talk, for any number of groups from 0 to 40', () => {
    for (let n = 0; n <= 40; n++) {
      const { slots } = spreadGroups({ days: DAYS, groupIds: groups(n), current: [], talkMinutes: null });
      const [a, b] = perDay(slots).map((d) => d.length);
      expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1);
      expect(slots).toHaveLength(n);
      expect(slotProblems({ days: DAYS, groupIds: groups(n), slots, talkMinutes: null })).toEqual([]);
    }
  });

  it('gives the same slots for the same input (deterministic)', () => {
    const input = {
      days: DAYS,
      groupIds: groups(7),
      current: [slot('g05', 'oct23', 0, true)],
      talkMinutes: null,
    };
    expect(spreadGroups(input)).toEqual(spreadGroups(input));
  });

  it('keeps a group staff placed by hand on its day and in its place, and balances the rest around it', () => {
    const { slots } = spreadGroups({
      days: DAYS,
      groupIds: groups(4),
      current: [slot('g04', 'oct21', 0, true)],
      talkMinutes: null,
    });
    expect(perDay(slots)).toEqual([
      ['g04', 'g02'],
      ['g01', 'g03'],
    ]);
    expect(slots.find((s) => s.groupId === 'g04')).toMatchObject({ position: 0, locked: true });
  });

  it('moves as few groups as it can when run again after a hand move unbalanced the days', () => {
    const current = [
      slot('g04', 'oct21', 0, true),
      slot('g01', 'oct21', 1),
      slot('g03', 'oct21', 2),
      slot('g02', 'oct23', 0),
    ];
    const { slots } = spreadGroups({ days: DAYS, groupIds: groups(4), current, talkMinutes: null });
    expect(perDay(slots)).toEqual([
      ['g04', 'g01'],
      ['g02', 'g03'],
    ]);
  });

  it('fits only as many 25-minute talks in a 75-minute class as there is time for: three a day, the seventh group waits', () => {
    const { slots, unplaced } = spreadGroups({
      days: DAYS,
      groupIds: groups(7),
      current: [],
      talkMinutes: 25,
    });
    expect(perDay(slots).map((d) => d.length)).toEqual([3, 3]);
    expect(unplaced).toEqual(['g07']);
  });

  it('forgets slots on days that are no longer presentation days and groups that no longer exist', () => {
    const current = [slot('g01', 'oct16', 0, true), slot('gone', 'oct21', 0, true)];
    const { slots } = spreadGroups({ days: DAYS, groupIds: groups(2), current, talkMinutes: null });
    expect(perDay(slots)).toEqual([['g01'], ['g02']]);
  });
});

describe('the checks staff see', () => {
  const names = new Map([
    ['g01', 'Group 1'],
    ['g02', 'Group 2'],
    ['g03', 'Group 3'],
  ]);

  it('names a group that presents on both days', () => {
    const problems = slotProblems({
      days: DAYS,
      groupIds: ['g01'],
      slots: [slot('g01', 'oct21', 0), slot('g01', 'oct23', 0)],
      talkMinutes: null,
      names,
    });
    expect(problems.map((p) => p.code)).toEqual(['two-days']);
    expect(problems[0]!.message).toBe(
      'Group 1 presents more than once (2024-10-21 and 2024-10-23); each group presents once.',
    );
  });

  it('flags a day with more talks than fit: four 25-minute talks in 75 minutes', () => {
    const slots = ['g01', 'g02', 'g03', 'g04']
      .map((g, i) => slot(g, 'oct21', i))
      .concat(['g05', 'g06', 'g07'].map((g, i) => slot(g, 'oct23', i)));
    const problems = slotProblems({ days: DAYS, groupIds: groups(7), slots, talkMinutes: 25 });
    expect(problems.map((p) => [p.code, p.meetingId])).toEqual([['over-capacity', 'oct21']]);
    expect(problems[0]!.message).toBe('2024-10-21 has 4 talks but only 3 of 25 minutes fit in 75 minutes.');
  });

  it('without a talk length only balances: three talks on Monday and one on Wednesday is unbalanced', () => {
    const slots = [
      slot('g01', 'oct21', 0),
      slot('g02', 'oct21', 1),
      slot('g03', 'oct21', 2),
      slot('g04', 'oct23', 0),
    ];
    expect(
      slotProblems({ days: DAYS, groupIds: groups(4), slots, talkMinutes: null }).map((p) => p.code),
    ).toEqual(['unbalanced']);
  });

  it('lists the groups with no day yet, and a slot on a lecture day', () => {
    const problems = slotProblems({
      days: DAYS,
      groupIds: ['g01', 'g02', 'g03'],
      slots: [slot('g01', 'oct21', 0), slot('g02', 'oct16', 0)],
      talkMinutes: null,
      names,
    });
    expect(problems.map((p) => [p.code, p.groupId])).toEqual([
      ['not-a-talk-day', 'g02'],
      ['unplaced', 'g02'],
      ['unplaced', 'g03'],
    ]);
  });

  it('refuses to place a group on a class that is not a presentation day', () => {
    expect(placementBlocker(DAYS, 'oct16')).toBe('not-a-talk-day');
    expect(placementBlocker(DAYS, 'oct23')).toBeNull();
  });

  it('reads a talk length from the deliverable notes ("at most 15 minutes"), and none from the syllabus, which states none for these talks', () => {
    expect(talkMinutesFromNotes(['Talks are at most 15 minutes, then questions.'])).toBe(15);
    expect(talkMinutesFromNotes(['The presentation is at most 40 minutes.'])).toBe(40);
    expect(talkMinutesFromNotes([])).toBeNull();
    expect(talkMinutesFromNotes(['Present your progress.'])).toBeNull();
  });

  it('derives capacity from the class length ÷ the talk length, and has none when either is unknown', () => {
    expect(dayCapacity(75, 25)).toBe(3);
    expect(dayCapacity(75, 20)).toBe(3);
    expect(dayCapacity(90, 15)).toBe(6);
    expect(dayCapacity(null, 25)).toBeNull();
    expect(dayCapacity(75, null)).toBeNull();
  });
});

describe('moving talks by hand', () => {
  const start = [
    slot('g01', 'oct21', 0),
    slot('g03', 'oct21', 1),
    slot('g02', 'oct23', 0),
    slot('g04', 'oct23', 1),
  ];

  it('moves Group 4 to the front of Monday, locks it, and closes the gap on Wednesday', () => {
    const next = moveTalk(start, { groupId: 'g04', meetingId: 'oct21', position: 0 });
    expect(perDay(next)).toEqual([['g04', 'g01', 'g03'], ['g02']]);
    expect(next.find((s) => s.groupId === 'g04')!.locked).toBe(true);
    expect(next.filter((s) => s.meetingId === 'oct23').map((s) => s.position)).toEqual([0]);
  });

  it('reorders within a day, clamping a place past the end to the last place', () => {
    expect(perDay(moveTalk(start, { groupId: 'g01', meetingId: 'oct21', position: 99 }))).toEqual([
      ['g03', 'g01'],
      ['g02', 'g04'],
    ]);
  });

  it('keeps a start time within the same day and drops it on another day unless one is given', () => {
    const timed = moveTalk(start, { groupId: 'g01', meetingId: 'oct21', position: 0, startTime: '09:30' });
    expect(
      moveTalk(timed, { groupId: 'g01', meetingId: 'oct21', position: 1 }).find((s) => s.groupId === 'g01')!
        .startTime,
    ).toBe('09:30');
    expect(
      moveTalk(timed, { groupId: 'g01', meetingId: 'oct23' }).find((s) => s.groupId === 'g01')!.startTime,
    ).toBeNull();
  });

  it('removes a talk and moves the later ones up', () => {
    expect(removeTalk(start, 'g01').filter((s) => s.meetingId === 'oct21')).toEqual([
      slot('g03', 'oct21', 0),
    ]);
  });

  it('says "2nd of 6"', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});
