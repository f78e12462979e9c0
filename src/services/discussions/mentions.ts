// Who a new post tells, through the notification settings each person chose (src/services/notifications/notify.ts):
// those it mentions (`@Name`), the author of the post it answers, and, for a new class discussion, the class. Only
// people who may read the post are told, and a student is never told the name of an anonymous author.
import { mentionedIn, postView } from '../../domain/discussions.js';
import type { NotificationKind } from '../../domain/notifications.js';
import type { Db } from '../../storage/db.js';
import {
  findPeople,
  listCourseMembers,
  type DiscussionPostRow,
} from '../../storage/repositories/discussions.js';
import { notifyPeople } from '../notifications/notify.js';
import type { WorkCourse } from '../work/context.js';
import { factsOf, type Deps } from './context.js';

export interface NewPostFacts {
  title: string;
  threadId: string;
  post: DiscussionPostRow;
  /** The post answered, for a reply. */
  parent?: DiscussionPostRow | null;
  /** A class discussion just opened: the whole class is told. */
  newClassDiscussion?: boolean;
}

/** Notifies, inside the post's transaction, everyone the post concerns. Returns who was told of what. */
export async function notifyAboutPost(
  trx: Db,
  deps: Deps,
  work: WorkCourse,
  at: NewPostFacts,
): Promise<Map<string, NotificationKind>> {
  const members = await listCourseMembers(trx, work.course.id);
  const role = new Map(members.map((m) => [m.id, m.role]));
  const readers = (id: string) =>
    id !== at.post.author_id &&
    role.has(id) &&
    postView({ userId: id, staff: role.get(id) !== 'student' }, factsOf(at.post)) === 'full';
  const told = new Map<string, NotificationKind>();
  if (at.post.body.includes('@'))
    for (const id of mentionedIn(at.post.body, members)) if (readers(id)) told.set(id, 'mentions');
  if (at.parent && readers(at.parent.author_id) && !told.has(at.parent.author_id))
    told.set(at.parent.author_id, 'replies');
  if (at.newClassDiscussion)
    for (const m of members) if (readers(m.id) && !told.has(m.id)) told.set(m.id, 'discussions');
  if (told.size === 0) return told;
  const author = (await findPeople(trx, [at.post.author_id])).get(at.post.author_id);
  const link = `${deps.publicUrl.replace(/\/$/, '')}/courses/${work.course.slug}/discussions?thread=${at.threadId}`;
  const excerpt = at.post.body
    .slice(0, 400)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  const course = work.course.title;
  const byKind = new Map<NotificationKind, string[]>();
  for (const [id, kind] of told) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  const ctx = {
    publicUrl: deps.publicUrl,
    now: deps.clock(),
    requestId: work.access.viewer?.requestId ?? null,
  };
  for (const [kind, ids] of byKind)
    await notifyPeople(trx, ctx, ids, (id) => {
      const from =
        at.post.anonymous === 1 && role.get(id) === 'student' ? 'A classmate' : (author?.name ?? 'Someone');
      const subject =
        kind === 'mentions'
          ? `${course}: ${from} mentioned you in “${at.title}”`
          : kind === 'replies'
            ? `${course}: ${from} replied to you in “${at.title}”`
            : `${course}: ${from} opened the discussion “${at.title}”`;
      return { kind, subject, text: `${from} wrote in “${at.title}” (${course}):\n\n${excerpt}`, link };
    });
  return told;
}
