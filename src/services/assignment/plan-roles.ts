// Staff plan the roles with the solver (stored with its input fingerprint), preview the diff and explanations, then apply.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import {
  diffPlans,
  planAssignment,
  type AssignmentPlan,
  type Role,
  type RoleAssignment,
} from '../../assignment/index.js';
import {
  findPlan,
  insertPlan,
  latestPlan,
  markPlanApplied,
} from '../../storage/repositories/assignment-store.js';
import { deleteRolesOfCourse, insertRoles } from '../../storage/repositories/roles.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope } from '../groups/context.js';
import { loadAssignmentState, type AssignmentState } from './input.js';
import { auditStaffAction } from './audit-staff.js';

export interface NamedRole {
  meetingId: string;
  meetingLabel: string;
  groupId: string;
  groupName: string;
  role: Role;
}

export interface RolePlanPreview {
  planId: string;
  createdAt: string;
  appliedAt: string | null;
  /** Whether the plan still matches the current groups, rankings, locks and settings. */
  stale: boolean;
  status: AssignmentPlan['stats']['status'];
  gap: number;
  solveTimeMs: number;
  meanRank: number;
  worstRank: number;
  weekClashes: number;
  notes: string[];
  assignments: Array<NamedRole & { locked: boolean }>;
  diff: {
    added: NamedRole[];
    removed: NamedRole[];
    changed: Array<Omit<NamedRole, 'role'> & { from: Role; to: Role }>;
    unchanged: number;
  };
  groups: Array<{
    groupId: string;
    groupName: string;
    presenting: { meetingId: string; meetingLabel: string; rank: number | null }[];
    summarizing: string[];
    reviewing: string[];
    explanation: string;
  }>;
}

/** Options of a plan run; time limit in seconds (the solver's default otherwise). */
export interface PlanRolesOptions {
  timeLimitSeconds?: number;
}

function namer(state: AssignmentState) {
  return (a: { meetingId: string; groupId: string }) => ({
    meetingId: a.meetingId,
    meetingLabel: state.meetingLabels.get(a.meetingId) ?? a.meetingId,
    groupId: a.groupId,
    groupName: state.groupNames.get(a.groupId) ?? a.groupId,
  });
}

export function presentPlan(
  state: AssignmentState,
  row: { id: string; created_at: string; applied_at: string | null; input_hash: string },
  plan: AssignmentPlan,
): RolePlanPreview {
  const name = namer(state);
  const locked = new Set((state.input.locks ?? []).map((l) => `${l.meetingId}|${l.groupId}|${l.role}`));
  const diff = diffPlans(state.current, plan.assignments);
  const label = (id: string) => state.meetingLabels.get(id) ?? id;
  return {
    planId: row.id,
    createdAt: row.created_at,
    appliedAt: row.applied_at,
    stale: row.input_hash !== state.inputHash,
    status: plan.stats.status,
    gap: plan.stats.gap,
    solveTimeMs: plan.stats.solveTimeMs,
    meanRank: plan.stats.meanRank,
    worstRank: plan.stats.worstRank,
    weekClashes: plan.stats.weekClashes,
    notes: plan.notes,
    assignments: plan.assignments.map((a) => ({
      ...name(a),
      role: a.role,
      locked: locked.has(`${a.meetingId}|${a.groupId}|${a.role}`),
    })),
    diff: {
      added: diff.added.map((a) => ({ ...name(a), role: a.role })),
      removed: diff.removed.map((a) => ({ ...name(a), role: a.role })),
      changed: diff.changed.map((c) => ({ ...name(c), from: c.from, to: c.to })),
      unchanged: diff.unchanged,
    },
    groups: plan.groups.map((g) => ({
      groupId: g.groupId,
      groupName: state.groupNames.get(g.groupId) ?? g.groupId,
      presenting: g.presenting.map((p) => ({
        meetingId: p.meetingId,
        meetingLabel: label(p.meetingId),
        rank: p.rank,
      })),
      summarizing: g.summarizing.map(label),
      reviewing: g.reviewing.map(label),
      explanation: g.explanation,
    })),
  };
}

/** Solves for the current input and stores the plan; nothing is applied. Infeasible input is a conflict naming the cause. */
export async function planRoles(
  deps: ServiceDeps,
  access: CourseAccess,
  options: PlanRolesOptions = {},
): Promise<RolePlanPreview> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  const state = await loadAssignmentState(deps.db, scope.course, scope.settings, options.timeLimitSeconds);
  const result = await planAssignment(state.input);
  if (!result.ok) {
    throw new DomainError('conflict', `No plan: ${result.messages.join(' ')}`, {
      reason: result.reason,
      messages: result.messages,
    });
  }
  // Groups outside the size limits still get roles (a drop mid-semester leaves a group of 1), but staff are told.
  const { groupMin, groupMax } = scope.settings;
  const sizeNotes = state.input.groups
    .filter((g) => (g.size ?? 0) < groupMin || (g.size ?? 0) > groupMax)
    .map(
      (g) =>
        `${g.name} has ${g.size} member${g.size === 1 ? '' : 's'}, outside the group size of ${groupMin}–${groupMax}: move people on the groups page if that is not intended.`,
    );
  if (sizeNotes.length > 0) result.notes = [...sizeNotes, ...result.notes];
  const row = {
    id: ulid(now.getTime()),
    created_at: now.toISOString(),
    applied_at: null,
    input_hash: state.inputHash,
  };
  await insertPlan(deps.db, {
    ...row,
    course_id: access.course.id,
    kind: 'roles',
    plan: JSON.stringify(result),
    created_by: access.viewer?.userId ?? null,
  });
  return presentPlan(state, row, result);
}

/** The latest role plan of the course, with its diff against the current roles; null when none was made. */
export async function latestRolePlan(
  deps: ServiceDeps,
  access: CourseAccess,
): Promise<RolePlanPreview | null> {
  authorize(access, 'runAssignment');
  const row = await latestPlan(deps.db, access.course.id, 'roles');
  if (!row) return null;
  const scope = await loadScope(deps.db, access);
  const state = await loadAssignmentState(deps.db, scope.course, scope.settings);
  return presentPlan(state, row, JSON.parse(row.plan) as AssignmentPlan);
}

/**
 * Replaces the course's roles with a stored plan, in one transaction. Refused (conflict,
 * reason stale-plan) when groups, members, rankings, locks, exclusions, settings or the
 * presentable meetings changed since the plan was computed: the preview staff saw would lie.
 */
export async function applyRolePlan(
  deps: ServiceDeps,
  access: CourseAccess,
  planId: string,
): Promise<{ applied: number; diff: RolePlanPreview['diff'] }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const row = await findPlan(deps.db, planId);
  if (!row || row.course_id !== access.course.id || row.kind !== 'roles')
    throw new DomainError('not_found', 'No such role plan in this course.');
  const scope = await loadScope(deps.db, access);
  const plan = JSON.parse(row.plan) as AssignmentPlan;
  return writeTransaction(deps.db, async (trx) => {
    const state = await loadAssignmentState(trx, scope.course, scope.settings);
    if (state.inputHash !== row.input_hash) {
      throw new DomainError(
        'conflict',
        'Groups, rankings, locks or settings changed since this plan was computed: plan again and check the new preview.',
        { reason: 'stale-plan' },
      );
    }
    const preview = presentPlan(state, row, plan);
    const locked = new Set((state.input.locks ?? []).map((l) => `${l.meetingId}|${l.groupId}|${l.role}`));
    const at = now.toISOString();
    await deleteRolesOfCourse(trx, access.course.id, { keepLocked: false });
    await insertRoles(
      trx,
      plan.assignments.map((a: RoleAssignment, i) => ({
        id: `${ulid(now.getTime())}${i}`.slice(0, 40),
        course_id: access.course.id,
        meeting_id: a.meetingId,
        group_id: a.groupId,
        role: a.role,
        locked: locked.has(`${a.meetingId}|${a.groupId}|${a.role}`) ? 1 : 0,
        created_at: at,
      })),
    );
    await markPlanApplied(trx, planId, at);
    await auditStaffAction(trx, now, access, 'roles-applied', planId, {
      roles: plan.assignments.length,
      added: preview.diff.added.length,
      removed: preview.diff.removed.length,
      changed: preview.diff.changed.length,
    });
    return { applied: plan.assignments.length, diff: preview.diff };
  });
}
