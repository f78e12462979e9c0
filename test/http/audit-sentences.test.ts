// The audit log reads as sentences: every recorded action has its own, with names instead of ids and times in the
// course's zone with its abbreviation; an action without one reads as a plain generic sentence, never JSON.
import { describe, expect, it } from 'vitest';
import { AUDIT_SENTENCE_ACTIONS, auditSentence, type AuditNames } from '../../src/http/presenters/audit.js';
import type { AuditEntryView } from '../../src/services/audit/list-audit.js';
import { AUDIT_ACTIONS } from '../../src/services/audit/record-audit.js';

const ZONE = 'America/Chicago';
const people: Record<string, string> = {
  U1: 'Ada Lovelace',
  'ada@example.edu': 'Ada Lovelace',
  U2: 'Bo Chen',
  'bo@example.edu': 'Bo Chen',
};
const names: AuditNames = {
  person: (ref) => people[ref.replace(/^u:/, '')] ?? null,
  group: (ref) => ({ G1: 'Group Aurora', G2: 'Group Borealis' })[ref.replace(/^g:/, '')] ?? null,
  deliverable: (key) => ({ summary: 'Summary', proposal: 'Project proposal' })[key] ?? null,
};

function entry(action: string, fields: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: '01J',
    at: '2024-11-12T15:00:00.000Z',
    actorId: 'U1',
    actor: 'ada@example.edu',
    action,
    target: null,
    ip: '127.0.0.1',
    userAgent: null,
    details: null,
    timeZone: ZONE,
    ...fields,
  };
}

/** A plausible entry of each action, with the details its service records. */
const SAMPLES: Record<string, Partial<AuditEntryView>> = {
  'course-edited': { details: { summary: 'moved the class “Scaling laws” from Mon, Sep 9 to Tue, Sep 10.' } },
  'sign-in-failed': { actorId: null, actor: null, target: 'bo@example.edu' },
  'sign-out-everywhere': { details: { sessionsEnded: 3 } },
  'password-reset-requested': { actorId: null, actor: null, target: 'bo@example.edu' },
  'name-changed': { details: { from: 'Ada', to: 'Ada Lovelace' } },
  'course-created': { target: 'cs598' },
  'syllabus-imported': { target: 'cs598', details: { meetings: 28, fixes: 2 } },
  'instructor-named': { target: 'bo@example.edu' },
  'join-link-created': { target: 'L1', details: { expiresAt: '2024-11-14T23:00:00.000Z' } },
  'join-link-revoked': { target: 'L1' },
  'joined-by-link': {
    actorId: 'U2',
    actor: 'bo@example.edu',
    target: 'bo@example.edu',
    details: { linkId: 'L1' },
  },
  'roster-imported': { details: { invite: 2, enroll: 1, unchanged: 0 } },
  'canvas-roster-imported': { details: { matched: 11, changed: 10, unmatched: 1 } },
  'role-changed': { target: 'bo@example.edu', details: { from: 'student', to: 'ta' } },
  'student-dropped': { target: 'bo@example.edu', details: { role: 'student' } },
  'student-restored': { target: 'bo@example.edu' },
  'groups-formed': { target: 'P1', details: { seed: 1, newGroups: ['Group 5'] } },
  'group-member-moved': { target: 'U2', details: { from: 'Group Aurora', to: 'G2' } },
  'roles-applied': { target: 'P1', details: { roles: 12, added: 3, removed: 1, changed: 2 } },
  'role-edited': {
    target: 'Group Aurora 2024-11-12',
    details: { role: 'presenter', confirmedViolations: [] },
  },
  'assignment-settings-changed': { details: { groupDeadline: '2024-09-06T04:59:00.000Z', groupMin: 3 } },
  'deliverable-edited': { target: 'summary', details: { fields: ['dueRule', 'maxPages'] } },
  'extension-granted': {
    target: 'Bo',
    details: {
      id: 'E1',
      deliverable: 'summary',
      meetingDate: '2024-11-12',
      dueAt: '2024-11-14T23:00:00.000Z',
    },
  },
  'extension-revoked': {
    target: 'U2',
    details: { id: 'E1', deliverable: 'summary', meetingDate: '2024-11-12', targetKind: 'user' },
  },
  'submission-reviewed': {
    target: 'g:G1',
    details: { submission: 'S1', deliverable: 'proposal', version: 2, decision: 'returned' },
  },
  'counted-version-chosen': {
    target: 'u:U2',
    details: { submission: 'S1', deliverable: 'summary', version: 1 },
  },
  'counted-version-cleared': {
    target: 'u:U2',
    details: { submission: 'S1', deliverable: 'summary', version: 1 },
  },
  'talk-slots-applied': { target: 'proposal', details: { placed: 4, unplaced: 1 } },
  'talk-slot-moved': { target: 'Group Aurora 2024-10-09', details: { startTime: '09:45' } },
  'talk-slot-removed': { target: 'Group Aurora 2024-10-09' },
  'talk-slots-published': { target: 'proposal' },
  'talk-slots-unpublished': { target: 'proposal' },
  'talk-slot-settings-changed': { target: 'proposal', details: { talkMinutes: 12 } },
  'peer-weight-changed': { details: { counts: true, weight: '20', from: { counts: false, weight: '0' } } },
  'discussion-post-hidden': { target: 'Discussion: Attention', details: { opening: false } },
  'discussion-post-shown': { target: 'Which paper first?', details: { opening: true } },
};

describe('audit sentences', () => {
  it('has a sentence of its own for every action the services record', () => {
    expect([...AUDIT_SENTENCE_ACTIONS].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each([...AUDIT_ACTIONS])('reads "%s" as a sentence with names, no ids, e-mails or JSON', (action) => {
    const text = auditSentence(entry(action, SAMPLES[action]), ZONE, names);
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(text).not.toMatch(/[{}[\]]|undefined|null|NaN|\bU[12]\b|\bG[12]\b|\b[ug]:|2024-\d\d-\d\d|@/);
    if (!['sign-in-failed', 'password-reset-requested'].includes(action))
      expect(text).not.toContain('recorded');
  });

  it('names who granted whom an extension on what, for which class, until when in the course’s zone', () => {
    expect(auditSentence(entry('extension-granted', SAMPLES['extension-granted']), ZONE, names)).toBe(
      'Ada Lovelace granted Bo an extension on Summary for Nov 12 until Nov 14, 5:00 PM CST.',
    );
    // The same entry read in Amsterdam's course says Amsterdam's time.
    expect(
      auditSentence(entry('extension-granted', SAMPLES['extension-granted']), 'Europe/Amsterdam', names),
    ).toBe('Ada Lovelace granted Bo an extension on Summary for Nov 12 until Nov 15, 12:00 AM GMT+1.');
  });

  it('says a join link’s expiry and a group deadline with the zone’s abbreviation', () => {
    expect(auditSentence(entry('join-link-created', SAMPLES['join-link-created']), ZONE, names)).toBe(
      'Ada Lovelace created a join link valid until Nov 14, 5:00 PM CST.',
    );
    expect(
      auditSentence(
        entry('assignment-settings-changed', SAMPLES['assignment-settings-changed']),
        ZONE,
        names,
      ),
    ).toBe(
      'Ada Lovelace changed the group and role settings: group deadline Sep 5, 11:59 PM CDT, group min 3.',
    );
  });

  it('names groups and people behind owner ids and role changes', () => {
    expect(auditSentence(entry('submission-reviewed', SAMPLES['submission-reviewed']), ZONE, names)).toBe(
      'Ada Lovelace returned version 2 of Group Aurora’s Project proposal.',
    );
    expect(auditSentence(entry('role-changed', SAMPLES['role-changed']), ZONE, names)).toBe(
      'Ada Lovelace changed Bo Chen’s role from student to TA.',
    );
    expect(auditSentence(entry('group-member-moved', SAMPLES['group-member-moved']), ZONE, names)).toBe(
      'Ada Lovelace moved Bo Chen from Group Aurora to Group Borealis.',
    );
  });

  it('says "The system" for actions without a signed-in actor (the CLI, the demo seed)', () => {
    expect(auditSentence(entry('roles-published', { actorId: null, actor: null }), ZONE, names)).toBe(
      'The system published the roles to the students.',
    );
  });

  it('reads an unknown action as a plain generic sentence', () => {
    expect(auditSentence(entry('calendar-exported', { target: 'bo@example.edu' }), ZONE, names)).toBe(
      'Ada Lovelace recorded “calendar exported” on Bo Chen.',
    );
    expect(auditSentence(entry('something_new', { actorId: null, actor: null }), ZONE)).toBe(
      'The system recorded “something new”.',
    );
  });
});
