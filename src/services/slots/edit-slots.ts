// Staff place a group on a presentation day (or move / reorder it), remove it, set the talk length, and publish the slots.
import {
  isLocalTime,
  moveTalk,
  placementBlocker,
  removeTalk,
  type SlotProblem,
} from '../../domain/talk-slots.js';
import { writeTransaction } from '../../storage/db.js';
import { replaceTalkSlots, upsertTalkSlotSettings } from '../../storage/repositories/talk-slots.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { dayLabel, loadSlotScope, lockedScope, problemsOf, slotRows } from './slot-scope.js';

export interface TalkPlacement {
  groupId: string;
  meetingId: string;
  /** 0-based place in the day's order; omitted = last. */
  position?: number;
  /** Local "HH:MM" start, null to clear; omitted = keep. */
  startTime?: string | null;
}

/**
 * Puts a group on a day at a place in its order (moving it off any other day; a group presents
 * once per deliverable). The talk is then locked: auto-fill leaves it there. Refuses a group of
 * another course (not_found), a class that is not one of the deliverable's presentation days and
 * a start time outside the class (invalid_input). Returns the problems the slots now have
 * (a full day, unbalanced days) for staff to see; they do not block the move.
 */
export async function placeTalk(
  deps: ServiceDeps,
  access: CourseAccess,
  deliverableKey: string,
  placement: TalkPlacement,
): Promise<{ problems: SlotProblem[] }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  return writeTransaction(deps.db, async (trx) => {
    const scope = await lockedScope(trx, access, deliverableKey, now);
    const group = scope.groups.find((g) => g.id === placement.groupId);
    if (!group) throw new DomainError('not_found', 'No such group in this course.', { field: 'groupId' });
    if (placementBlocker(scope.days, placement.meetingId)) {
      const dates = scope.days.map((d) => dayLabel(d.date)).join(', ');
      throw new DomainError(
        'invalid_input',
        `That class is not a presentation day of "${scope.spec.title}": choose one of ${dates || 'its days'}.`,
        { field: 'meetingId', reason: 'not-a-talk-day' },
      );
    }
    const day = scope.days.find((d) => d.meetingId === placement.meetingId)!;
    if (placement.startTime !== undefined && placement.startTime !== null) {
      if (!isLocalTime(placement.startTime))
        throw new DomainError('invalid_input', 'Give the start time as HH:MM (24-hour), e.g. 09:50.', {
          field: 'startTime',
        });
      if (
        day.startTime &&
        day.endTime &&
        (placement.startTime < day.startTime || placement.startTime >= day.endTime)
      ) {
        throw new DomainError(
          'invalid_input',
          `The start time must fall within the class (${day.startTime}–${day.endTime}).`,
          { field: 'startTime' },
        );
      }
    }
    if (
      placement.position !== undefined &&
      (!Number.isInteger(placement.position) || placement.position < 0)
    ) {
      throw new DomainError('invalid_input', 'The place in the day is a whole number from 0.', {
        field: 'position',
      });
    }
    const from = scope.slots.find((s) => s.groupId === group.id);
    const next = moveTalk(scope.slots, {
      groupId: group.id,
      meetingId: day.meetingId,
      ...(placement.position === undefined ? {} : { position: placement.position }),
      ...(placement.startTime === undefined ? {} : { startTime: placement.startTime }),
    });
    await replaceTalkSlots(trx, scope.course.id, scope.spec.key, slotRows(scope, next, now));
    const placed = next.find((s) => s.groupId === group.id)!;
    const fromDate = from ? (scope.days.find((d) => d.meetingId === from.meetingId)?.date ?? null) : null;
    await auditStaffAction(trx, now, access, 'talk-slot-moved', `${group.name} ${day.date}`, {
      deliverableKey: scope.spec.key,
      from: fromDate,
      position: placed.position,
      startTime: placed.startTime,
    });
    return { problems: problemsOf(scope, next) };
  });
}

/** Takes a group off its day (the others of that day move up). not_found when it has no slot. */
export async function removeTalkSlot(
  deps: ServiceDeps,
  access: CourseAccess,
  deliverableKey: string,
  groupId: string,
): Promise<{ problems: SlotProblem[] }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  return writeTransaction(deps.db, async (trx) => {
    const scope = await lockedScope(trx, access, deliverableKey, now);
    const slot = scope.slots.find((s) => s.groupId === groupId);
    if (!slot)
      throw new DomainError('not_found', 'That group has no presentation day to remove.', {
        field: 'groupId',
      });
    const next = removeTalk(scope.slots, groupId);
    await replaceTalkSlots(trx, scope.course.id, scope.spec.key, slotRows(scope, next, now));
    const name = scope.groups.find((g) => g.id === groupId)?.name ?? groupId;
    const date = scope.days.find((d) => d.meetingId === slot.meetingId)?.date ?? null;
    await auditStaffAction(trx, now, access, 'talk-slot-removed', `${name} ${date ?? ''}`.trim(), {
      deliverableKey: scope.spec.key,
    });
    return { problems: problemsOf(scope, next) };
  });
}

/** Publishes the slots (students see their day) or takes them back. Publishing needs at least one slot. */
export async function publishTalkSlots(
  deps: ServiceDeps,
  access: CourseAccess,
  deliverableKey: string,
  published: boolean,
): Promise<{ publishedAt: string | null }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadSlotScope(deps.db, access, deliverableKey, now);
  if (published && scope.slots.length === 0) {
    throw new DomainError(
      'conflict',
      'There are no slots to publish yet: place the groups on the days first.',
      { reason: 'no-slots' },
    );
  }
  const at = published ? now.toISOString() : null;
  await upsertTalkSlotSettings(
    deps.db,
    scope.course.id,
    scope.spec.key,
    { published_at: at },
    now.toISOString(),
  );
  await auditStaffAction(
    deps.db,
    now,
    access,
    published ? 'talk-slots-published' : 'talk-slots-unpublished',
    scope.spec.key,
  );
  return { publishedAt: at };
}

/** Longest talk length staff may set, in minutes (a whole class day). */
export const MAX_TALK_MINUTES = 600;

/**
 * Sets the talk length of a deliverable (then a day takes class length ÷ talk length talks), or
 * null for none (days are only balanced). The syllabus gives no length for the mid-semester talks.
 */
export async function updateTalkSlotSettings(
  deps: ServiceDeps,
  access: CourseAccess,
  deliverableKey: string,
  patch: { talkMinutes?: number | null },
): Promise<{ talkMinutes: number | null; problems: SlotProblem[] }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadSlotScope(deps.db, access, deliverableKey, now);
  if (patch.talkMinutes === undefined)
    return { talkMinutes: scope.talkMinutes, problems: problemsOf(scope, scope.slots) };
  const minutes = patch.talkMinutes;
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TALK_MINUTES)) {
    throw new DomainError(
      'invalid_input',
      `A talk lasts a whole number of minutes from 1 to ${MAX_TALK_MINUTES}.`,
      { field: 'talkMinutes' },
    );
  }
  await upsertTalkSlotSettings(
    deps.db,
    scope.course.id,
    scope.spec.key,
    { talk_minutes: minutes },
    now.toISOString(),
  );
  await auditStaffAction(deps.db, now, access, 'talk-slot-settings-changed', scope.spec.key, {
    talkMinutes: minutes,
  });
  return { talkMinutes: minutes, problems: problemsOf({ ...scope, talkMinutes: minutes }, scope.slots) };
}
