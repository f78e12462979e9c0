// When a class's roles stop being the planner's to change: once it started, once its first role deadline passed, or once it holds a hand-in.
import {
  addElapsedHours,
  meetingInterval,
  toMillis,
  type CourseClock,
  type Instant,
  type MeetingWhen,
} from './due.js';

/** Hours before a class at which its first role deadline falls (the presenters' slides, 24 h before). */
export const FIRST_ROLE_DEADLINE_HOURS = 24;

export type FreezeReason = 'started' | 'deadline-passed' | 'hand-in';

export interface ClassFreeze {
  frozen: boolean;
  /** The first reason that holds, in the order started, deadline-passed, hand-in; null when not frozen. */
  reason: FreezeReason | null;
  /** The instant from which the class is frozen by time alone (its first role deadline). */
  freezesAt: Instant;
}

/**
 * Whether a class's roles are fixed at instant `at`. A frozen class keeps the roles it has: a re-plan takes
 * them as given and plans only the classes after it. `firstDeadline` overrides the default first role
 * deadline (the class start minus 24 elapsed hours) when the course sets an earlier one.
 */
export function classFreeze(
  course: CourseClock,
  meeting: MeetingWhen,
  at: Instant,
  facts: { handIns: number; firstDeadline?: Instant },
): ClassFreeze {
  const { start } = meetingInterval(course, meeting);
  const deadline = facts.firstDeadline ?? addElapsedHours(start, -FIRST_ROLE_DEADLINE_HOURS);
  const freezesAt = toMillis(deadline) < toMillis(start) ? deadline : start;
  const now = toMillis(at);
  const reason: FreezeReason | null =
    now >= toMillis(start)
      ? 'started'
      : now >= toMillis(freezesAt)
        ? 'deadline-passed'
        : facts.handIns > 0
          ? 'hand-in'
          : null;
  return { frozen: reason !== null, reason, freezesAt };
}
