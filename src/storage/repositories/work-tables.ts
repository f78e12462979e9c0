// Row types of the deliverables, submissions, files, extensions, attendance and review tables (migration 2026_11_26_0300_work).
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';
import type { AccountTables } from './account-tables.js';
import type { GroupTables } from './group-tables.js';
import type { CourseTables } from '../schema.js';

export interface DeliverableRow {
  id: string;
  course_id: string;
  key: string;
  position: number;
  /** JSON of the domain Deliverable. */
  spec: string;
  closed: number;
  created_at: string;
  updated_at: string;
}

export interface BlobRow {
  sha256: string;
  size: number;
  type: string;
  created_at: string;
}

export type Outcome = 'on-time' | 'late' | 'late-zero';

export interface SubmissionRow {
  id: string;
  course_id: string;
  deliverable_key: string;
  meeting_date: string | null;
  reading_index: number | null;
  slot: string;
  owner: string;
  version: number;
  user_id: string;
  group_id: string | null;
  submitted_at: string;
  due_at: string;
  text: string | null;
  late: number;
  outcome: Outcome;
  late_by_ms: number;
  sha256: string;
  size: number;
  /** JSON string[]. */
  warnings: string;
  /** When staff approved or returned this version (migration 2026_12_05_0300); absent or null while undecided. */
  decided_at?: string | null;
}

export interface SubmissionFileRow {
  submission_id: string;
  position: number;
  sha256: string;
  name: string;
  type: string;
  size: number;
  pages: number | null;
  readme: string | null;
}

export interface CountedVersionRow {
  course_id: string;
  deliverable_key: string;
  slot: string;
  owner: string;
  submission_id: string;
  set_by: string;
  set_at: string;
}

export interface ExtensionRow {
  id: string;
  course_id: string;
  deliverable_key: string;
  meeting_date: string | null;
  target_kind: 'student' | 'group';
  target_id: string;
  due_at: string;
  granted_by: string;
  granted_at: string;
  reason: string | null;
}

export interface AttendanceRollRow {
  course_id: string;
  meeting_date: string;
  opened_by: string;
  opened_at: string;
  check_in_code: string | null;
  code_expires_at: string | null;
}

export interface AttendanceRecordRow {
  course_id: string;
  meeting_date: string;
  user_id: string;
  status: 'present' | 'absent' | 'excused';
  source: 'roll' | 'check-in';
  marked_by: string;
  marked_at: string;
  note: string | null;
}

export interface PolicyAckRow {
  course_id: string;
  user_id: string;
  policy: string;
  acknowledged_at: string;
}

export interface ReviewRow {
  id: string;
  submission_id: string;
  author_id: string;
  decision: 'comment' | 'approved' | 'returned';
  body: string;
  created_at: string;
  /** A return's resubmission window: a new version handed in up to this instant is on time. */
  resubmit_until?: string | null;
}

export interface WorkTables {
  deliverables: DeliverableRow;
  blobs: BlobRow;
  submissions: SubmissionRow;
  submission_files: SubmissionFileRow;
  counted_versions: CountedVersionRow;
  extensions: ExtensionRow;
  attendance_rolls: AttendanceRollRow;
  attendance_records: AttendanceRecordRow;
  policy_acknowledgements: PolicyAckRow;
  submission_reviews: ReviewRow;
}

export type WorkDb = Kysely<WorkTables & AccountTables & GroupTables & CourseTables>;

/** The shared handle, typed for the work tables (and the tables they join with). */
export function work(db: Db): WorkDb {
  return db as unknown as WorkDb;
}
