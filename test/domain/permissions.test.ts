// The permission module: course role × action, with the reason why not.
import { describe, expect, it } from 'vitest';
import {
  COURSE_ACTIONS,
  canInCourse,
  canViewStudentData,
  courseAbilities,
  courseBlocker,
  instanceBlocker,
  roleChangeBlocker,
  studentDataBlocker,
  type Membership,
  type Viewer,
} from '../../src/domain/permissions.js';

const alice: Viewer = { userId: 'alice', isAdmin: false };
const admin: Viewer = { userId: 'root', isAdmin: true };
const as = (role: Membership['role'], dropped = false): Membership => ({ role, dropped });

describe('course permissions', () => {
  it('lets a visitor read the public course page and nothing else', () => {
    expect(canInCourse('viewCourse', null, as(null))).toBe(true);
    for (const action of COURSE_ACTIONS.filter((a) => a !== 'viewCourse')) {
      expect(courseBlocker(action, null, as(null))).toBe('not-signed-in');
    }
  });

  it('tells a signed-in stranger to ask for a join link', () => {
    expect(courseBlocker('viewPrivate', alice, as(null))).toBe('not-enrolled');
    expect(courseBlocker('grade', alice, as(null))).toBe('not-enrolled');
  });

  it('lets a student submit work but not grade or see the roster', () => {
    expect(canInCourse('submitWork', alice, as('student'))).toBe(true);
    expect(courseBlocker('grade', alice, as('student'))).toBe('not-staff');
    expect(courseBlocker('viewRoster', alice, as('student'))).toBe('not-staff');
    expect(courseBlocker('viewAuditLog', alice, as('student'))).toBe('not-instructor');
  });

  it('lets a TA grade and manage the roster but not change roles or read the audit log', () => {
    expect(canInCourse('grade', alice, as('ta'))).toBe(true);
    expect(canInCourse('manageRoster', alice, as('ta'))).toBe(true);
    expect(courseBlocker('changeRoles', alice, as('ta'))).toBe('not-instructor');
    expect(courseBlocker('viewAuditLog', alice, as('ta'))).toBe('not-instructor');
    expect(courseBlocker('submitWork', alice, as('ta'))).toBe('not-student');
  });

  it('lets an instructor do every staff action', () => {
    const abilities = courseAbilities(alice, as('instructor'));
    expect(
      abilities.changeRoles && abilities.viewAuditLog && abilities.runAssignment && abilities.exportGrades,
    ).toBe(true);
    expect(abilities.submitWork).toBe(false);
  });

  it('shuts a dropped student out of everything but the public page', () => {
    expect(courseBlocker('submitWork', alice, as('student', true))).toBe('dropped');
    expect(courseBlocker('viewPrivate', alice, as('student', true))).toBe('dropped');
    expect(canInCourse('viewCourse', alice, as('student', true))).toBe(true);
  });

  it('lets the administrator oversee any course without handing in work', () => {
    expect(canInCourse('viewAuditLog', admin, as(null))).toBe(true);
    expect(canInCourse('changeRoles', admin, as(null))).toBe(true);
    expect(courseBlocker('submitWork', admin, as(null))).toBe('not-student');
  });

  it('gives an ability for every action', () => {
    expect(Object.keys(courseAbilities(null, as(null))).sort()).toEqual([...COURSE_ACTIONS].sort());
  });
});

describe("a student's private data", () => {
  it('is visible to that student only among students', () => {
    expect(canViewStudentData(alice, as('student'), 'alice')).toBe(true);
    expect(studentDataBlocker(alice, as('student'), 'bob')).toBe('not-own-data');
  });

  it('is visible to staff of the course and the administrator', () => {
    expect(canViewStudentData(alice, as('ta'), 'bob')).toBe(true);
    expect(canViewStudentData(admin, as(null), 'bob')).toBe(true);
  });

  it('is hidden from staff of another course and from visitors', () => {
    expect(studentDataBlocker(alice, as(null), 'bob')).toBe('not-enrolled');
    expect(studentDataBlocker(null, as(null), 'bob')).toBe('not-signed-in');
  });
});

describe('instance and role-change permissions', () => {
  it('reserves creating courses to the administrator', () => {
    expect(instanceBlocker('createCourse', admin)).toBeNull();
    expect(instanceBlocker('createCourse', alice)).toBe('not-admin');
    expect(instanceBlocker('createCourse', null)).toBe('not-signed-in');
  });

  it('keeps an instructor from demoting themselves', () => {
    const change = { targetUserId: 'alice', currentRole: 'instructor' as const, newRole: 'ta' as const };
    expect(roleChangeBlocker(alice, as('instructor'), change)).toBe('last-instructor');
    expect(roleChangeBlocker(alice, as('instructor'), { ...change, targetUserId: 'bob' })).toBeNull();
    expect(roleChangeBlocker(alice, as('ta'), { ...change, targetUserId: 'bob' })).toBe('not-instructor');
  });
});
