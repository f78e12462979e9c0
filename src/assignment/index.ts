// Public API of the role assignment: plan, check, compare, and the first-come baseline.
export { planAssignment } from './solve.js';
export { checkPlan, validateInput } from './checks.js';
export { diffPlans } from './diff.js';
export { firstComeSignup } from './first-come.js';
export type * from './types.js';
