// Plain-data types of the role assignment: what staff ask for, the plan the solver returns, and why it failed.

export const ROLES = ['presenter', 'summarizer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export interface AssignmentGroup {
  id: string;
  /** Shown in plans and messages: "Group 3". */
  name: string;
  /** Number of members; informational only (the model does not weigh groups by size). */
  size?: number;
}

export interface AssignmentMeeting {
  id: string;
  /** Local date "YYYY-MM-DD" in the course's time zone; used for order and ISO weeks. */
  date: string;
  /** Shown in plans and messages: "Oct 2". */
  label: string;
}

export interface AssignmentSettings {
  /** Presenting groups per meeting (1 in the demo course). */
  presentersPerMeeting: number;
  /** Summary-writing groups per meeting (1 in the demo course). */
  summarizersPerMeeting: number;
  /**
   * Reviewer groups per meeting, or 'each-group-once': every group reviews exactly one meeting
   * and reviewers are spread as evenly as possible over the meetings.
   */
  reviewersPerMeeting: number | 'each-group-once';
}

export interface RoleLock {
  groupId: string;
  meetingId: string;
  role: Role;
}

export interface Exclusion {
  groupId: string;
  meetingId: string;
}

export interface AssignmentInput {
  groups: AssignmentGroup[];
  /** The meetings that need presenters. */
  meetings: AssignmentMeeting[];
  /** Group id → meeting ids ranked best first; may be partial or empty, groups may be missing. */
  preferences: Record<string, string[]>;
  settings: AssignmentSettings;
  /** Roles fixed by staff; they always hold. */
  locks?: RoleLock[];
  /** A group unavailable on a meeting takes no role there. */
  exclusions?: Exclusion[];
  /** Wall-clock budget for all solver stages together (default 20 s). */
  timeLimitSeconds?: number;
  /**
   * What to do when the numbers do not allow every group to present, summarize or review:
   * 'note' (default) plans as evenly as possible and says so in the notes; 'fail' refuses.
   */
  shortfall?: 'note' | 'fail';
  /**
   * A re-plan: the roles already held in frozen classes (classes not among `meetings`). They are not
   * planned again but count in each group's load over the term, so the planned meetings balance the
   * whole term (a group that joined late takes what balance needs, no more).
   */
  prior?: RoleAssignment[];
  /**
   * The plan in force on the planned meetings. After the other stages the plan keeps as many of these
   * roles as it can (fewest changes), so a re-plan moves only what the new numbers need.
   */
  published?: RoleAssignment[];
}

export interface RoleAssignment {
  meetingId: string;
  groupId: string;
  role: Role;
}

export interface PresentingSlot {
  meetingId: string;
  /** 1-based position in the group's ranking; null when the group did not rank this meeting. */
  rank: number | null;
  /** The preference cost the model used (see model.ts): rank, or list length + 1 when unranked. */
  cost: number;
}

export interface GroupOutcome {
  groupId: string;
  /** Presenting meetings, best-ranked first. */
  presenting: PresentingSlot[];
  summarizing: string[];
  reviewing: string[];
  /** Cost of the best presenting meeting (what fairness and the total count); null if it presents nowhere. */
  presenterCost: number | null;
  /** Plain-words account of the choice the group got and, where not its first, why. */
  explanation: string;
}

export type PlanStatus = 'optimal' | 'time_limit';

export interface StageResult {
  name: 'fairness' | 'total' | 'spread' | 'disruption';
  /** What the stage minimised, in words. */
  objective: string;
  value: number;
  status: PlanStatus;
  /** Relative MIP gap when the stage stopped (0 when proven optimal). */
  gap: number;
  timeMs: number;
}

export interface PlanStats {
  status: PlanStatus;
  stages: StageResult[];
  /** Largest gap of any stage (0 when every stage was proven optimal). */
  gap: number;
  solveTimeMs: number;
  /** Worst presenter cost over groups that present. */
  worstRank: number;
  /** Mean presenter cost over groups that present. */
  meanRank: number;
  /** Group-weeks in which a group holds more than one role (after minimising them). */
  weekClashes: number;
}

export interface AssignmentPlan {
  ok: true;
  /** Sorted by meeting date, role (presenter, summarizer, reviewer), group id. */
  assignments: RoleAssignment[];
  /** One per group, in canonical (id) order. */
  groups: GroupOutcome[];
  stats: PlanStats;
  /** Plain-words remarks: shortfalls, unavoidable clashes, time limit. */
  notes: string[];
}

export type FailureReason = 'invalid-input' | 'infeasible' | 'time-limit' | 'solver-error';

export interface AssignmentFailure {
  ok: false;
  reason: FailureReason;
  /** Each names a cause in words staff can act on. */
  messages: string[];
}

export interface Violation {
  code:
    | 'unknown-group'
    | 'unknown-meeting'
    | 'duplicate'
    | 'meeting-count'
    | 'two-roles'
    | 'load'
    | 'review-once'
    | 'reviewer-spread'
    | 'lock'
    | 'exclusion';
  message: string;
  groupId?: string;
  meetingId?: string;
  role?: Role;
}

export interface PlanDiff {
  added: RoleAssignment[];
  removed: RoleAssignment[];
  /** Same group and meeting, different role. */
  changed: { meetingId: string; groupId: string; from: Role; to: Role }[];
  unchanged: number;
}
