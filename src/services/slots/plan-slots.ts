// Staff auto-fill the presentation days: plan (spread the groups evenly, keeping hand-placed talks) → preview → apply.
import { spreadGroups, type SlotProblem, type TalkSlot } from '../../domain/talk-slots.js';
import { writeTransaction } from '../../storage/db.js';
import { replaceTalkSlots } from '../../storage/repositories/talk-slots.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { fingerprint } from '../assignment/fingerprint.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import {
  boardOf,
  loadSlotScope,
  lockedScope,
  problemsOf,
  slotRows,
  type BoardDay,
  type SlotGroup,
  type SlotScope,
} from './slot-scope.js';

export interface SlotPlanPreview {
  deliverableKey: string;
  /** sha-256 of the input (days, groups, current slots, talk length): apply refuses once it changed. */
  fingerprint: string;
  days: BoardDay[];
  unplaced: SlotGroup[];
  problems: SlotProblem[];
  /** Groups whose day changes (from null = had none; to null = fits on no day). */
  changes: Array<{ groupId: string; groupName: string; from: string | null; to: string | null }>;
}

function inputOf(scope: SlotScope): unknown {
  return {
    days: scope.days.map((d) => [d.meetingId, d.minutes]),
    groups: scope.groups.map((g) => g.id),
    slots: scope.slots.map((s) => [s.groupId, s.meetingId, s.position, s.startTime, s.locked]),
    talkMinutes: scope.talkMinutes,
  };
}

function proposal(scope: SlotScope): TalkSlot[] {
  return spreadGroups({
    days: scope.days,
    groupIds: scope.groups.map((g) => g.id),
    current: scope.slots,
    talkMinutes: scope.talkMinutes,
  }).slots;
}

function previewOf(scope: SlotScope, slots: TalkSlot[]): SlotPlanPreview {
  const dateOf = new Map(scope.days.map((d) => [d.meetingId, d.date]));
  const before = new Map(scope.slots.map((s) => [s.groupId, dateOf.get(s.meetingId) ?? null]));
  const after = new Map(slots.map((s) => [s.groupId, dateOf.get(s.meetingId) ?? null]));
  const changes = scope.groups
    .filter((g) => (before.get(g.id) ?? null) !== (after.get(g.id) ?? null))
    .map((g) => ({
      groupId: g.id,
      groupName: g.name,
      from: before.get(g.id) ?? null,
      to: after.get(g.id) ?? null,
    }));
  return {
    deliverableKey: scope.spec.key,
    fingerprint: fingerprint(inputOf(scope)),
    ...boardOf(scope, slots),
    problems: problemsOf(scope, slots),
    changes,
  };
}

/** What auto-fill would do now. Writes nothing. */
export async function planTalkSlots(
  deps: ServiceDeps,
  access: CourseAccess,
  deliverableKey: string,
): Promise<SlotPlanPreview> {
  authorize(access, 'runAssignment');
  const scope = await loadSlotScope(deps.db, access, deliverableKey, nowOf(deps));
  if (scope.days.length === 0)
    throw new DomainError('conflict', `"${scope.spec.title}" has no presentation days in the schedule.`, {
      reason: 'no-days',
    });
  if (scope.groups.length === 0)
    throw new DomainError('conflict', 'There are no groups to place yet: form the groups first.', {
      reason: 'no-groups',
    });
  return previewOf(scope, proposal(scope));
}

/**
 * Applies the plan previewed with this fingerprint: the same deterministic spread, recomputed in
 * the write transaction. Refused (conflict, stale-plan) when groups, days, slots or the talk
 * length changed since the preview, so staff never apply something they did not see.
 */
export async function applyTalkSlotPlan(
  deps: ServiceDeps,
  access: CourseAccess,
  deliverableKey: string,
  expected: string,
): Promise<{ placed: number; unplaced: number }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  return writeTransaction(deps.db, async (trx) => {
    const scope = await lockedScope(trx, access, deliverableKey, now);
    if (fingerprint(inputOf(scope)) !== expected) {
      throw new DomainError(
        'conflict',
        'The groups or slots changed since this plan was previewed: plan again and check the new preview.',
        { reason: 'stale-plan' },
      );
    }
    const slots = proposal(scope);
    await replaceTalkSlots(trx, scope.course.id, scope.spec.key, slotRows(scope, slots, now));
    const unplaced = scope.groups.length - slots.length;
    await auditStaffAction(trx, now, access, 'talk-slots-applied', scope.spec.key, {
      placed: slots.length,
      unplaced,
    });
    return { placed: slots.length, unplaced };
  });
}
