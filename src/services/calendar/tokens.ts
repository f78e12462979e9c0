// A member's secret calendar URL: made, replaced (rotated) and revoked by its holder; read by anyone holding it.
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import {
  deleteCalendarToken,
  findCalendarToken,
  findCalendarTokenByHash,
  replaceCalendarToken,
} from '../../storage/repositories/calendar-tokens.js';
import { findUserById } from '../../storage/repositories/users.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { authorize, courseAccess, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { personalFeed, type FeedDeps } from './feeds.js';

export interface PersonalFeedState {
  active: boolean;
  /** When the live URL was made (or last rotated); null without one. */
  createdAt: string | null;
}

export interface NewPersonalFeed extends PersonalFeedState {
  /** Path of the feed below the site ("/api/calendar/<token>.ics"): shown once, only its digest is kept. */
  path: string;
}

/** A token as handed out: 32 random bytes, base64url (43 characters). */
const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

const NOT_FOUND =
  'No calendar at this address. It may have been replaced or turned off; make a new one in Seminar.';

async function memberAccess(db: Db, slug: string, viewer: CourseAccess['viewer']): Promise<CourseAccess> {
  const access = await courseAccess(db, slug, viewer);
  authorize(access, 'viewPrivate');
  return access;
}

export async function personalFeedState(
  deps: { db: Db },
  slug: string,
  viewer: CourseAccess['viewer'],
): Promise<PersonalFeedState> {
  const access = await memberAccess(deps.db, slug, viewer);
  const row = await findCalendarToken(deps.db, access.course.id, viewer!.userId);
  return { active: row !== undefined, createdAt: row?.created_at ?? null };
}

/** Makes the member's URL, or replaces it: the previous one answers 404 from now on. */
export async function rotatePersonalFeed(
  deps: { db: Db; clock: () => Date },
  slug: string,
  viewer: CourseAccess['viewer'],
): Promise<NewPersonalFeed> {
  const access = await memberAccess(deps.db, slug, viewer);
  const { token, hash } = newToken();
  const createdAt = deps.clock().toISOString();
  try {
    await replaceCalendarToken(deps.db, {
      id: ulid(),
      course_id: access.course.id,
      user_id: viewer!.userId,
      token_hash: hash,
      created_at: createdAt,
    });
  } catch {
    // Two rotations at once: one of them made the URL; this one changed nothing.
    throw new DomainError('conflict', 'Your calendar address was changed at the same moment; try again.');
  }
  return { active: true, createdAt, path: `/api/calendar/${token}.ics` };
}

export async function revokePersonalFeed(
  deps: { db: Db },
  slug: string,
  viewer: CourseAccess['viewer'],
): Promise<PersonalFeedState> {
  const access = await memberAccess(deps.db, slug, viewer);
  await deleteCalendarToken(deps.db, access.course.id, viewer!.userId);
  return { active: false, createdAt: null };
}

/**
 * The feed behind a secret URL ("<token>.ics"). Unknown, revoked, malformed or no longer a member:
 * the same not_found, so the answer never says which.
 */
export async function feedByToken(deps: FeedDeps, file: string): Promise<string> {
  const match = TOKEN_FILE.exec(file);
  const row = match ? await findCalendarTokenByHash(deps.db, hashToken(match[1]!)) : undefined;
  const user = row ? await findUserById(deps.db, row.user_id) : undefined;
  const text =
    row && user
      ? await personalFeed(deps, row.slug, { userId: user.id, isAdmin: user.is_admin === 1 })
      : null;
  if (text === null) throw new DomainError('not_found', NOT_FOUND);
  return text;
}
