// Row types of the groups and role-assignment tables (migration 2026_11_26_0200_groups).

export interface GroupRow {
  id: string;
  course_id: string;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface GroupMemberRow {
  group_id: string;
  user_id: string;
  course_id: string;
  joined_at: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface GroupInvitationRow {
  id: string;
  course_id: string;
  group_id: string;
  user_id: string;
  invited_by: string | null;
  status: InvitationStatus;
  created_at: string;
  responded_at: string | null;
}

export interface PreferenceRow {
  group_id: string;
  meeting_id: string;
  course_id: string;
  rank: number;
  updated_by: string | null;
  updated_at: string;
}

export interface PreferenceHistoryRow {
  id: string;
  group_id: string;
  course_id: string;
  user_id: string | null;
  at: string;
  /** JSON string[] of meeting ids, best first. */
  ranking: string;
}

export type RoleName = 'presenter' | 'summarizer' | 'reviewer';

export interface RoleAssignmentRow {
  id: string;
  course_id: string;
  meeting_id: string;
  group_id: string;
  role: RoleName;
  locked: number;
  created_at: string;
}

export interface ExclusionRow {
  group_id: string;
  meeting_id: string;
  course_id: string;
  created_at: string;
  created_by: string | null;
}

export interface AssignmentPlanRow {
  id: string;
  course_id: string;
  /** 'publication': the roles as staff published them (plan: JSON of the role list), one row per publish. */
  kind: 'roles' | 'groups' | 'publication';
  input_hash: string;
  /** JSON of the plan. */
  plan: string;
  created_at: string;
  created_by: string | null;
  applied_at: string | null;
}

export interface AssignmentSettingsRow {
  course_id: string;
  group_min: number | null;
  group_max: number | null;
  group_deadline: string | null;
  presenters_per_meeting: number | null;
  summarizers_per_meeting: number | null;
  reviewers_per_meeting: number | null;
  roles_published_at: string | null;
  updated_at: string;
}

export interface GroupTables {
  groups: GroupRow;
  group_members: GroupMemberRow;
  group_invitations: GroupInvitationRow;
  preferences: PreferenceRow;
  preference_history: PreferenceHistoryRow;
  role_assignments: RoleAssignmentRow;
  exclusions: ExclusionRow;
  assignment_plans: AssignmentPlanRow;
  assignment_settings: AssignmentSettingsRow;
}
