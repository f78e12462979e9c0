// Discussions and Q&A, the pure rules: categories and reactions, who sees which post and under which name, mentions.

export const QUESTION_CATEGORIES = ['logistics', 'project', 'papers', 'other'] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

/** A small fixed set: one of each per person per post, toggled. */
export const REACTIONS = ['thanks', 'agree', 'insightful', 'confused'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const POST_BODY_MAX = 20_000;
export const THREAD_TITLE_MAX = 200;

/** Who is reading: their id and whether they are course staff (instructor, TA, administrator). */
export interface Reader {
  userId: string;
  staff: boolean;
}

export interface PostFacts {
  authorId: string;
  anonymous: boolean;
  private: boolean;
  /** The student whose private conversation with staff it is (they see it); null when not private. */
  privateOwnerId: string | null;
  hidden: boolean;
  deleted: boolean;
}

/**
 * How a post reaches a reader: 'none' (private to staff, not theirs: never shown, not even its existence),
 * 'hidden' (hidden by staff: a placeholder without body or author), 'tombstone' (deleted by its author), 'full'.
 */
export type PostView = 'none' | 'hidden' | 'tombstone' | 'full';

export function postView(reader: Reader, post: PostFacts): PostView {
  if (
    post.private &&
    !reader.staff &&
    post.authorId !== reader.userId &&
    post.privateOwnerId !== reader.userId
  )
    return 'none';
  if (post.deleted) return 'tombstone';
  if (post.hidden && !reader.staff) return 'hidden';
  return 'full';
}

/** Whether a reader may see who wrote a post: staff always, the author always, classmates unless it is anonymous. */
export function authorVisible(reader: Reader, post: Pick<PostFacts, 'authorId' | 'anonymous'>): boolean {
  return reader.staff || !post.anonymous || post.authorId === reader.userId;
}

/** Whether a thread (by its opening post) is listed for a reader: private or hidden questions only for whom they are. */
export function threadListed(reader: Reader, opening: PostFacts): boolean {
  if (reader.staff) return true;
  if (opening.private && opening.authorId !== reader.userId && opening.privateOwnerId !== reader.userId)
    return false;
  return !opening.hidden;
}

export const ANONYMOUS_NAME = 'Anonymous classmate';

export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/**
 * The people a Markdown body mentions: `@Full Name` (case-insensitive, longest name first) or `@handle`
 * (the part of the e-mail address before the @). Mentions inside code spans and blocks do not count.
 */
export function mentionedIn(body: string, people: readonly Mentionable[]): string[] {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .toLowerCase();
  const found = new Set<string>();
  for (const p of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const handle = p.email.split('@')[0]!.toLowerCase();
    const candidates = [p.name.trim().toLowerCase(), handle].filter((c) => c.length > 0);
    for (const c of candidates) {
      let at = text.indexOf(`@${c}`);
      while (at >= 0) {
        const before = at === 0 ? ' ' : text[at - 1]!;
        const after = text[at + 1 + c.length] ?? ' ';
        if (!/[\p{L}\p{N}_.]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) {
          found.add(p.id);
          break;
        }
        at = text.indexOf(`@${c}`, at + 1);
      }
    }
  }
  return [...found].sort();
}
