// Row types of every table, as Kysely sees them. Text ids (ULID), 0/1 booleans, ISO-8601 UTC text instants, JSON as text.
import type { AccountTables } from './repositories/account-tables.js';
import type { GroupTables } from './repositories/group-tables.js';

export interface CourseTable {
  id: string;
  slug: string;
  code: string | null;
  title: string;
  term_season: string | null;
  term_year: number | null;
  time_zone: string;
  location: string | null;
  /** JSON MeetingPattern or null. */
  pattern: string | null;
  /** JSON StaffMember[]. */
  staff: string;
  /** JSON Link or null. */
  forum: string | null;
  staff_email: string | null;
  description: string;
  /** JSON string[]. */
  objectives: string;
  /** JSON Link[]. */
  resources: string;
  /** JSON {min,max} or null. */
  group_size: string | null;
  /** Bumped by every import: readers cache per (slug, version). */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: string;
  course_id: string;
  position: number;
  title: string;
}

export interface MeetingTable {
  id: string;
  course_id: string;
  /** Order in the schedule, 0-based. */
  position: number;
  /** Local date YYYY-MM-DD in the course zone. */
  date: string;
  /** Order among the meetings of the same date, 0-based. */
  day_order: number;
  kind: string;
  title: string | null;
  start_time: string | null;
  end_time: string | null;
  unit_id: string | null;
  needs_presenters: number;
  /** JSON string[]. */
  notes: string;
  /** JSON Record<string,string>. */
  extra: string;
}

export interface ReadingTable {
  id: string;
  course_id: string;
  meeting_id: string;
  /** Order within the meeting, 0-based. */
  position: number;
  title: string;
  url: string | null;
  required: number;
  note: string | null;
}

export interface ComponentTable {
  id: string;
  course_id: string;
  position: number;
  key: string;
  name: string;
  weight: number;
}

export interface PolicyTable {
  id: string;
  course_id: string;
  position: number;
  slug: string;
  title: string;
  markdown: string;
}

export interface MilestoneTable {
  id: string;
  course_id: string;
  position: number;
  key: string;
  title: string;
  due_at: string | null;
  /** JSON string[] of local dates. */
  meeting_dates: string;
  source: string;
}

/** Tables of the course site (issue 2). Later areas add their own interfaces and extend Database below. */
export interface CourseTables {
  courses: CourseTable;
  units: UnitTable;
  meetings: MeetingTable;
  readings: ReadingTable;
  components: ComponentTable;
  policies: PolicyTable;
  milestones: MilestoneTable;
}

// Kysely's migration bookkeeping tables are not listed: only the Migrator touches them.
export interface Database extends CourseTables, AccountTables, GroupTables {}
