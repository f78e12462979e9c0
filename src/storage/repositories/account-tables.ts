// Row types of the accounts tables, and the typed handle the account repositories query through.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  net_id: string | null;
  password_hash: string | null;
  is_admin: number;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type TokenPurpose = 'reset' | 'invite' | 'setup';

export interface AuthTokenRow {
  id: string;
  purpose: TokenPurpose;
  user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface EnrollmentRow {
  course_id: string;
  user_id: string;
  role: 'instructor' | 'ta' | 'student';
  created_at: string;
  updated_at: string;
  dropped_at: string | null;
}

export interface JoinLinkRow {
  id: string;
  course_id: string;
  token_hash: string;
  role: 'instructor' | 'ta' | 'student';
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  uses: number;
}

/** A join by e-mail waiting for its address to be confirmed by the mailed link (migration 2026_12_06_0700). */
export interface PendingJoinRow {
  id: string;
  /** sha-256 of the mailed token; the token itself is never stored. */
  token_hash: string;
  join_link_id: string;
  course_id: string;
  email: string;
  name: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  course_id: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string | null;
}

export interface RateLimitRow {
  key: string;
  window_start: string;
  count: number;
}

export interface AccountTables {
  users: UserRow;
  sessions: SessionRow;
  auth_tokens: AuthTokenRow;
  enrollments: EnrollmentRow;
  join_links: JoinLinkRow;
  pending_joins: PendingJoinRow;
  audit_log: AuditRow;
  rate_limits: RateLimitRow;
}

/** The shared handle, typed for the accounts tables (added by migration 2026_11_26_0100_accounts). */
export function accounts(db: Db): Kysely<AccountTables> {
  return db as unknown as Kysely<AccountTables>;
}
