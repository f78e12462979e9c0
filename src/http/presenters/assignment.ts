// Response bodies of the assignment pages: staff's working view with the latest plan.
import type { StaffAssignmentBody } from '../../contracts/assignment.js';
import type { RolePlanPreview } from '../../services/assignment/plan-roles.js';
import type { StaffAssignmentView } from '../../services/assignment/view-assignment.js';

export function presentStaffAssignment(
  view: StaffAssignmentView,
  latestPlan: RolePlanPreview | null,
): StaffAssignmentBody {
  return { ...view, violations: view.violations.map((v) => ({ ...v })), latestPlan };
}
