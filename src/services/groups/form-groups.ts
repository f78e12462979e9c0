// Staff auto-form groups from the students left without one: plan (stored, with its input fingerprint) → preview → apply.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import { planGroupFormation } from '../../domain/group-formation.js';
import type { Db } from '../../storage/db.js';
import { findPlan, insertPlan, markPlanApplied } from '../../storage/repositories/assignment-store.js';
import { listRoster } from '../../storage/repositories/enrollments.js';
import {
  insertGroup,
  insertMember,
  listCourseMembers,
  listGroups,
  withdrawPendingInvitationsOf,
} from '../../storage/repositories/groups.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { fingerprint } from '../assignment/fingerprint.js';
import { formatInstant, loadScope, nextGroupName } from './context.js';
import { groupDeadlineBlocker } from './settings.js';
import { auditStaffAction } from '../assignment/audit-staff.js';

export interface FormationPreview {
  planId: string;
  seed: number;
  /** New groups with the names they will get and their members. */
  newGroups: { name: string; members: { userId: string; name: string }[] }[];
  joins: { groupId: string; groupName: string; members: { userId: string; name: string }[] }[];
  notes: string[];
  /** Students placed by this plan. */
  placed: number;
}

interface StoredFormation {
  seed: number;
  newGroups: { name: string; memberIds: string[] }[];
  joins: { groupId: string; studentIds: string[] }[];
  notes: string[];
}

async function formationInput(db: Db, courseId: string) {
  const [groups, members, roster] = await Promise.all([
    listGroups(db, courseId),
    listCourseMembers(db, courseId, { activeOnly: true }),
    listRoster(db, courseId, { includeDropped: false }),
  ]);
  const grouped = new Set(members.map((m) => m.user_id));
  const students = roster.filter((r) => r.role === 'student');
  const existingGroups = groups.map((g) => ({
    id: g.id,
    memberIds: members
      .filter((m) => m.group_id === g.id)
      .map((m) => m.user_id)
      .sort(),
  }));
  const ungroupedStudentIds = students
    .filter((s) => !grouped.has(s.user_id))
    .map((s) => s.user_id)
    .sort();
  const names = new Map<string, string>([...roster.map((r) => [r.user_id, r.name] as const)]);
  return { groups, existingGroups, ungroupedStudentIds, names };
}

/** Plans the auto-formation for a seed and stores it; writes no group. */
export async function planGroupFormationFor(
  deps: ServiceDeps,
  access: CourseAccess,
  seed: number,
): Promise<FormationPreview> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  const { groups, existingGroups, ungroupedStudentIds, names } = await formationInput(
    deps.db,
    access.course.id,
  );
  const result = planGroupFormation({
    ungroupedStudentIds,
    existingGroups,
    minSize: scope.settings.groupMin,
    maxSize: scope.settings.groupMax,
    seed,
  });
  if (!result.ok)
    throw new DomainError('conflict', result.messages.join(' '), {
      reason: 'formation-impossible',
      messages: result.messages,
    });
  const notes = [...result.notes];
  if (!groupDeadlineBlocker(scope.settings, now) && scope.settings.groupDeadline) {
    notes.unshift(
      `The group deadline (${formatInstant(scope.settings.groupDeadline, scope.course.timeZone)}) has not passed: students may still be forming groups.`,
    );
  }
  if (ungroupedStudentIds.length === 0) notes.push('Every student is already in a group: nothing to do.');
  const newNames = nextGroupName(
    groups.map((g) => g.name),
    result.newGroups.length,
  );
  const stored: StoredFormation = {
    seed,
    newGroups: result.newGroups.map((g, i) => ({ name: newNames[i]!, memberIds: g.memberIds })),
    joins: result.joins,
    notes,
  };
  const planId = ulid(now.getTime());
  await insertPlan(deps.db, {
    id: planId,
    course_id: access.course.id,
    kind: 'groups',
    input_hash: fingerprint({
      existingGroups,
      ungroupedStudentIds,
      min: scope.settings.groupMin,
      max: scope.settings.groupMax,
    }),
    plan: JSON.stringify(stored),
    created_at: now.toISOString(),
    created_by: access.viewer?.userId ?? null,
    applied_at: null,
  });
  return present(planId, stored, groups, names);
}

function present(
  planId: string,
  plan: StoredFormation,
  groups: Array<{ id: string; name: string }>,
  names: Map<string, string>,
): FormationPreview {
  const person = (userId: string) => ({ userId, name: names.get(userId) ?? userId });
  return {
    planId,
    seed: plan.seed,
    newGroups: plan.newGroups.map((g) => ({ name: g.name, members: g.memberIds.map(person) })),
    joins: plan.joins.map((j) => ({
      groupId: j.groupId,
      groupName: groups.find((g) => g.id === j.groupId)?.name ?? j.groupId,
      members: j.studentIds.map(person),
    })),
    notes: plan.notes,
    placed:
      plan.newGroups.reduce((n, g) => n + g.memberIds.length, 0) +
      plan.joins.reduce((n, j) => n + j.studentIds.length, 0),
  };
}

/** Applies a stored formation plan, all or nothing; refused when groups or students changed since it was planned. */
export async function applyGroupFormation(
  deps: ServiceDeps,
  access: CourseAccess,
  planId: string,
): Promise<{ created: number; joined: number }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const at = now.toISOString();
  const row = await findPlan(deps.db, planId);
  if (!row || row.course_id !== access.course.id || row.kind !== 'groups')
    throw new DomainError('not_found', 'No such group formation plan in this course.');
  if (row.applied_at)
    throw new DomainError('conflict', 'This plan was already applied.', { reason: 'plan-applied' });
  const scope = await loadScope(deps.db, access);
  const plan = JSON.parse(row.plan) as StoredFormation;
  return writeTransaction(deps.db, async (trx) => {
    const { existingGroups, ungroupedStudentIds, groups } = await formationInput(trx, access.course.id);
    const current = fingerprint({
      existingGroups,
      ungroupedStudentIds,
      min: scope.settings.groupMin,
      max: scope.settings.groupMax,
    });
    if (current !== row.input_hash) {
      throw new DomainError(
        'conflict',
        'Groups or students changed since this plan was made: plan again and check the new preview.',
        { reason: 'stale-plan' },
      );
    }
    const taken = new Set(groups.map((g) => g.name));
    for (const group of plan.newGroups) {
      if (taken.has(group.name))
        throw new DomainError('conflict', `A group named "${group.name}" now exists: plan again.`, {
          reason: 'stale-plan',
        });
      const id = ulid(now.getTime());
      await insertGroup(trx, {
        id,
        course_id: access.course.id,
        name: group.name,
        created_at: at,
        created_by: access.viewer?.userId ?? null,
      });
      for (const userId of group.memberIds) {
        await insertMember(trx, {
          group_id: id,
          user_id: userId,
          course_id: access.course.id,
          joined_at: at,
        });
        await withdrawPendingInvitationsOf(trx, access.course.id, userId, at);
      }
    }
    for (const join of plan.joins) {
      for (const userId of join.studentIds) {
        await insertMember(trx, {
          group_id: join.groupId,
          user_id: userId,
          course_id: access.course.id,
          joined_at: at,
        });
        await withdrawPendingInvitationsOf(trx, access.course.id, userId, at);
      }
    }
    if (!(await markPlanApplied(trx, planId, at)))
      throw new DomainError('conflict', 'This plan was already applied.', { reason: 'plan-applied' });
    await auditStaffAction(trx, now, access, 'groups-formed', planId, {
      seed: plan.seed,
      newGroups: plan.newGroups.map((g) => g.name),
    });
    return {
      created: plan.newGroups.length,
      joined: plan.joins.reduce((n, j) => n + j.studentIds.length, 0),
    };
  });
}
