// Lateness: the syllabus's deadlines to the second, late rules, grace, and who may hand what in.

import { describe, expect, it } from 'vitest';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import type { Deliverable } from '../../src/domain/deliverables.js';
import { addElapsedHours, dueAt } from '../../src/domain/due.js';
import {
  canSubmit,
  closesAt,
  countingVersion,
  dueWithResubmission,
  openResubmissionWindow,
  effectiveDue,
  isLate,
  judgeSubmission,
  lateBy,
  lateOutcome,
  submissionBlocker,
  type SubmissionContext,
} from '../../src/domain/lateness.js';
import { buildCourse, meetingOn } from './demo-course.js';

const course = buildCourse();
const deliverables = deliverablesForCourse(course);
function deliverable(key: string): Deliverable {
  const found = deliverables.find((d) => d.key === key);
  if (!found) throw new Error(key);
  return found;
}
const nov4 = meetingOn(course, '2024-11-04');
const SECOND = 1 / 3600;

function ctx(key: string, now: string, over: Partial<SubmissionContext> = {}): SubmissionContext {
  const d = deliverable(key);
  const regular = dueAt(d.dueRule, course, d.perMeeting ? nov4 : null);
  return {
    deliverable: d,
    now,
    due: effectiveDue(regular, d),
    enrolled: true,
    groupId: 'g1',
    holderGroupIds: ['g1'],
    ...over,
  };
}

describe('"Slides at least 24 hours prior to the class" — late slides are flagged for staff', () => {
  const due = '2024-11-03T15:30:00.000Z';

  it('takes slides one second before the deadline as on time', () => {
    const verdict = judgeSubmission(ctx('slides', addElapsedHours(due, -SECOND)));
    expect(verdict).toEqual({
      ok: true,
      lateByMs: 0,
      accepted: true,
      late: false,
      flagged: false,
      scoresZero: false,
    });
  });

  it('takes slides at the deadline itself as on time', () => {
    expect(isLate(due, due)).toBe(false);
  });

  it('flags slides one second after the deadline, and keeps them', () => {
    const verdict = judgeSubmission(ctx('slides', addElapsedHours(due, SECOND)));
    expect(verdict).toEqual({
      ok: true,
      lateByMs: 1000,
      accepted: true,
      late: true,
      flagged: true,
      scoresZero: false,
    });
  });
});

describe('"Late reviews will not be counted" — a summary handed in after end + 24 h scores zero', () => {
  const classEnd = '2024-11-04T16:45:00.000Z';

  it('counts a summary handed in 25 h after class as zero (kept, shown, marked)', () => {
    const verdict = judgeSubmission(ctx('summary', addElapsedHours(classEnd, 25)));
    expect(verdict).toMatchObject({
      ok: true,
      accepted: true,
      late: true,
      flagged: true,
      scoresZero: true,
      lateByMs: 3_600_000,
    });
  });

  it('counts a summary handed in 23 h after class in full', () => {
    expect(judgeSubmission(ctx('summary', addElapsedHours(classEnd, 23)))).toMatchObject({
      ok: true,
      late: false,
      scoresZero: false,
    });
  });

  it('counts a summary one second before end + 24 h, and zeroes one a second after', () => {
    const due = addElapsedHours(classEnd, 24);
    expect(judgeSubmission(ctx('summary', addElapsedHours(due, -SECOND)))).toMatchObject({
      scoresZero: false,
    });
    expect(judgeSubmission(ctx('summary', addElapsedHours(due, SECOND)))).toMatchObject({ scoresZero: true });
  });
});

describe('"One question for each presented paper before each class"', () => {
  const start = '2024-11-04T15:30:00.000Z';

  it('takes a question one second before class starts', () => {
    expect(submissionBlocker(ctx('question', addElapsedHours(start, -SECOND), { groupId: null }))).toBeNull();
  });

  it('refuses a question one second after class starts, with the reason', () => {
    const late = ctx('question', addElapsedHours(start, SECOND), { groupId: null });
    expect(submissionBlocker(late)).toBe('late-rejected');
    expect(canSubmit(late)).toBe(false);
    expect(judgeSubmission(late)).toEqual({ ok: false, reason: 'late-rejected' });
  });

  it('lets a student without a group hand in questions (they are individual)', () => {
    expect(canSubmit(ctx('question', '2024-11-01T12:00:00Z', { groupId: null, holderGroupIds: [] }))).toBe(
      true,
    );
  });
});

describe('who may submit what', () => {
  const early = '2024-11-01T12:00:00.000Z';

  it('refuses anyone not enrolled', () => {
    expect(submissionBlocker(ctx('question', early, { enrolled: false }))).toBe('not-enrolled');
  });

  it('refuses group work from a student without a group', () => {
    expect(submissionBlocker(ctx('proposal', '2024-09-20T12:00:00Z', { groupId: null }))).toBe(
      'not-in-group',
    );
  });

  it('lets only the presenting group upload slides for its lecture', () => {
    expect(submissionBlocker(ctx('slides', early, { groupId: 'g2', holderGroupIds: ['g1'] }))).toBe(
      'not-holder',
    );
    expect(submissionBlocker(ctx('slides', early, { groupId: 'g1', holderGroupIds: ['g1'] }))).toBeNull();
  });

  it('lets only the summarizing group hand in the summary', () => {
    expect(submissionBlocker(ctx('summary', early, { groupId: 'g1', holderGroupIds: ['g3'] }))).toBe(
      'not-holder',
    );
  });

  it('lets any group hand in its proposal', () => {
    expect(
      submissionBlocker(ctx('proposal', '2024-09-20T12:00:00Z', { groupId: 'g9', holderGroupIds: [] })),
    ).toBeNull();
  });

  it('refuses everything once staff close a deliverable', () => {
    expect(submissionBlocker(ctx('slides', early, { closedByStaff: true }))).toBe('closed');
  });

  it('closes a deliverable closeAfterHours past its due instant', () => {
    const d: Deliverable = { ...deliverable('slides'), closeAfterHours: 48 };
    const due = '2024-11-03T15:30:00.000Z';
    expect(closesAt(d, due)).toBe('2024-11-05T15:30:00.000Z');
    const base = { deliverable: d, due, enrolled: true, groupId: 'g1', holderGroupIds: ['g1'] };
    expect(submissionBlocker({ ...base, now: '2024-11-05T15:30:00.000Z' })).toBeNull();
    expect(submissionBlocker({ ...base, now: '2024-11-05T15:30:01.000Z' })).toBe('closed');
  });
});

describe('grace', () => {
  const slides: Deliverable = { ...deliverable('slides'), graceMinutes: 5 };
  const due = '2024-11-03T15:30:00.000Z';

  it('has none by default: the syllabus deadlines are exact', () => {
    expect(deliverable('slides').graceMinutes).toBe(0);
    expect(effectiveDue(due, deliverable('slides'))).toBe(due);
  });

  it('counts slides 4 min 59 s late as on time with a 5-minute grace, and 5 min 1 s as late', () => {
    const withGrace = effectiveDue(due, slides);
    expect(withGrace).toBe('2024-11-03T15:35:00.000Z');
    expect(isLate('2024-11-03T15:34:59.000Z', withGrace)).toBe(false);
    expect(isLate('2024-11-03T15:35:01.000Z', withGrace)).toBe(true);
  });

  it('measures lateness from the end of the grace', () => {
    expect(lateBy('2024-11-03T15:36:00.000Z', effectiveDue(due, slides))).toBe(60_000);
  });

  it('applies on top of an extension', () => {
    expect(effectiveDue(due, slides, { dueAt: '2024-11-04T15:30:00.000Z' })).toBe('2024-11-04T15:35:00.000Z');
  });
});

describe('late rules', () => {
  it('do nothing to work on time', () => {
    for (const rule of ['accept', 'flag', 'zero', 'reject'] as const) {
      expect(lateOutcome(rule, false)).toEqual({
        accepted: true,
        late: false,
        flagged: false,
        scoresZero: false,
      });
    }
  });

  it('accept, flag, zero or refuse late work', () => {
    expect(lateOutcome('accept', true)).toEqual({
      accepted: true,
      late: true,
      flagged: false,
      scoresZero: false,
    });
    expect(lateOutcome('flag', true)).toEqual({
      accepted: true,
      late: true,
      flagged: true,
      scoresZero: false,
    });
    expect(lateOutcome('zero', true)).toEqual({
      accepted: true,
      late: true,
      flagged: true,
      scoresZero: true,
    });
    expect(lateOutcome('reject', true).accepted).toBe(false);
  });
});

describe('"every version kept, the last on time counts unless staff choose otherwise"', () => {
  const due = '2024-11-05T16:45:00.000Z';
  const versions = [
    { id: 'v1', submittedAt: '2024-11-04T20:00:00.000Z' },
    { id: 'v3', submittedAt: '2024-11-05T18:00:00.000Z' },
    { id: 'v2', submittedAt: '2024-11-05T10:00:00.000Z' },
  ];

  it('counts the last version handed in on time', () => {
    expect(countingVersion(versions, due)?.id).toBe('v2');
  });

  it("counts staff's choice when they make one", () => {
    expect(countingVersion(versions, due, 'v3')?.id).toBe('v3');
  });

  it('counts the last late version when nothing came on time', () => {
    expect(
      countingVersion(
        versions.filter((v) => v.id === 'v3'),
        due,
      )?.id,
    ).toBe('v3');
    expect(countingVersion([], due)).toBeNull();
  });
});

describe('a return’s resubmission window', () => {
  const due = '2024-09-27T04:59:00.000Z';
  const windows = [{ openedAt: '2024-09-30T15:00:00.000Z', until: '2024-10-07T15:00:00.000Z' }];

  it('moves the deadline of a version handed in after the return to the window’s end', () => {
    expect(dueWithResubmission(due, windows, '2024-10-05T00:00:00.000Z')).toBe(windows[0]!.until);
    expect(
      isLate('2024-10-05T00:00:00.000Z', dueWithResubmission(due, windows, '2024-10-05T00:00:00.000Z')),
    ).toBe(false);
    expect(
      isLate('2024-10-08T00:00:00.000Z', dueWithResubmission(due, windows, '2024-10-08T00:00:00.000Z')),
    ).toBe(true);
  });

  it('leaves a version handed in before the return judged by the deadline as it was', () => {
    expect(dueWithResubmission(due, windows, '2024-09-29T00:00:00.000Z')).toBe(due);
    // A window ending before an (extended) deadline does not shorten it.
    expect(dueWithResubmission('2024-10-10T00:00:00.000Z', windows, '2024-10-05T00:00:00.000Z')).toBe(
      '2024-10-10T00:00:00.000Z',
    );
  });

  it('says which window is open now, none before it opens or after it closes', () => {
    expect(openResubmissionWindow(windows, '2024-10-01T00:00:00.000Z')).toEqual(windows[0]);
    expect(openResubmissionWindow(windows, '2024-09-30T00:00:00.000Z')).toBeNull();
    expect(openResubmissionWindow(windows, '2024-10-08T00:00:00.000Z')).toBeNull();
  });

  it('counts the version handed in within the window, though the hand-in’s deadline passed before it', () => {
    const versions = [
      { id: 'v1', submittedAt: '2024-09-26T00:00:00.000Z', dueAt: due },
      { id: 'v2', submittedAt: '2024-10-05T00:00:00.000Z', dueAt: windows[0]!.until },
      { id: 'v3', submittedAt: '2024-10-09T00:00:00.000Z', dueAt: windows[0]!.until },
    ];
    expect(countingVersion(versions, due)?.id).toBe('v2');
  });
});
