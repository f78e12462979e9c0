// The grading queue's calls to the grades API (the items, one item's owners with their hand-ins, a score, a release) and their shapes.
import { call } from '../../../auth/client.js';
import { noteServerTime } from '../../../components/server-now.js';
import type { Gradebook, ItemQueue } from './queue-types.js';

export type { Gradebook, ItemQueue, QueueEntry, QueueItem } from './queue-types.js';
export { queueOrder } from './queue-types.js';

export interface ScoreBody {
  subject: { kind: 'student'; userId: string } | { kind: 'group'; groupId: string };
  points: string | null;
  rubricScores?: Record<string, string>;
  comment?: string;
  excused?: boolean;
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
    call<{ itemId: string; subject: string; points: string | null; savedAt: string }>(
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
