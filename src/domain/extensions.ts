// Extensions: staff move one student's or one group's deadline of a deliverable to a new instant.

import type { Deliverable } from './deliverables.js';
import { toMillis, type Instant } from './due.js';

export type ExtensionTarget = { kind: 'student'; userId: string } | { kind: 'group'; groupId: string };

export interface Extension {
  id: string;
  deliverableKey: string;
  /** Local date of the meeting for per-meeting deliverables; null for course-wide ones. */
  meetingDate: string | null;
  target: ExtensionTarget;
  /** The new due instant (grace still applies on top of it). */
  dueAt: Instant;
  grantedBy: string;
  grantedAt: Instant;
  reason: string | null;
}

/** Whoever hands the work in: a student and their group in this course, if any. */
export interface Submitter {
  userId: string;
  groupId: string | null;
}

/**
 * The extension that governs a submitter's deadline, or null.
 * Individual deliverables honour the student's own extensions and those granted to the
 * student's group; group deliverables honour only the group's (a student's private
 * extension must not reopen work the whole group shares). The latest due instant wins.
 */
export function extensionFor(
  extensions: readonly Extension[],
  deliverable: Pick<Deliverable, 'key' | 'audience' | 'perMeeting'>,
  meetingDate: string | null,
  submitter: Submitter,
): Extension | null {
  let best: Extension | null = null;
  for (const extension of extensions) {
    if (extension.deliverableKey !== deliverable.key) continue;
    if (deliverable.perMeeting && extension.meetingDate !== meetingDate) continue;
    if (!appliesTo(extension.target, deliverable.audience, submitter)) continue;
    if (best === null || toMillis(extension.dueAt) > toMillis(best.dueAt)) best = extension;
  }
  return best;
}

function appliesTo(
  target: ExtensionTarget,
  audience: Deliverable['audience'],
  submitter: Submitter,
): boolean {
  if (target.kind === 'group') return submitter.groupId !== null && target.groupId === submitter.groupId;
  return audience === 'individual' && target.userId === submitter.userId;
}

export type ExtensionBlocker = 'not-staff' | 'wrong-target' | 'meeting-required' | 'not-later' | 'in-past';

/**
 * Why an extension cannot be granted, or null when it can: only staff grant; a group
 * deliverable is extended for a group; a per-meeting deliverable names its meeting; the new
 * instant lies after the regular due instant and (given `now`) after now: an extension that
 * ends before it is granted extends nothing.
 */
export function extensionBlocker(input: {
  granterIsStaff: boolean;
  deliverable: Pick<Deliverable, 'audience' | 'perMeeting'>;
  target: ExtensionTarget;
  meetingDate: string | null;
  regularDue: Instant;
  newDue: Instant;
  now?: Instant;
}): ExtensionBlocker | null {
  if (!input.granterIsStaff) return 'not-staff';
  if (input.deliverable.audience === 'group' && input.target.kind !== 'group') return 'wrong-target';
  if (input.deliverable.perMeeting && input.meetingDate === null) return 'meeting-required';
  if (toMillis(input.newDue) <= toMillis(input.regularDue)) return 'not-later';
  if (input.now !== undefined && toMillis(input.newDue) <= toMillis(input.now)) return 'in-past';
  return null;
}

export function canGrantExtension(input: Parameters<typeof extensionBlocker>[0]): boolean {
  return extensionBlocker(input) === null;
}

const SUGGESTED_EXTRA_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * The new deadline a grant form suggests: two days after the later of the regular deadline and
 * now, so that an extension granted after the deadline passed still lies in the future.
 */
export function suggestedExtensionDue(regularDue: Instant, now: Instant): Instant {
  return new Date(Math.max(toMillis(regularDue), toMillis(now)) + SUGGESTED_EXTRA_MS).toISOString();
}
