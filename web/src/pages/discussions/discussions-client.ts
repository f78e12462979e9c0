// The web client's calls to the discussions API (class discussions, the Q&A board, posts, search) and the shapes they answer.
import { call } from '../../auth/client.js';

export const CATEGORIES = ['logistics', 'project', 'papers', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const REACTIONS = ['thanks', 'agree', 'insightful', 'confused'] as const;
export type ReactionKind = (typeof REACTIONS)[number];

export interface Author {
  id: string | null;
  name: string;
  anonymous: boolean;
  mine: boolean;
}

export interface ThreadSummary {
  id: string;
  kind: 'class' | 'question';
  title: string;
  category: Category | null;
  meetingId: string | null;
  author: Author;
  pinned: boolean;
  closed: boolean;
  resolved: boolean;
  answered: boolean;
  private: boolean;
  hidden: boolean;
  posts: number;
  unread: number;
  createdAt: string;
}

export interface ClassEntry {
  meetingId: string;
  date: string;
  title: string | null;
  threadId: string | null;
  canOpen: boolean;
  summaryGroup: boolean;
}

export interface DiscussionList {
  now: string;
  timeZone: string;
  viewer: { staff: boolean; userId: string };
  threads: ThreadSummary[];
  classes: ClassEntry[];
}

export interface Post {
  id: string;
  parentId: string | null;
  createdAt: string;
  unread: boolean;
  private: boolean;
  hidden: boolean;
  endorsed: boolean;
  state: 'shown' | 'hidden' | 'deleted';
  author: Author | null;
  byStaff: boolean;
  body: string | null;
  /** Sanitized on the server. */
  bodyHtml: string | null;
  reactions: Array<{ kind: ReactionKind; count: number; mine: boolean }>;
  editedAt: string | null;
  hasHistory: boolean;
}

export interface ThreadView {
  now: string;
  timeZone: string;
  viewer: { staff: boolean; userId: string };
  thread: {
    id: string;
    kind: 'class' | 'question';
    title: string;
    category: Category | null;
    meeting: { id: string; date: string; title: string | null } | null;
    summary: { submissionId: string; url: string } | null;
    pinned: boolean;
    closed: boolean;
    resolved: boolean;
    acceptedPostId: string | null;
    private: boolean;
    hidden: boolean;
    openingPostId: string;
  };
  abilities: { reply: boolean; moderate: boolean; resolve: boolean; anonymous: boolean };
  posts: Post[];
}

export interface SearchResults {
  query: string;
  results: Array<{
    postId: string;
    threadId: string;
    kind: 'class' | 'question';
    opening: boolean;
    title: string;
    titleParts: Array<{ text: string; hit: boolean }>;
    parts: Array<{ text: string; hit: boolean }>;
    author: string;
  }>;
}

export interface Version {
  title: string | null;
  body: string;
  bodyHtml: string;
  writtenAt: string;
  replacedAt: string;
}

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;

export const discussionsApi = {
  list: (slug: string, filter: { kind?: string; category?: string; resolved?: string }) => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>);
    return call<DiscussionList>('GET', `${base(slug)}/discussions${q.size ? `?${q}` : ''}`);
  },
  thread: (slug: string, id: string) =>
    call<ThreadView>('GET', `${base(slug)}/discussions/${encodeURIComponent(id)}`),
  search: (slug: string, q: string) =>
    call<SearchResults>('GET', `${base(slug)}/discussions/search?q=${encodeURIComponent(q)}`),
  openClass: (slug: string, body: { meetingId: string; body: string; anonymous: boolean }) =>
    call<{ threadId: string }>('POST', `${base(slug)}/discussions`, { kind: 'class', ...body }),
  ask: (
    slug: string,
    body: { title: string; category: Category; body: string; anonymous: boolean; private: boolean },
  ) => call<{ threadId: string }>('POST', `${base(slug)}/discussions`, { kind: 'question', ...body }),
  reply: (
    slug: string,
    threadId: string,
    body: { parentId: string | null; body: string; anonymous: boolean; private: boolean },
  ) =>
    call<{ postId: string }>('POST', `${base(slug)}/discussions/${encodeURIComponent(threadId)}/posts`, body),
  updateThread: (
    slug: string,
    threadId: string,
    patch: { pinned?: boolean; closed?: boolean; resolved?: boolean; acceptedPostId?: string | null },
  ) => call<unknown>('PATCH', `${base(slug)}/discussions/${encodeURIComponent(threadId)}`, patch),
  edit: (slug: string, postId: string, body: { body: string; title?: string }) =>
    call<unknown>('PATCH', `${base(slug)}/posts/${encodeURIComponent(postId)}`, body),
  remove: (slug: string, postId: string) =>
    call<unknown>('DELETE', `${base(slug)}/posts/${encodeURIComponent(postId)}`),
  react: (slug: string, postId: string, kind: ReactionKind) =>
    call<unknown>('POST', `${base(slug)}/posts/${encodeURIComponent(postId)}/reactions`, { kind }),
  moderate: (slug: string, postId: string, patch: { hidden?: boolean; endorsed?: boolean }) =>
    call<unknown>('POST', `${base(slug)}/posts/${encodeURIComponent(postId)}/moderation`, patch),
  history: (slug: string, postId: string) =>
    call<{ versions: Version[] }>('GET', `${base(slug)}/posts/${encodeURIComponent(postId)}/history`),
};
