// Course join links: staff create (expiring) and revoke them; a signed-in person follows one to enroll as a student
// (a person without a session joins by e-mail: join-by-email.ts).
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import {
  countJoinLinkUse,
  findJoinLink,
  findJoinLinkByHash,
  insertJoinLink,
  listJoinLinks,
  revokeJoinLink,
  type JoinLinkRow,
} from '../../storage/repositories/join-links.js';
import {
  findCourseRefById,
  findEnrollment,
  insertEnrollment,
  type CourseRef,
} from '../../storage/repositories/enrollments.js';
import type { Account } from '../auth/users.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestMeta } from '../auth/context.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { DomainError } from '../errors.js';
import { authorize, type CourseAccess } from './course-access.js';

const DAY = 24 * 60 * 60_000;
export const JOIN_LINK_MAX_DAYS = 180;

export interface JoinLinkView {
  id: string;
  role: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  uses: number;
  state: 'active' | 'expired' | 'revoked';
}

function view(row: JoinLinkRow, now: Date): JoinLinkView {
  const state = row.revoked_at
    ? 'revoked'
    : new Date(row.expires_at).getTime() <= now.getTime()
      ? 'expired'
      : 'active';
  return {
    id: row.id,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    uses: row.uses,
    state,
  };
}

/** Creates a student join link valid for `days` (1–180). The URL is shown once: only its hash is kept. */
export async function createJoinLink(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  input: { days: number; publicUrl: string },
  meta: RequestMeta,
): Promise<{ link: JoinLinkView; url: string }> {
  authorize(access, 'manageRoster');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > JOIN_LINK_MAX_DAYS) {
    throw new DomainError('invalid_input', `A join link lasts 1 to ${JOIN_LINK_MAX_DAYS} days.`, {
      field: 'days',
    });
  }
  const { token, hash } = newToken();
  const row: JoinLinkRow = {
    id: ulid(now.getTime()),
    course_id: access.course.id,
    token_hash: hash,
    role: 'student',
    created_by: actor.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.days * DAY).toISOString(),
    revoked_at: null,
    uses: 0,
  };
  await insertJoinLink(db, row);
  await recordAudit(db, now, {
    actor: { id: actor.id, email: actor.email },
    courseId: access.course.id,
    action: 'join-link-created',
    target: row.id,
    details: { expiresAt: row.expires_at },
    ...meta,
  });
  return {
    link: view(row, now),
    url: `${input.publicUrl.replace(/\/$/, '')}/join?token=${encodeURIComponent(token)}`,
  };
}

export async function listCourseJoinLinks(db: Db, now: Date, access: CourseAccess): Promise<JoinLinkView[]> {
  authorize(access, 'manageRoster');
  return (await listJoinLinks(db, access.course.id)).map((r) => view(r, now));
}

export async function revokeCourseJoinLink(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  linkId: string,
  meta: RequestMeta,
): Promise<JoinLinkView> {
  authorize(access, 'manageRoster');
  const row = await findJoinLink(db, access.course.id, linkId);
  if (!row) throw new DomainError('not_found', 'No such join link in this course.');
  await revokeJoinLink(db, row.id, now.toISOString());
  await recordAudit(db, now, {
    actor: { id: actor.id, email: actor.email },
    courseId: access.course.id,
    action: 'join-link-revoked',
    target: row.id,
    ...meta,
  });
  return view({ ...row, revoked_at: row.revoked_at ?? now.toISOString() }, now);
}

export type JoinLinkState = 'valid' | 'expired' | 'revoked' | 'invalid';

/** What the join page shows before the person confirms: the course, or why the link does not work. */
export async function describeJoinLink(
  db: Db,
  now: Date,
  token: string,
): Promise<{ state: JoinLinkState; course: CourseRef | null; row: JoinLinkRow | null }> {
  if (!token || token.length > 100) return { state: 'invalid', course: null, row: null };
  const row = await findJoinLinkByHash(db, hashToken(token));
  const course = row ? await findCourseRefById(db, row.course_id) : undefined;
  if (!row || !course) return { state: 'invalid', course: null, row: null };
  return { state: joinLinkState(row, now), course, row };
}

/** Whether a stored join link still lets people join at `now`. */
export function joinLinkState(row: JoinLinkRow, now: Date): Exclude<JoinLinkState, 'invalid'> {
  if (row.revoked_at) return 'revoked';
  if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export const JOIN_PROBLEMS: Record<
  Exclude<JoinLinkState, 'valid'>,
  [code: 'link_expired' | 'not_found', message: string]
> = {
  expired: ['link_expired', 'This join link has expired. Ask the course staff for a new one.'],
  revoked: ['link_expired', 'This join link was withdrawn by the course staff. Ask them for a new one.'],
  invalid: [
    'not_found',
    'This join link is not valid (it may have been copied incompletely). Ask the course staff for the link again.',
  ],
};

/**
 * Enrolls the signed-in user as a student. Following a link again is harmless (already enrolled:
 * nothing changes). A person the staff dropped cannot re-enroll themselves by link.
 */
export async function joinByLink(
  db: Db,
  now: Date,
  user: Account,
  token: string,
  meta: RequestMeta,
): Promise<{ course: CourseRef; role: string; alreadyEnrolled: boolean }> {
  const { state, course, row } = await describeJoinLink(db, now, token);
  if (state !== 'valid' || !course || !row) {
    const [code, message] = JOIN_PROBLEMS[state === 'valid' ? 'invalid' : state];
    throw new DomainError(code, message, { reason: state });
  }
  const role = await currentRole(db, course.id, user.id);
  if (role) return { course, role, alreadyEnrolled: true };
  await enrollByLink(db, now, course.id, user, row.id, { id: user.id, email: user.email }, meta);
  return { course, role: 'student', alreadyEnrolled: false };
}

/**
 * The person's role when already enrolled (following a link again changes nothing), null when
 * not; refuses a person the staff dropped, who cannot re-enroll themselves by link.
 */
export async function currentRole(db: Db, courseId: string, userId: string): Promise<string | null> {
  const existing = await findEnrollment(db, courseId, userId);
  if (!existing) return null;
  if (existing.dropped_at === null) return existing.role;
  throw new DomainError(
    'forbidden',
    'The course staff removed you from this course, so the join link does not apply. Contact them if this is a mistake.',
    { blocker: 'dropped' },
  );
}

/**
 * A student enrollment through a join link: the enrollment, the link's use count and the audit
 * entry. The one step for a signed-in join and for a join by e-mail once the address is confirmed.
 */
export async function enrollByLink(
  db: Db,
  now: Date,
  courseId: string,
  user: { id: string; email: string },
  linkId: string,
  actor: { id: string; email: string } | null,
  meta: RequestMeta,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertEnrollment(db, {
    course_id: courseId,
    user_id: user.id,
    role: 'student',
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    dropped_at: null,
  });
  await countJoinLinkUse(db, linkId);
  await recordAudit(db, now, {
    actor,
    courseId,
    action: 'joined-by-link',
    target: user.email,
    details: { linkId, ...details },
    ...meta,
  });
}
