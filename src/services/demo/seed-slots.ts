// Demo talk slots for `npm start`: the demo groups spread over the mid-semester presentation days and published. Idempotent.
import type { Viewer } from '../../domain/permissions.js';
import { findCourseRef } from '../../storage/repositories/enrollments.js';
import type { CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { ServiceDeps } from '../deps.js';
import { publishTalkSlots } from '../slots/edit-slots.js';
import { applyTalkSlotPlan, planTalkSlots } from '../slots/plan-slots.js';
import { staffSlotBoards } from '../slots/view-slots.js';

export interface SeedSlotsReport {
  /** Groups placed by this run (0 when the days already held talks). */
  placed: number;
  published: boolean;
}

/** The seeding acts as the instance administrator (no person), as the group seed does. */
const SEED_VIEWER: Viewer = { userId: 'demo-seed', isAdmin: true };

/**
 * For each deliverable given out by presentation-day slots (the mid-semester presentation):
 * when no group is on a day yet and the course has groups, spreads the groups evenly over the
 * days (the 4 demo groups: 2 on each day) and publishes them. Re-running changes nothing.
 */
export async function seedTalkSlots(deps: ServiceDeps, courseSlug: string): Promise<SeedSlotsReport> {
  const ref = await findCourseRef(deps.db, courseSlug);
  if (!ref) throw new DomainError('not_found', `No course "${courseSlug}" to seed.`);
  const access: CourseAccess = {
    course: ref,
    viewer: SEED_VIEWER,
    membership: { role: null, dropped: false },
  };
  const report: SeedSlotsReport = { placed: 0, published: false };
  for (const board of (await staffSlotBoards(deps, access)).boards) {
    if (board.publishedAt) report.published = true;
    const empty = board.days.every((d) => d.talks.length === 0);
    if (!empty || board.groupCount === 0 || board.days.length === 0) continue;
    const plan = await planTalkSlots(deps, access, board.deliverableKey);
    const applied = await applyTalkSlotPlan(deps, access, board.deliverableKey, plan.fingerprint);
    report.placed += applied.placed;
    if (applied.placed > 0 && !board.publishedAt) {
      await publishTalkSlots(deps, access, board.deliverableKey, true);
      report.published = true;
    }
  }
  return report;
}
