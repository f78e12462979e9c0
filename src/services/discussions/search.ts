// Search over discussion titles and posts (ranked, the matching words marked), within what the viewer may read.
import { ANONYMOUS_NAME, authorVisible } from '../../domain/discussions.js';
import {
  HIT_END,
  HIT_START,
  searchPosts,
  searchWords,
} from '../../storage/repositories/discussion-search.js';
import { findPeople } from '../../storage/repositories/discussions.js';
import type { WorkCourse } from '../work/context.js';
import { readerOf, type Deps } from './context.js';

/** A snippet as pieces of plain text, the matching words flagged: the client shows them without any HTML. */
export function snippetParts(snippet: string): Array<{ text: string; hit: boolean }> {
  const parts: Array<{ text: string; hit: boolean }> = [];
  const re = new RegExp(`${HIT_START}([^${HIT_END}]*)${HIT_END}`, 'g');
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false });
    parts.push({ text: m[1]!, hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts.filter((p) => p.text !== '');
}

export async function searchDiscussions(deps: Deps, work: WorkCourse, query: string) {
  const reader = readerOf(work);
  const words = searchWords(query);
  const rows = await searchPosts(deps.db, work.course.id, query, reader);
  const people = await findPeople(
    deps.db,
    rows.map((r) => r.author_id),
  );
  return {
    query,
    words,
    results: rows.map((r) => {
      const shown = authorVisible(reader, { authorId: r.author_id, anonymous: r.anonymous === 1 });
      return {
        postId: r.post_id,
        threadId: r.thread_id,
        kind: r.kind,
        opening: r.is_opening === 1,
        title: r.thread_title ?? '',
        titleParts: r.is_opening === 1 ? snippetParts(r.title_snippet) : [],
        parts: snippetParts(r.snippet),
        author: shown ? (people.get(r.author_id)?.name ?? 'Former member') : ANONYMOUS_NAME,
      };
    }),
  };
}
