// The reads every signed-in hand-in makes, each one query: prepared statements on SQLite, Kysely on PostgreSQL (same answers).
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db.js';
import { NOT_PREPARED, prepared, readPrepared } from '../prepared.js';
import { deepFreeze } from '../read-cache.js';
import type { CourseRef } from './enrollments.js';
import { findSessionWithUser } from './sessions.js';
import { hasAcknowledged } from './work.js';
import { work, type ExtensionRow, type WorkDb } from './work-tables.js';
import type { EnrollmentRow, SessionRow, UserRow } from './account-tables.js';

/** Migration 2026_11_26_0410: one counter per course, absent means 0. */
interface WorkVersionRow {
  course_id: string;
  version: number;
}

type HotDb = WorkDb extends Kysely<infer T> ? Kysely<T & { course_work_versions: WorkVersionRow }> : never;

function hot(db: Db): HotDb {
  return work(db) as unknown as HotDb;
}

const SESSION_SQL =
  'select s.id as s_id, s.user_id as s_user_id, s.csrf_token as s_csrf_token, s.created_at as s_created_at, s.last_seen_at as s_last_seen_at, ' +
  's.expires_at as s_expires_at, s.ip as s_ip, s.user_agent as s_user_agent, u.id, u.email, u.name, u.net_id, u.password_hash, u.is_admin, u.created_at, u.updated_at ' +
  'from sessions s inner join users u on u.id = s.user_id where s.id = ?';

type SessionJoinRow = UserRow & {
  s_id: string;
  s_user_id: string;
  s_csrf_token: string;
  s_created_at: string;
  s_last_seen_at: string;
  s_expires_at: string;
  s_ip: string | null;
  s_user_agent: string | null;
};

/** A session row with its user's row, in one query (findSessionWithUser, prepared on SQLite). */
export async function findLiveSession(
  db: Db,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const read = readPrepared(db, SESSION_SQL, 'get', [id], (row) =>
    row === undefined ? undefined : sessionOf(row as SessionJoinRow),
  );
  return read === NOT_PREPARED ? findSessionWithUser(db, id) : read;
}

/** The session and user of a joined row (frozen: the read cache shares it between requests). */
function sessionOf(s: SessionJoinRow): { session: SessionRow; user: UserRow } {
  return deepFreeze({
    session: {
      id: s.s_id,
      user_id: s.s_user_id,
      csrf_token: s.s_csrf_token,
      created_at: s.s_created_at,
      last_seen_at: s.s_last_seen_at,
      expires_at: s.s_expires_at,
      ip: s.s_ip,
      user_agent: s.s_user_agent,
    },
    user: {
      id: s.id,
      email: s.email,
      name: s.name,
      net_id: s.net_id,
      password_hash: s.password_hash,
      is_admin: Number(s.is_admin),
      created_at: s.created_at,
      updated_at: s.updated_at,
    },
  });
}

/** A course by slug with one account's enrollment in it (both in one query). */
export interface CourseStanding {
  course: CourseRef;
  enrollment: Pick<EnrollmentRow, 'role' | 'dropped_at'> | null;
}

/** A course by slug with everything a hand-in needs to know first: versions, enrollment, group. */
export interface WorkStanding extends CourseStanding {
  /** courses.version (bumped by imports). */
  version: number;
  /** course_work_versions.version, 0 when none (bumped by deliverable edits). */
  workVersion: number;
  /** The account's group in the course, if any. */
  group: { id: string; name: string } | null;
}

interface StandingRow {
  id: string;
  slug: string;
  title: string;
  code: string | null;
  version: number;
  work_version: number | null;
  role: EnrollmentRow['role'] | null;
  dropped_at: string | null;
  group_id: string | null;
  group_name: string | null;
}

const STANDING_SQL =
  'select c.id, c.slug, c.title, c.code, c.version, w.version as work_version, e.role, e.dropped_at, g.id as group_id, g.name as group_name ' +
  'from courses c ' +
  'left join course_work_versions w on w.course_id = c.id ' +
  'left join enrollments e on e.course_id = c.id and e.user_id = ? ' +
  'left join group_members m on m.course_id = c.id and m.user_id = ? ' +
  'left join groups g on g.id = m.group_id ' +
  'where c.slug = ?';

const ACCESS_SQL =
  'select c.id, c.slug, c.title, c.code, e.role, e.dropped_at from courses c left join enrollments e on e.course_id = c.id and e.user_id = ? where c.slug = ?';

function standingOf(
  row: Omit<StandingRow, 'version' | 'work_version' | 'group_id' | 'group_name'>,
): CourseStanding {
  return {
    course: { id: row.id, slug: row.slug, title: row.title, code: row.code },
    enrollment: row.role === null ? null : { role: row.role, dropped_at: row.dropped_at },
  };
}

/** The course of a slug and the account's enrollment in it (undefined: no such course). */
export async function findCourseStanding(
  db: Db,
  slug: string,
  userId: string | null,
): Promise<CourseStanding | undefined> {
  const read = readPrepared(db, ACCESS_SQL, 'get', [userId, slug], (row) =>
    row === undefined ? undefined : deepFreeze(standingOf(row as StandingRow)),
  );
  if (read !== NOT_PREPARED) return read;
  const row = await work(db)
    .selectFrom('courses as c')
    .leftJoin('enrollments as e', (j) =>
      j.onRef('e.course_id', '=', 'c.id').on('e.user_id', '=', userId ?? ''),
    )
    .select(['c.id', 'c.slug', 'c.title', 'c.code', 'e.role', 'e.dropped_at'])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
  return row ? standingOf(row as StandingRow) : undefined;
}

/** findCourseStanding plus the versions readers cache by and the account's group (undefined: no such course). */
export async function findWorkStanding(
  db: Db,
  slug: string,
  userId: string | null,
): Promise<WorkStanding | undefined> {
  const read = readPrepared(db, STANDING_SQL, 'get', [userId, userId, slug], (row) =>
    row === undefined ? undefined : deepFreeze(workStandingOf(row as StandingRow)),
  );
  if (read !== NOT_PREPARED) return read;
  const row = (await hot(db)
    .selectFrom('courses as c')
    .leftJoin('course_work_versions as w', 'w.course_id', 'c.id')
    .leftJoin('enrollments as e', (j) =>
      j.onRef('e.course_id', '=', 'c.id').on('e.user_id', '=', userId ?? ''),
    )
    .leftJoin('group_members as m', (j) =>
      j.onRef('m.course_id', '=', 'c.id').on('m.user_id', '=', userId ?? ''),
    )
    .leftJoin('groups as g', 'g.id', 'm.group_id')
    .select([
      'c.id',
      'c.slug',
      'c.title',
      'c.code',
      'c.version',
      'w.version as work_version',
      'e.role',
      'e.dropped_at',
      'g.id as group_id',
      'g.name as group_name',
    ])
    .where('c.slug', '=', slug)
    .executeTakeFirst()) as StandingRow | undefined;
  return row ? workStandingOf(row) : undefined;
}

function workStandingOf(row: StandingRow): WorkStanding {
  return {
    ...standingOf(row),
    version: Number(row.version),
    workVersion: Number(row.work_version ?? 0),
    group:
      row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
  };
}

/** Records that a course's deliverables changed: every instance reloads them on its next request. */
export async function bumpWorkVersion(db: Db, courseId: string): Promise<void> {
  await hot(db)
    .insertInto('course_work_versions')
    .values({ course_id: courseId, version: 1 })
    .onConflict((oc) =>
      oc.column('course_id').doUpdateSet({ version: sql<number>`course_work_versions.version + 1` }),
    )
    .execute();
}

const EXTENSIONS_SQL =
  "select * from extensions where course_id = ? and deliverable_key = ? and ((target_kind = 'student' and target_id = ?) or (target_kind = 'group' and target_id = ?)) order by granted_at";

/**
 * The extensions of one deliverable that name this student or their group (groupId null: none
 * of the group ones), oldest grant first: the only ones extensionFor can pick for them.
 */
export async function listExtensionsFor(
  db: Db,
  courseId: string,
  deliverableKey: string,
  userId: string,
  groupId: string | null,
): Promise<ExtensionRow[]> {
  const read = readPrepared(db, EXTENSIONS_SQL, 'all', [courseId, deliverableKey, userId, groupId], (rows) =>
    deepFreeze(rows as ExtensionRow[]),
  );
  if (read !== NOT_PREPARED) return read;
  return work(db)
    .selectFrom('extensions')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', deliverableKey)
    .where((eb) =>
      eb.or([
        eb.and([eb('target_kind', '=', 'student'), eb('target_id', '=', userId)]),
        ...(groupId !== null
          ? [eb.and([eb('target_kind', '=', 'group'), eb('target_id', '=', groupId)])]
          : []),
      ]),
    )
    .orderBy('granted_at')
    .execute();
}

const ACK_SQL =
  'select 1 as ok from policy_acknowledgements where course_id = ? and user_id = ? and policy = ?';

/** Whether the account acknowledged a course policy (hasAcknowledged, prepared on SQLite). */
export async function isAcknowledged(
  db: Db,
  courseId: string,
  userId: string,
  policy: string,
): Promise<boolean> {
  const statement = prepared(db, ACK_SQL);
  if (statement) return statement.get(courseId, userId, policy) !== undefined;
  return hasAcknowledged(db, courseId, userId, policy);
}

/** Ids of a group's members (the receipt of group work goes to each). */
export async function memberIdsOf(db: Db, groupId: string): Promise<string[]> {
  const rows = await work(db)
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Every query whose answers the read cache keeps (their tables carry the cache-epoch triggers). */
export const HOT_READS = [SESSION_SQL, STANDING_SQL, ACCESS_SQL, EXTENSIONS_SQL];
