// Lateness: the effective due instant (extension, grace), late or not, what a late rule does, who may submit.

import type { Deliverable, LateRule } from './deliverables.js';
import { addElapsedHours, fromMillis, toMillis, type Instant } from './due.js';
import type { Extension } from './extensions.js';

const MINUTE_MS = 60_000;

/**
 * The instant after which a hand-in is late: the extension's instant if one applies, else the
 * regular one, plus the deliverable's grace minutes. Grace applies on top of an extension too.
 */
export function effectiveDue(
  regularDue: Instant,
  deliverable: Pick<Deliverable, 'graceMinutes'>,
  extension?: Pick<Extension, 'dueAt'> | null,
): Instant {
  const base = extension ? extension.dueAt : regularDue;
  return fromMillis(toMillis(base) + Math.max(0, deliverable.graceMinutes) * MINUTE_MS);
}

/** A return's resubmission window: staff returned a version at `openedAt`; a new version up to `until` is on time. */
export interface ResubmissionWindow {
  openedAt: Instant;
  until: Instant;
}

/** Staff's default resubmission window after a return. */
export const DEFAULT_RESUBMIT_DAYS = 7;

/**
 * The due instant for a version handed in at `at`: the effective due instant, moved to the end
 * of a resubmission window when one was opened (by a return) at or before `at` and ends later.
 * A version handed in before the return is judged by the deadline as it was.
 */
export function dueWithResubmission(
  due: Instant,
  windows: readonly ResubmissionWindow[],
  at: Instant,
): Instant {
  let best = toMillis(due);
  for (const w of windows)
    if (toMillis(w.openedAt) <= toMillis(at) && toMillis(w.until) > best) best = toMillis(w.until);
  return fromMillis(best);
}

/** The window that is open at `at` (the latest ending), or null: "resubmit by" its end. */
export function openResubmissionWindow(
  windows: readonly ResubmissionWindow[],
  at: Instant,
): ResubmissionWindow | null {
  let open: ResubmissionWindow | null = null;
  for (const w of windows)
    if (toMillis(w.openedAt) <= toMillis(at) && toMillis(at) <= toMillis(w.until))
      if (!open || toMillis(w.until) > toMillis(open.until)) open = w;
  return open;
}

/** Late means strictly after the effective due instant; handed in at the instant itself is on time. */
export function isLate(submittedAt: Instant, due: Instant): boolean {
  return toMillis(submittedAt) > toMillis(due);
}

/** How late, in milliseconds (0 when on time). */
export function lateBy(submittedAt: Instant, due: Instant): number {
  return Math.max(0, toMillis(submittedAt) - toMillis(due));
}

export interface LateOutcome {
  /** Whether the hand-in is recorded at all. */
  accepted: boolean;
  late: boolean;
  /** Marked late for staff. */
  flagged: boolean;
  /** Kept and shown, but counts as zero ("late reviews will not be counted"). */
  scoresZero: boolean;
}

/** What a late rule does with a hand-in that is (or is not) late. */
export function lateOutcome(rule: LateRule, late: boolean): LateOutcome {
  if (!late) return { accepted: true, late: false, flagged: false, scoresZero: false };
  switch (rule) {
    case 'accept':
      return { accepted: true, late: true, flagged: false, scoresZero: false };
    case 'flag':
      return { accepted: true, late: true, flagged: true, scoresZero: false };
    case 'zero':
      return { accepted: true, late: true, flagged: true, scoresZero: true };
    case 'reject':
      return { accepted: false, late: true, flagged: false, scoresZero: false };
  }
}

/** When hand-ins stop entirely (closeAfterHours past the effective due instant), or null for never. */
export function closesAt(deliverable: Pick<Deliverable, 'closeAfterHours'>, due: Instant): Instant | null {
  return deliverable.closeAfterHours === null ? null : addElapsedHours(due, deliverable.closeAfterHours);
}

export type SubmissionBlocker = 'closed' | 'not-holder' | 'not-in-group' | 'not-enrolled' | 'late-rejected';

export interface SubmissionContext {
  deliverable: Pick<Deliverable, 'audience' | 'holder' | 'lateRule' | 'closeAfterHours'>;
  /** Server time of the attempt. */
  now: Instant;
  /** From effectiveDue(): extension and grace already applied. */
  due: Instant;
  /** Whether the user is an enrolled student of the course. */
  enrolled: boolean;
  /** The student's group in the course, or null. */
  groupId: string | null;
  /**
   * For holder 'presenter' / 'summarizer': the groups holding that role at the meeting;
   * for 'slot': the groups on the meeting's talk slots.
   * Ignored for 'everyone' and 'group'.
   */
  holderGroupIds?: readonly string[];
  /** Staff closed the deliverable by hand. */
  closedByStaff?: boolean;
}

/**
 * Why this user may not hand this in now, or null when they may. Checked in this order:
 * not enrolled; no group for group work; not the group holding the role; late under a
 * reject rule; closed (by staff, or closeAfterHours past the due instant).
 */
export function submissionBlocker(ctx: SubmissionContext): SubmissionBlocker | null {
  if (!ctx.enrolled) return 'not-enrolled';
  const needsGroup = ctx.deliverable.audience === 'group' || ctx.deliverable.holder !== 'everyone';
  if (needsGroup && ctx.groupId === null) return 'not-in-group';
  if (
    ctx.deliverable.holder === 'presenter' ||
    ctx.deliverable.holder === 'summarizer' ||
    ctx.deliverable.holder === 'slot'
  ) {
    if (ctx.groupId === null || !(ctx.holderGroupIds ?? []).includes(ctx.groupId)) return 'not-holder';
  }
  if (ctx.deliverable.lateRule === 'reject' && isLate(ctx.now, ctx.due)) return 'late-rejected';
  if (ctx.closedByStaff) return 'closed';
  const closing = closesAt(ctx.deliverable, ctx.due);
  if (closing !== null && isLate(ctx.now, closing)) return 'closed';
  return null;
}

/** The boolean half of submissionBlocker. */
export function canSubmit(ctx: SubmissionContext): boolean {
  return submissionBlocker(ctx) === null;
}

export type SubmissionVerdict =
  { ok: false; reason: SubmissionBlocker } | ({ ok: true; lateByMs: number } & LateOutcome);

/** Everything a service needs to record a hand-in at `ctx.now`: refused with a reason, or how late and what it scores. */
export function judgeSubmission(ctx: SubmissionContext): SubmissionVerdict {
  const reason = submissionBlocker(ctx);
  if (reason !== null) return { ok: false, reason };
  const late = isLate(ctx.now, ctx.due);
  return { ok: true, lateByMs: lateBy(ctx.now, ctx.due), ...lateOutcome(ctx.deliverable.lateRule, late) };
}

export interface VersionRef {
  id: string;
  submittedAt: Instant;
  /** The version's own due instant (a resubmission window moves it); it counts when later than the hand-in's. */
  dueAt?: Instant;
}

/**
 * The version that counts: staff's choice if given, else the last one on time, else (nothing
 * on time) the last one — which is late and scored by the late rule.
 */
export function countingVersion<V extends VersionRef>(
  versions: readonly V[],
  due: Instant,
  staffChoiceId?: string | null,
): V | null {
  if (staffChoiceId) {
    const chosen = versions.find((v) => v.id === staffChoiceId);
    if (chosen) return chosen;
  }
  const sorted = [...versions].sort((a, b) => toMillis(a.submittedAt) - toMillis(b.submittedAt));
  const dueOf = (v: V) => (v.dueAt !== undefined && toMillis(v.dueAt) > toMillis(due) ? v.dueAt : due);
  const onTime = sorted.filter((v) => !isLate(v.submittedAt, dueOf(v)));
  return onTime.at(-1) ?? sorted.at(-1) ?? null;
}
