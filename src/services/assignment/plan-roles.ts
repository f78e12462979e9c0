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
  lockCourseRoles,
  markPlanApplied,
} from '../../storage/repositories/assignment-store.js';
import { deleteRolesOfCourse, insertRoles } from '../../storage/repositories/roles.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope } from '../groups/context.js';
import { loadAssignmentState, type AssignmentState } from './input.js';
import { auditStaffAction } from './audit-staff.js';
import { firstComeRanks } from './first-come-ranks.js';

export interface NamedRole {
  meetingId: string;
  meetingLabel: string;
  groupId: string;
  groupName: string;
  role: Role;
}

export type ChangeReason = 'new-group' | 'dropped-group' | 'locked' | 'fairness';

/** One role seat of a class that the plan gives to another group (from or to null: nobody). */
export interface RoleChange {
  meetingId: string;
  meetingLabel: string;
  meetingDate: string;
  role: Role;
  from: string | null;
  to: string | null;
  fromGroupId: string | null;
  toGroupId: string | null;
  reason: ChangeReason;
  /** The reason in words. */
  why: string;
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
  /** Classes whose roles were fixed when the plan was made (started, deadline passed, or holding hand-ins). */
  frozenClasses: number;
  /** Every role seat the plan moves, against the roles in force, with why. Never a frozen class. */
  changes: RoleChange[];
  groups: Array<{
    groupId: string;
    groupName: string;
    presenting: { meetingId: string; meetingLabel: string; rank: number | null }[];
    /** Rank (cost) of the best date the plan gives; null when the group presents nowhere. */
    planRank: number | null;
    /** Median rank the first-come sheet would have given over seeded orders (see first-come-ranks.ts). */
    firstComeRank: number | null;
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

const ROLE_ORDER: Record<Role, number> = { presenter: 0, summarizer: 1, reviewer: 2 };

/**
 * The seats that change hands, class by class and role by role: the groups that lose a seat are paired in
 * order with the groups that gain one. Why: the gaining group is new (it held no role before), the losing
 * group left the course, the gaining group is locked there by staff, or else the loads are rebalanced.
 */
export function roleChanges(
  state: AssignmentState,
  before: RoleAssignment[],
  after: RoleAssignment[],
): RoleChange[] {
  const holders = (list: RoleAssignment[]) => {
    const map = new Map<string, string[]>();
    for (const a of list)
      map.set(`${a.meetingId}|${a.role}`, [...(map.get(`${a.meetingId}|${a.role}`) ?? []), a.groupId]);
    return map;
  };
  const was = holders(before);
  const will = holders(after);
  const active = new Set(state.input.groups.map((g) => g.id));
  const heldBefore = new Set(state.current.map((a) => a.groupId));
  const locked = new Set((state.input.locks ?? []).map((l) => `${l.meetingId}|${l.groupId}|${l.role}`));
  const name = (id: string | null) => (id === null ? null : (state.groupNames.get(id) ?? id));
  const changes: RoleChange[] = [];
  for (const key of new Set([...was.keys(), ...will.keys()])) {
    const [meetingId, role] = key.split('|') as [string, Role];
    const old = was.get(key) ?? [];
    const neu = will.get(key) ?? [];
    const lost = old.filter((g) => !neu.includes(g)).sort();
    const gained = neu.filter((g) => !old.includes(g)).sort();
    for (let i = 0; i < Math.max(lost.length, gained.length); i++) {
      const from = lost[i] ?? null;
      const to = gained[i] ?? null;
      const reason: ChangeReason =
        to !== null && !heldBefore.has(to)
          ? 'new-group'
          : from !== null && !active.has(from)
            ? 'dropped-group'
            : to !== null && locked.has(`${meetingId}|${to}|${role}`)
              ? 'locked'
              : 'fairness';
      const why = {
        'new-group': `${name(to)} is new and takes its share of the classes left.`,
        'dropped-group': `${name(from)} no longer has active members.`,
        locked: `Staff locked ${name(to)} as ${role} here.`,
        fairness: 'Evens out the roles each group holds over the term.',
      }[reason];
      changes.push({
        meetingId,
        meetingLabel: state.meetingLabels.get(meetingId) ?? meetingId,
        meetingDate: state.meetingDates.get(meetingId) ?? '',
        role,
        from: name(from),
        to: name(to),
        fromGroupId: from,
        toGroupId: to,
        reason,
        why,
      });
    }
  }
  return changes.sort(
    (a, b) =>
      (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      (a.from ?? '').localeCompare(b.from ?? ''),
  );
}

export function presentPlan(
  state: AssignmentState,
  row: { id: string; created_at: string; applied_at: string | null; input_hash: string },
  plan: AssignmentPlan,
): RolePlanPreview {
  const name = namer(state);
  const locked = new Set((state.input.locks ?? []).map((l) => `${l.meetingId}|${l.groupId}|${l.role}`));
  const current = state.current.filter((a) => !state.frozen.has(a.meetingId));
  const diff = diffPlans(current, plan.assignments);
  const label = (id: string) => state.meetingLabels.get(id) ?? id;
  const firstCome = firstComeRanks(state.input);
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
    frozenClasses: state.frozen.size,
    changes: roleChanges(state, current, plan.assignments),
    groups: plan.groups.map((g) => ({
      groupId: g.groupId,
      groupName: state.groupNames.get(g.groupId) ?? g.groupId,
      presenting: g.presenting.map((p) => ({
        meetingId: p.meetingId,
        meetingLabel: label(p.meetingId),
        rank: p.rank,
      })),
      planRank: g.presenterCost ?? null,
      firstComeRank: firstCome.get(g.groupId) ?? null,
      summarizing: g.summarizing.map(label),
      reviewing: g.reviewing.map(label),
      explanation: g.explanation,
    })),
  };
}

/** The plan of a term whose classes are all frozen: every role stays, nothing is left to plan. */
function nothingLeft(state: AssignmentState): AssignmentPlan {
  return {
    ok: true,
    assignments: [],
    groups: state.input.groups.map((g) => ({
      groupId: g.id,
      presenting: [],
      summarizing: [],
      reviewing: [],
      presenterCost: null,
      explanation: 'Every class is under way or past, so its roles stay as they are.',
    })),
    stats: {
      status: 'optimal',
      stages: [],
      gap: 0,
      solveTimeMs: 0,
      worstRank: 0,
      meanRank: 0,
      weekClashes: 0,
    },
    notes: ['Every class is under way or past: nothing is left to plan.'],
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
  const state = await loadAssignmentState(
    deps.db,
    scope.course,
    scope.settings,
    options.timeLimitSeconds,
    now,
  );
  const result =
    state.input.meetings.length === 0 && state.frozen.size > 0
      ? nothingLeft(state)
      : await planAssignment(state.input);
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
  const state = await loadAssignmentState(deps.db, scope.course, scope.settings, undefined, nowOf(deps));
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
  const at = now.toISOString();
  return writeTransaction(deps.db, async (trx) => {
    // Compare-and-set first: of two applies of one plan at once, the second waits here and is refused.
    await lockCourseRoles(deps.db, trx, access.course.id);
    if (!(await markPlanApplied(trx, planId, at)))
      throw new DomainError(
        'conflict',
        'This plan was already applied. Plan again to change the roles from here.',
        { reason: 'plan-applied' },
      );
    const state = await loadAssignmentState(trx, scope.course, scope.settings, undefined, now);
    if (state.inputHash !== row.input_hash) {
      throw new DomainError(
        'conflict',
        'Groups, rankings, locks, settings or the classes already under way changed since this plan was computed: plan again and check the new preview.',
        { reason: 'stale-plan' },
      );
    }
    const preview = presentPlan(state, row, plan);
    const locked = new Set((state.input.locks ?? []).map((l) => `${l.meetingId}|${l.groupId}|${l.role}`));
    // Frozen classes keep their roles: the plan covers only the classes after them.
    await deleteRolesOfCourse(trx, access.course.id, {
      keepLocked: false,
      keepMeetings: [...state.frozen.keys()],
    });
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
    await auditStaffAction(trx, now, access, 'roles-applied', planId, {
      roles: plan.assignments.length,
      added: preview.diff.added.length,
      removed: preview.diff.removed.length,
      changed: preview.diff.changed.length,
    });
    return { applied: plan.assignments.length, diff: preview.diff };
  });
}
