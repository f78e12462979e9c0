// Full-text search over discussion titles and bodies: FTS5 (bm25, snippet) on SQLite, tsvector (ts_rank, ts_headline)
// on PostgreSQL. Visibility is part of the query: a student never gets a post they could not read in its thread.
import { sql } from 'kysely';
import { dialectOf, type Db } from '../db.js';
import { talk } from './discussion-tables.js';

/** Marks around the matching words in snippets (control characters never stored in posts). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** PostgreSQL ranks at most this many of the newest matches (see searchPosts). */
const CANDIDATES = 1000;

export interface SearchHitRow {
  post_id: string;
  thread_id: string;
  kind: string;
  author_id: string;
  anonymous: number;
  is_opening: number;
  title: string | null;
  thread_title: string | null;
  title_snippet: string;
  snippet: string;
  rank: number;
}

/** The words of a query (letters and digits only): nothing the user typed reaches a query language unquoted. */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

export async function searchPosts(
  db: Db,
  courseId: string,
  query: string,
  reader: { userId: string; staff: boolean },
  limit = 20,
): Promise<SearchHitRow[]> {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const visible = reader.staff
    ? sql`1 = 1`
    : sql`p.hidden = 0 and o.hidden = 0
          and (p.private = 0 or p.author_id = ${reader.userId} or p.private_owner_id = ${reader.userId})
          and (o.private = 0 or o.author_id = ${reader.userId})`;
  if (dialectOf(db) === 'postgres') {
    const tsquery = words.map((w) => `${w}:*`).join(' & ');
    const { rows } = await sql<SearchHitRow>`
      with q as (select to_tsquery('english', ${tsquery}) as q),
      -- Ranking reads each match's tsvector: a very common word ranks only its newest matches.
      cand as (
        select p.id from discussion_posts p cross join q
        where p.course_id = ${courseId} and p.search @@ q.q
        order by p.id desc
        limit ${CANDIDATES}),
      top as (
        select p.id as post_id, p.thread_id, t.kind, p.author_id, p.anonymous, p.title, p.body, o.title as thread_title,
               case when t.opening_post_id = p.id then 1 else 0 end as is_opening,
               ts_rank(p.search, q.q) as rank
        from cand
        join discussion_posts p on p.id = cand.id
        join discussion_threads t on t.id = p.thread_id
        join discussion_posts o on o.id = t.opening_post_id
        cross join q
        where p.deleted_at is null and ${visible}
        order by rank desc, p.id
        limit ${limit})
      select top.post_id, top.thread_id, top.kind, top.author_id, top.anonymous, top.title, top.thread_title, top.is_opening, top.rank,
             ts_headline('english', coalesce(top.title, ''), q.q, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`}) as title_snippet,
             ts_headline('english', top.body, q.q, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=24, MinWords=10`}) as snippet
      from top cross join q
      order by top.rank desc, top.post_id`.execute(talk(db));
    return rows.map((r) => ({ ...r, rank: Number(r.rank), is_opening: Number(r.is_opening) }));
  }
  const match = words.map((w) => `"${w}"*`).join(' ');
  const { rows } = await sql<SearchHitRow>`
    select p.id as post_id, p.thread_id, t.kind, p.author_id, p.anonymous, p.title, o.title as thread_title,
           case when t.opening_post_id = p.id then 1 else 0 end as is_opening,
           snippet(discussion_fts, 0, ${HIT_START}, ${HIT_END}, '…', 64) as title_snippet,
           snippet(discussion_fts, 1, ${HIT_START}, ${HIT_END}, '…', 24) as snippet,
           bm25(discussion_fts, 4.0, 1.0) as rank
    from discussion_fts
    join discussion_posts p on p.rowid = discussion_fts.rowid
    join discussion_threads t on t.id = p.thread_id
    join discussion_posts o on o.id = t.opening_post_id
    where discussion_fts match ${match} and p.course_id = ${courseId} and p.deleted_at is null and ${visible}
    order by rank, p.id
    limit ${limit}`.execute(talk(db));
  return rows;
}
