// Row types of the discussion tables (migration 2026_12_07_0300_discussions) and the handle typed for them.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';
import type { AccountTables } from './account-tables.js';
import type { CourseTables } from '../schema.js';

export interface DiscussionThreadRow {
  id: string;
  course_id: string;
  kind: 'class' | 'question';
  meeting_id: string | null;
  category: string | null;
  summary_submission_id: string | null;
  opening_post_id: string;
  author_id: string;
  pinned: number;
  closed: number;
  resolved: number;
  accepted_post_id: string | null;
  created_at: string;
  last_post_at: string;
}

export interface DiscussionPostRow {
  id: string;
  thread_id: string;
  course_id: string;
  parent_id: string | null;
  author_id: string;
  title: string | null;
  body: string;
  anonymous: number;
  private: number;
  private_owner_id: string | null;
  hidden: number;
  endorsed: number;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface DiscussionPostVersionRow {
  id: string;
  post_id: string;
  title: string | null;
  body: string;
  written_at: string;
  replaced_at: string;
  editor_id: string;
}

export interface DiscussionReactionRow {
  post_id: string;
  user_id: string;
  kind: string;
  created_at: string;
}

export interface DiscussionReadRow {
  thread_id: string;
  user_id: string;
  read_at: string;
}

export interface DiscussionTables {
  discussion_threads: DiscussionThreadRow;
  discussion_posts: DiscussionPostRow;
  discussion_post_versions: DiscussionPostVersionRow;
  discussion_reactions: DiscussionReactionRow;
  discussion_reads: DiscussionReadRow;
}

export type DiscussionDb = Kysely<DiscussionTables & AccountTables & CourseTables>;

export function talk(db: Db): DiscussionDb {
  return db as unknown as DiscussionDb;
}
