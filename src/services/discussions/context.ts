// What every discussion use case starts from: the reader (staff or not), the thread they may see, and how a post reads to them.
import {
  ANONYMOUS_NAME,
  authorVisible,
  postView,
  threadListed,
  type PostFacts,
  type Reader,
} from '../../domain/discussions.js';
import { renderMarkdown } from '../../markdown/render.js';
import type { Db } from '../../storage/db.js';
import {
  findPostRow,
  findThreadRow,
  type DiscussionPostRow,
  type DiscussionThreadRow,
} from '../../storage/repositories/discussions.js';
import { abilitiesOf, authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';

export type Deps = Pick<WorkDeps, 'db' | 'clock' | 'publicUrl'>;

/** Rendered bodies by their Markdown (rendering is pure): a long thread read again renders only what is new. */
const rendered = new Map<string, string>();
const RENDERED_MAX = 5000;

function renderPostBody(markdown: string): string {
  const hit = rendered.get(markdown);
  if (hit !== undefined) return hit;
  const html = renderMarkdown(markdown);
  if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  rendered.set(markdown, html);
  return html;
}

/** The reader of a course's discussions; throws unless they are a member (dropped students are not). */
export function readerOf(work: WorkCourse): Reader {
  authorize(work.access, 'viewPrivate');
  return { userId: work.access.viewer!.userId, staff: abilitiesOf(work.access).grade };
}

export function factsOf(post: DiscussionPostRow): PostFacts {
  return {
    authorId: post.author_id,
    anonymous: post.anonymous === 1,
    private: post.private === 1,
    privateOwnerId: post.private_owner_id,
    hidden: post.hidden === 1,
    deleted: post.deleted_at !== null,
  };
}

export const threadNotFound = () =>
  new DomainError('not_found', 'No such discussion here (it may have been hidden or made private).');
export const postNotFound = () => new DomainError('not_found', 'No such post here.');

/** A thread and its opening post, if the reader may see it (not found otherwise: its existence is not told). */
export async function visibleThread(
  db: Db,
  work: WorkCourse,
  reader: Reader,
  threadId: string,
): Promise<{ thread: DiscussionThreadRow; opening: DiscussionPostRow }> {
  const thread = await findThreadRow(db, work.course.id, threadId);
  const opening = thread ? await findPostRow(db, work.course.id, thread.opening_post_id) : undefined;
  if (!thread || !opening || !threadListed(reader, factsOf(opening))) throw threadNotFound();
  return { thread, opening };
}

/** A post the reader can see in full or as a placeholder, with its thread. */
export async function visiblePost(db: Db, work: WorkCourse, reader: Reader, postId: string) {
  const post = await findPostRow(db, work.course.id, postId);
  if (!post || postView(reader, factsOf(post)) === 'none') throw postNotFound();
  const { thread, opening } = await visibleThread(db, work, reader, post.thread_id).catch(() => {
    throw postNotFound();
  });
  return { post, thread, opening };
}

/** The author as the reader may know them: staff always, the author themself, classmates unless anonymous. */
export function presentAuthor(
  reader: Reader,
  post: DiscussionPostRow,
  people: Map<string, { name: string }>,
) {
  const anonymous = post.anonymous === 1;
  if (!authorVisible(reader, factsOf(post)))
    return { id: null, name: ANONYMOUS_NAME, anonymous, mine: false };
  return {
    id: post.author_id,
    name: people.get(post.author_id)?.name ?? 'Former member',
    anonymous,
    mine: post.author_id === reader.userId,
  };
}

export interface PostExtras {
  reactions: Map<string, Array<{ user_id: string; kind: string }>>;
  edited: Set<string>;
  readAt: string | null;
  staffIds: Set<string>;
}

/** One post as the reader sees it; null when it is not theirs to see at all. */
export function presentPost(
  reader: Reader,
  post: DiscussionPostRow,
  people: Map<string, { name: string }>,
  extras: PostExtras,
) {
  const view = postView(reader, factsOf(post));
  if (view === 'none') return null;
  const base = {
    id: post.id,
    parentId: post.parent_id,
    createdAt: post.created_at,
    unread: post.author_id !== reader.userId && (extras.readAt === null || post.created_at > extras.readAt),
    private: post.private === 1,
    hidden: post.hidden === 1,
    endorsed: post.endorsed === 1,
  };
  if (view === 'tombstone')
    return {
      ...base,
      state: 'deleted' as const,
      author: reader.staff ? presentAuthor(reader, post, people) : null,
      bodyHtml: null,
      body: null,
      reactions: [],
      editedAt: null,
      hasHistory: false,
      byStaff: false,
    };
  if (view === 'hidden')
    return {
      ...base,
      state: 'hidden' as const,
      author: null,
      bodyHtml: null,
      body: null,
      reactions: [],
      editedAt: null,
      hasHistory: false,
      byStaff: false,
    };
  const mine = post.author_id === reader.userId;
  const reactions = extras.reactions.get(post.id) ?? [];
  const counts = new Map<string, { kind: string; count: number; mine: boolean }>();
  for (const r of reactions) {
    const c = counts.get(r.kind) ?? { kind: r.kind, count: 0, mine: false };
    c.count += 1;
    if (r.user_id === reader.userId) c.mine = true;
    counts.set(r.kind, c);
  }
  return {
    ...base,
    state: 'shown' as const,
    author: presentAuthor(reader, post, people),
    byStaff: extras.staffIds.has(post.author_id) && authorVisible(reader, factsOf(post)),
    body: mine || reader.staff ? post.body : null,
    bodyHtml: renderPostBody(post.body),
    reactions: [...counts.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    editedAt: post.edited_at,
    hasHistory: (mine || reader.staff) && extras.edited.has(post.id),
  };
}

export function refuseStaffAnonymity(reader: Reader, anonymous: boolean | undefined): void {
  if (anonymous && reader.staff)
    throw new DomainError(
      'invalid_input',
      'Staff posts always carry your name: untick "anonymous to classmates".',
    );
}
