// Who may do what: course role × action → a boolean and the reason why not, in one place.

export const COURSE_ROLES = ['instructor', 'ta', 'student'] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];

/** The signed-in person looking at something, or null for a visitor. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
  /**
   * The request this viewer is asking in (its X-Request-Id), when there is one: mail queued on
   * their behalf keeps it, so the log line of its sending names the request that caused it.
   */
  requestId?: string;
}

/** The viewer's standing in one course: their role, and whether staff dropped them. */
export interface Membership {
  role: CourseRole | null;
  /** A dropped student keeps their work but has no access and appears in no list. */
  dropped: boolean;
}

/**
 * Course actions. Later issues check these names; the web client reads them as `abilities`.
 * - viewCourse: the public course page (syllabus, schedule, readings).
 * - viewPrivate: members-only course content (groups, roles, discussion).
 * - listClassmates: names of the course's students (to form groups).
 * - viewRoster: the staff roster with e-mails, NetIDs and enrollment state.
 * - manageRoster: join links, CSV import, drop a student.
 * - changeRoles: make someone TA or instructor (or back).
 * - viewAuditLog: the course's audit log.
 * - manageCourse: edit the course, deliverables and policies.
 * - importSyllabus: read a new version of the syllabus, review it and store it in place of the course (instructors).
 * - submitWork: hand in questions, slides, summaries, project work.
 * - viewOwnGrades: one's own marks and remaining allowances.
 * - viewAllSubmissions / grade / viewAllGrades / exportGrades: staff grading work.
 * - runAssignment: plan and apply the role assignment; form leftover groups.
 * - recordAttendance: mark who came.
 * - manageOwnGroup: create, join, leave a group; invite classmates; rank the group's meetings (students).
 */
export const COURSE_ACTIONS = [
  'viewCourse',
  'viewPrivate',
  'listClassmates',
  'viewRoster',
  'manageRoster',
  'changeRoles',
  'viewAuditLog',
  'manageCourse',
  'importSyllabus',
  'submitWork',
  'viewOwnGrades',
  'viewAllSubmissions',
  'grade',
  'viewAllGrades',
  'exportGrades',
  'runAssignment',
  'recordAttendance',
  'manageOwnGroup',
] as const;
export type CourseAction = (typeof COURSE_ACTIONS)[number];

/** Instance-wide actions that only the administrator performs. */
export const INSTANCE_ACTIONS = [
  'createCourse',
  'nameInstructors',
  'viewInstanceAuditLog',
  'manageUsers',
] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

export type Blocker =
  | 'not-signed-in'
  | 'not-enrolled'
  | 'dropped'
  | 'not-staff'
  | 'not-instructor'
  | 'not-student'
  | 'not-admin'
  | 'not-own-data';

/** Who holds an action: a set of course roles; the administrator is listed separately. */
interface Rule {
  roles: readonly CourseRole[];
  /** Whether the instance administrator may do it without a course role. */
  admin: boolean;
  /** The reason given to someone signed in, enrolled, but of the wrong role. */
  wrongRole: Blocker;
}

const STAFF = ['instructor', 'ta'] as const;
const EVERYONE = ['instructor', 'ta', 'student'] as const;

const RULES: Record<Exclude<CourseAction, 'viewCourse'>, Rule> = {
  viewPrivate: { roles: EVERYONE, admin: true, wrongRole: 'not-enrolled' },
  listClassmates: { roles: EVERYONE, admin: true, wrongRole: 'not-enrolled' },
  viewRoster: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  manageRoster: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  changeRoles: { roles: ['instructor'], admin: true, wrongRole: 'not-instructor' },
  viewAuditLog: { roles: ['instructor'], admin: true, wrongRole: 'not-instructor' },
  manageCourse: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  importSyllabus: { roles: ['instructor'], admin: true, wrongRole: 'not-instructor' },
  // Only students hand in work: staff and the administrator are not graded.
  submitWork: { roles: ['student'], admin: false, wrongRole: 'not-student' },
  viewOwnGrades: { roles: ['student'], admin: false, wrongRole: 'not-student' },
  viewAllSubmissions: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  grade: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  viewAllGrades: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  exportGrades: { roles: ['instructor'], admin: true, wrongRole: 'not-instructor' },
  runAssignment: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  recordAttendance: { roles: STAFF, admin: true, wrongRole: 'not-staff' },
  // Groups are of students: staff move people with runAssignment instead.
  manageOwnGroup: { roles: ['student'], admin: false, wrongRole: 'not-student' },
};

export const NO_MEMBERSHIP: Membership = Object.freeze({ role: null, dropped: false });

/** Why the viewer may not perform a course action, or null when they may. */
export function courseBlocker(
  action: CourseAction,
  viewer: Viewer | null,
  membership: Membership,
): Blocker | null {
  if (action === 'viewCourse') return null;
  if (!viewer) return 'not-signed-in';
  const rule = RULES[action];
  const role = membership.dropped ? null : membership.role;
  if (role && rule.roles.includes(role)) return null;
  if (viewer.isAdmin && rule.admin) return null;
  if (membership.role && membership.dropped) return 'dropped';
  if (!role) {
    if (viewer.isAdmin) return rule.wrongRole;
    return 'not-enrolled';
  }
  return rule.wrongRole;
}

/** Whether the viewer may perform a course action. */
export function canInCourse(action: CourseAction, viewer: Viewer | null, membership: Membership): boolean {
  return courseBlocker(action, viewer, membership) === null;
}

/** Every course action as a boolean: what presenters send as `abilities`. */
export function courseAbilities(
  viewer: Viewer | null,
  membership: Membership,
): Record<CourseAction, boolean> {
  const out = {} as Record<CourseAction, boolean>;
  for (const action of COURSE_ACTIONS) out[action] = canInCourse(action, viewer, membership);
  return out;
}

/** Why the viewer may not perform an instance-wide action, or null. */
export function instanceBlocker(_action: InstanceAction, viewer: Viewer | null): Blocker | null {
  if (!viewer) return 'not-signed-in';
  return viewer.isAdmin ? null : 'not-admin';
}

export function canOnInstance(action: InstanceAction, viewer: Viewer | null): boolean {
  return instanceBlocker(action, viewer) === null;
}

/**
 * Why the viewer may not see one student's private data (their submissions, grades, allowances),
 * or null. A student sees only their own; staff of the course and the administrator see everyone's.
 */
export function studentDataBlocker(
  viewer: Viewer | null,
  membership: Membership,
  subjectUserId: string,
): Blocker | null {
  if (!viewer) return 'not-signed-in';
  if (canInCourse('viewAllSubmissions', viewer, membership)) return null;
  const own = courseBlocker('viewOwnGrades', viewer, membership);
  if (own) return own === 'not-student' ? 'not-staff' : own;
  return viewer.userId === subjectUserId ? null : 'not-own-data';
}

export function canViewStudentData(
  viewer: Viewer | null,
  membership: Membership,
  subjectUserId: string,
): boolean {
  return studentDataBlocker(viewer, membership, subjectUserId) === null;
}

/**
 * Why `viewer` may not give `targetRole` to someone currently holding `currentRole`, or null.
 * Instructors and the administrator change any role; a TA may only add or drop students.
 * An instructor may not demote themselves (a course must keep someone who can manage it).
 */
export function roleChangeBlocker(
  viewer: Viewer | null,
  membership: Membership,
  change: { targetUserId: string; currentRole: CourseRole | null; newRole: CourseRole },
): Blocker | 'last-instructor' | null {
  const blocker = courseBlocker('changeRoles', viewer, membership);
  if (blocker) return blocker;
  if (
    viewer &&
    viewer.userId === change.targetUserId &&
    change.currentRole === 'instructor' &&
    change.newRole !== 'instructor'
  ) {
    return 'last-instructor';
  }
  return null;
}

/** A sentence for each reason, for error messages and the web client. */
export const BLOCKER_MESSAGES: Record<Blocker | 'last-instructor', string> = {
  'not-signed-in': 'Sign in to continue.',
  'not-enrolled': 'You are not enrolled in this course. Ask the course staff for a join link.',
  dropped: 'You are no longer enrolled in this course. Contact the course staff if this is a mistake.',
  'not-staff': 'Only the course staff can do this.',
  'not-instructor': 'Only the course instructors can do this.',
  'not-student': 'Only enrolled students can do this.',
  'not-admin': 'Only the administrator can do this.',
  'not-own-data': 'You can only see your own work and grades.',
  'last-instructor': 'You cannot remove your own instructor role; ask another instructor.',
};
