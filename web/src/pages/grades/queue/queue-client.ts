// The grading queue's calls to the grades API (the items, one item's owners with their hand-ins, a score, a release) and their shapes.
import { call } from '../../../auth/client.js';
import { noteServerTime } from '../../../components/server-now.js';

export interface Criterion {
  key: string;
  title: string;
  description: string;
  points: string;
}

export interface QueueItem {
  id: string;
  key: string;
  categoryKey: string;
  title: string;
  pointsPossible: string;
  meetingDate: string | null;
  audience: 'individual' | 'group';
  dueAt: string | null;
  handIn: boolean;
  rubric: Criterion[] | null;
  source: string;
  released: boolean;
  releasedAt: string | null;
}

export type ItemState =
  | 'scored'
  | 'late-zero'
  | 'missing'
  | 'excused'
  | 'before-joined'
  | 'not-member'
  | 'ungraded'
  | 'not-due'
  | 'hidden';

/** What the gradebook answers that the item list needs. */
export interface Gradebook {
  now: string;
  timeZone: string;
  categories: Array<{ key: string; name: string; weight: string }>;
  items: QueueItem[];
  students: Array<{ id: string; cells: Record<string, { points: string | null; state: ItemState }> }>;
}

export interface HandIn {
  submissionId: string;
  submittedAt: string;
  outcome: 'on-time' | 'late' | 'late-zero';
  text: string | null;
  file: { name: string; type: string; size: number; pages: number | null } | null;
}

export interface QueueEntry {
  /** "u:<userId>" or "g:<groupId>". */
  subject: string;
  name: string;
  members: string[];
  holders: Array<{ id: string; name: string }>;
  state: ItemState;
  points: string | null;
  computedPoints: string | null;
  rubricScores: Record<string, string>;
  comment: string;
  excused: boolean;
  submissionId: string | null;
  handIn: HandIn | null;
  overrides: Array<{ userId: string; name: string; points: string | null; reason: string | null }>;
}

export interface ItemQueue {
  item: QueueItem;
  timeZone: string;
  entries: QueueEntry[];
  ungraded: number;
}

export interface ScoreBody {
  subject: { kind: 'student'; userId: string } | { kind: 'group'; groupId: string };
  points: string | null;
  rubricScores?: Record<string, string>;
  comment?: string;
  reason?: string | null;
  clear?: boolean;
}

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}/grades`;

export const queueApi = {
  gradebook: (slug: string) =>
    call<Gradebook>('GET', base(slug)).then((g) => {
      noteServerTime(g.now);
      return g;
    }),
  item: (slug: string, itemId: string) =>
    call<ItemQueue>('GET', `${base(slug)}/items/${encodeURIComponent(itemId)}`),
  score: (slug: string, itemId: string, body: ScoreBody) =>
    call<{ itemId: string; subject: string; points: string | null }>(
      'PUT',
      `${base(slug)}/items/${encodeURIComponent(itemId)}/scores`,
      body,
    ),
  release: (slug: string, itemId: string, released: boolean) =>
    call<{ itemId: string; released: boolean; mailed: number }>(
      'POST',
      `${base(slug)}/items/${encodeURIComponent(itemId)}/release`,
      { released },
    ),
};

/** The score body's subject for a queue entry's "u:…" / "g:…". */
export function subjectOf(subject: string): ScoreBody['subject'] {
  return subject.startsWith('g:')
    ? { kind: 'group', groupId: subject.slice(2) }
    : { kind: 'student', userId: subject.slice(2) };
}

/** Graded: points given or excused. Not theirs: before they joined or while not a member. */
export function isGraded(e: Pick<QueueEntry, 'points' | 'excused' | 'state'>): boolean {
  return e.points !== null || e.excused || e.state === 'excused';
}

export function isNotTheirs(e: Pick<QueueEntry, 'state'>): boolean {
  return e.state === 'before-joined' || e.state === 'not-member';
}

/** Ungraded first, then graded, then those the item is not theirs (before they joined): the order next / previous walks. */
export function queueOrder(entries: QueueEntry[]): {
  ungraded: QueueEntry[];
  graded: QueueEntry[];
  other: QueueEntry[];
} {
  return {
    ungraded: entries.filter((e) => !isNotTheirs(e) && !isGraded(e)),
    graded: entries.filter((e) => !isNotTheirs(e) && isGraded(e)),
    other: entries.filter(isNotTheirs),
  };
}
