// Demo groups for `npm start`: the demo students in groups with rankings, roles assigned and published. Idempotent.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import { mulberry32, planGroupFormation } from '../../domain/group-formation.js';
import type { Viewer } from '../../domain/permissions.js';
import { loadCourse } from '../../storage/repositories/course-reader.js';
import { findCourseRef, listRoster } from '../../storage/repositories/enrollments.js';
import {
  insertGroup,
  insertMember,
  listCourseMembers,
  listGroups,
} from '../../storage/repositories/groups.js';
import { listPreferencesOfCourse, replaceRanking } from '../../storage/repositories/preferences.js';
import { listRoleRows } from '../../storage/repositories/roles.js';
import type { CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { demoEnrollmentInstant } from './semester-start.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { nextGroupName } from '../groups/context.js';
import { loadGroupSettings } from '../groups/settings.js';
import { applyRolePlan, planRoles } from '../assignment/plan-roles.js';
import { publishRoles } from '../assignment/edit-roles.js';

export interface SeedGroupsReport {
  groupsCreated: number;
  rankingsCreated: number;
  rolesApplied: number;
  published: boolean;
}

/** The seeding acts as the instance administrator (no person): staff-only use cases accept it. */
const SEED_VIEWER: Viewer = { userId: 'demo-seed', isAdmin: true };

/**
 * Puts every ungrouped student in a group (sizes from the course), gives each group without a
 * ranking a seeded ranking of 6–10 presentable meetings, then — only when the course has no
 * roles yet — plans, applies and publishes the roles. Re-running changes nothing that exists.
 */
export async function seedGroups(
  deps: ServiceDeps,
  courseSlug: string,
  seed: number,
): Promise<SeedGroupsReport> {
  const ref = await findCourseRef(deps.db, courseSlug);
  const course = await loadCourse(deps.db, courseSlug);
  if (!ref || !course) throw new DomainError('not_found', `No course "${courseSlug}" to seed.`);
  const now = nowOf(deps);
  // Demo groups formed before the first class, like the demo's enrollments (their past work is theirs).
  const at = demoEnrollmentInstant(course, now).toISOString();
  const settings = await loadGroupSettings(deps.db, course);
  const report: SeedGroupsReport = {
    groupsCreated: 0,
    rankingsCreated: 0,
    rolesApplied: 0,
    published: settings.rolesPublishedAt !== null,
  };

  const [groups, members, roster] = await Promise.all([
    listGroups(deps.db, course.id),
    listCourseMembers(deps.db, course.id),
    listRoster(deps.db, course.id, { includeDropped: false }),
  ]);
  const grouped = new Set(members.map((m) => m.user_id));
  const ungrouped = roster
    .filter((r) => r.role === 'student' && !grouped.has(r.user_id))
    .map((r) => r.user_id);
  if (ungrouped.length > 0) {
    const plan = planGroupFormation({
      ungroupedStudentIds: ungrouped,
      existingGroups: groups.map((g) => ({
        id: g.id,
        memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.user_id),
      })),
      minSize: settings.groupMin,
      maxSize: settings.groupMax,
      seed,
    });
    if (plan.ok) {
      const names = nextGroupName(
        groups.map((g) => g.name),
        plan.newGroups.length,
      );
      await writeTransaction(deps.db, async (trx) => {
        for (const [i, group] of plan.newGroups.entries()) {
          const id = ulid(now.getTime());
          await insertGroup(trx, {
            id,
            course_id: course.id,
            name: names[i]!,
            created_at: at,
            created_by: group.memberIds[0] ?? null,
          });
          for (const userId of group.memberIds)
            await insertMember(trx, { group_id: id, user_id: userId, course_id: course.id, joined_at: at });
        }
        for (const join of plan.joins) {
          for (const userId of join.studentIds)
            await insertMember(trx, {
              group_id: join.groupId,
              user_id: userId,
              course_id: course.id,
              joined_at: at,
            });
        }
      });
      report.groupsCreated = plan.newGroups.length;
    }
  }

  const presentable = course.meetings.filter((m) => m.needsPresenters).map((m) => m.id);
  const ranked = new Set((await listPreferencesOfCourse(deps.db, course.id)).map((p) => p.group_id));
  const allMembers = await listCourseMembers(deps.db, course.id);
  const rng = mulberry32(seed);
  for (const group of await listGroups(deps.db, course.id)) {
    if (ranked.has(group.id) || presentable.length === 0) continue;
    const pool = [...presentable];
    const count = Math.min(pool.length, 6 + Math.floor(rng() * 5));
    const ranking: string[] = [];
    while (ranking.length < count) ranking.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
    const by = allMembers.find((m) => m.group_id === group.id)?.user_id ?? null;
    await deps.db.transaction().execute((trx) =>
      replaceRanking(trx, {
        groupId: group.id,
        courseId: course.id,
        userId: by,
        at,
        meetingIds: ranking,
        historyId: ulid(now.getTime()),
      }),
    );
    report.rankingsCreated++;
  }

  const access: CourseAccess = {
    course: ref,
    viewer: SEED_VIEWER,
    membership: { role: null, dropped: false },
  };
  if (
    (await listRoleRows(deps.db, course.id)).length === 0 &&
    (await listGroups(deps.db, course.id)).length > 0
  ) {
    const plan = await planRoles(deps, access, { timeLimitSeconds: 10 });
    report.rolesApplied = (await applyRolePlan(deps, access, plan.planId)).applied;
  }
  if (!report.published && (await listRoleRows(deps.db, course.id)).length > 0) {
    await publishRoles(deps, access, true);
    report.published = true;
  }
  return report;
}
