// Public API of the role assignment: plan, check, compare, and the first-come baseline.
export { planAssignment, loadSolver, DEFAULT_TIME_LIMIT_SECONDS } from './solve.js';
export { checkPlan, validateInput } from './checks.js';
export { diffPlans } from './diff.js';
export { firstComeSignup } from './first-come.js';
export type { FirstComeResult } from './first-come.js';
export type * from './types.js';
export { ROLES } from './types.js';
