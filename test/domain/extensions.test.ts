// Extensions: staff move one student's or one group's deadline, and nobody else's.

import { describe, expect, it } from 'vitest';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import type { Deliverable } from '../../src/domain/deliverables.js';
import {
  canGrantExtension,
  extensionBlocker,
  extensionFor,
  suggestedExtensionDue,
  type Extension,
} from '../../src/domain/extensions.js';
import { effectiveDue, judgeSubmission } from '../../src/domain/lateness.js';
import { buildCourse } from './demo-course.js';

const all = deliverablesForCourse(buildCourse());
const summary = all.find((d) => d.key === 'summary') as Deliverable;
const question = all.find((d) => d.key === 'question') as Deliverable;
const report = all.find((d) => d.key === 'final-report') as Deliverable;

const SUMMARY_DUE = '2024-11-05T16:45:00.000Z';
const grant = (over: Partial<Extension>): Extension => ({
  id: 'x1',
  deliverableKey: 'summary',
  meetingDate: '2024-11-04',
  target: { kind: 'group', groupId: 'g1' },
  dueAt: '2024-11-06T16:45:00.000Z',
  grantedBy: 'staff-1',
  grantedAt: '2024-11-05T12:00:00.000Z',
  reason: 'illness',
  ...over,
});

describe("an extension moves only that group's deadline", () => {
  const extensions = [grant({})];
  const at = '2024-11-06T10:00:00.000Z'; // 41 h after class: late for everyone without an extension

  it('lets group g1 hand in its summary a day later, on time', () => {
    const ext = extensionFor(extensions, summary, '2024-11-04', { userId: 'u1', groupId: 'g1' });
    expect(ext?.id).toBe('x1');
    const due = effectiveDue(SUMMARY_DUE, summary, ext);
    expect(
      judgeSubmission({
        deliverable: summary,
        now: at,
        due,
        enrolled: true,
        groupId: 'g1',
        holderGroupIds: ['g1'],
      }),
    ).toMatchObject({
      ok: true,
      late: false,
      scoresZero: false,
    });
  });

  it('still zeroes group g2 handing in at the same moment', () => {
    const ext = extensionFor(extensions, summary, '2024-11-04', { userId: 'u2', groupId: 'g2' });
    expect(ext).toBeNull();
    const due = effectiveDue(SUMMARY_DUE, summary, ext);
    expect(
      judgeSubmission({
        deliverable: summary,
        now: at,
        due,
        enrolled: true,
        groupId: 'g2',
        holderGroupIds: ['g2'],
      }),
    ).toMatchObject({
      ok: true,
      late: true,
      scoresZero: true,
    });
  });

  it("does not move g1's summary deadline of another meeting", () => {
    expect(extensionFor(extensions, summary, '2024-10-30', { userId: 'u1', groupId: 'g1' })).toBeNull();
  });

  it('does not move another deliverable', () => {
    expect(
      extensionFor(extensions, { ...summary, key: 'slides' }, '2024-11-04', { userId: 'u1', groupId: 'g1' }),
    ).toBeNull();
  });
});

describe('per-student extensions', () => {
  it("move one student's question deadline", () => {
    const ext = grant({
      deliverableKey: 'question',
      target: { kind: 'student', userId: 'u7' },
      dueAt: '2024-11-05T15:30:00.000Z',
    });
    expect(extensionFor([ext], question, '2024-11-04', { userId: 'u7', groupId: 'g1' })?.id).toBe('x1');
    expect(extensionFor([ext], question, '2024-11-04', { userId: 'u8', groupId: 'g1' })).toBeNull();
  });

  it("do not reopen a group's shared work for one member", () => {
    const ext = grant({ target: { kind: 'student', userId: 'u1' } });
    expect(extensionFor([ext], summary, '2024-11-04', { userId: 'u1', groupId: 'g1' })).toBeNull();
  });

  it('take the latest when several apply', () => {
    const a = grant({
      id: 'a',
      deliverableKey: 'question',
      target: { kind: 'student', userId: 'u7' },
      dueAt: '2024-11-05T15:30:00.000Z',
    });
    const b = grant({
      id: 'b',
      deliverableKey: 'question',
      target: { kind: 'group', groupId: 'g1' },
      dueAt: '2024-11-06T15:30:00.000Z',
    });
    expect(extensionFor([a, b], question, '2024-11-04', { userId: 'u7', groupId: 'g1' })?.id).toBe('b');
  });

  it('apply to course-wide deliverables without a meeting', () => {
    const ext = grant({
      deliverableKey: 'final-report',
      meetingDate: null,
      dueAt: '2024-12-21T00:00:00.000Z',
    });
    expect(extensionFor([ext], report, null, { userId: 'u1', groupId: 'g1' })?.dueAt).toBe(
      '2024-12-21T00:00:00.000Z',
    );
  });
});

describe('granting', () => {
  const base = {
    granterIsStaff: true,
    deliverable: summary,
    target: { kind: 'group' as const, groupId: 'g1' },
    meetingDate: '2024-11-04',
    regularDue: SUMMARY_DUE,
    newDue: '2024-11-06T16:45:00.000Z',
  };

  it('is for staff only', () => {
    expect(extensionBlocker({ ...base, granterIsStaff: false })).toBe('not-staff');
    expect(canGrantExtension(base)).toBe(true);
  });

  it('gives group work to a group, not one member', () => {
    expect(extensionBlocker({ ...base, target: { kind: 'student', userId: 'u1' } })).toBe('wrong-target');
  });

  it('names the meeting of a per-meeting deliverable', () => {
    expect(extensionBlocker({ ...base, meetingDate: null })).toBe('meeting-required');
  });

  it('moves the deadline later, never earlier', () => {
    expect(extensionBlocker({ ...base, newDue: SUMMARY_DUE })).toBe('not-later');
  });
});

describe('extensions granted after the deadline passed', () => {
  const base = {
    granterIsStaff: true,
    deliverable: { audience: 'group' as const, perMeeting: false },
    target: { kind: 'group' as const, groupId: 'g1' },
    meetingDate: null,
    regularDue: '2024-09-27T04:59:00Z',
  };

  it('refuses a new deadline at or before now, even when it is after the regular one', () => {
    const now = '2024-10-01T12:00:00Z';
    expect(extensionBlocker({ ...base, newDue: '2024-09-30T12:00:00Z', now })).toBe('in-past');
    expect(extensionBlocker({ ...base, newDue: now, now })).toBe('in-past');
    expect(extensionBlocker({ ...base, newDue: '2024-10-01T12:00:01Z', now })).toBeNull();
    // Before the regular deadline the older reason stands.
    expect(extensionBlocker({ ...base, newDue: '2024-09-20T00:00:00Z', now })).toBe('not-later');
  });

  it('suggests two days after the later of the regular deadline and now', () => {
    expect(suggestedExtensionDue('2024-09-27T04:59:00Z', '2024-09-20T10:00:00Z')).toBe(
      '2024-09-29T04:59:00.000Z',
    );
    expect(suggestedExtensionDue('2024-09-27T04:59:00Z', '2024-10-01T12:00:00Z')).toBe(
      '2024-10-03T12:00:00.000Z',
    );
  });
});
