// Shapes of the grading queue's data (items, owners, hand-ins) and the order next / previous walks: pure, no browser calls.

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

import type { ItemState } from '../../../../../src/contracts/grades.js';

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
  /** For the participation item: the computed percent and the record it comes from. */
  participation: {
    percent: string | null;
    attendance: { missed: number; penalized: number; allowance: number };
    questions: { missed: number; penalized: number; allowance: number };
  } | null;
}

export interface ItemQueue {
  item: QueueItem;
  timeZone: string;
  entries: QueueEntry[];
  ungraded: number;
}

/** Graded: points given or excused. Not theirs: before they joined or while not a member. */
function isGraded(e: Pick<QueueEntry, 'points' | 'excused' | 'state'>): boolean {
  return e.points !== null || e.excused || e.state === 'excused';
}

function isNotTheirs(e: Pick<QueueEntry, 'state'>): boolean {
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
