// The room as the client holds it: events folded into the last state, the board grouped by paper and by
// similarity, and the phases in words.
import type {
  RoomCluster,
  RoomEvent,
  RoomPhase,
  RoomQuestion,
  RoomState,
  VoteReply,
} from '../../../../src/contracts/room.js';

/**
 * The state after one event. Events at or before the state's own lastEventId are already in it (a write's answer
 * may arrive before its event) and change nothing. A question keeps the viewer's own vote, which events do not
 * carry; a new one starts without it.
 */
export function applyRoomEvent(state: RoomState, event: RoomEvent): RoomState {
  if (event.id <= state.lastEventId) return state;
  const next = { ...state, lastEventId: event.id };
  switch (event.type) {
    case 'timer':
      return {
        ...next,
        timer: { ...event.timer, remainingMs: state.timer.remainingMs, serverNow: event.serverNow },
      };
    case 'phase':
      return { ...next, phase: event.phase, closed: state.closed || event.phase === 'ended' };
    case 'question': {
      const known = state.questions.find((q) => q.id === event.question.id);
      const question: RoomQuestion = {
        ...event.question,
        mine: known?.mine ?? event.question.mine,
        myVote: known?.myVote ?? false,
      };
      return {
        ...next,
        questions: known
          ? state.questions.map((q) => (q.id === question.id ? question : q))
          : [...state.questions, question],
      };
    }
    case 'votes':
      return {
        ...next,
        questions: state.questions.map((q) => (q.id === event.questionId ? { ...q, votes: event.votes } : q)),
      };
    case 'clusters':
      return { ...next, clusters: event.clusters };
    case 'critique':
      return { ...next, critique: event.critique };
    case 'check-in':
      return { ...next, checkInCode: event.checkInCode };
    default:
      return next;
  }
}

/** The state after the viewer's vote answered: their vote as it stands; the count unless a newer event told it. */
export function applyVoteReply(state: RoomState, reply: VoteReply): RoomState {
  const fresher = reply.lastEventId >= state.lastEventId;
  return {
    ...state,
    questions: state.questions.map((q) =>
      q.id === reply.questionId ? { ...q, myVote: reply.myVote, votes: fresher ? reply.votes : q.votes } : q,
    ),
  };
}

/** One card of the board: a question alone, or near-duplicates shown together ("7 similar questions"). */
export interface BoardCard {
  cluster: RoomCluster;
  /** Most upvoted first. */
  questions: RoomQuestion[];
  votes: number;
  /** Every question of the card is answered. */
  answered: boolean;
  discussing: boolean;
}

export interface BoardSection {
  /** The paper's index, or null for questions about the class as a whole. */
  paperIndex: number | null;
  title: string;
  cards: BoardCard[];
}

const STATUS_RANK = { discussing: 0, open: 1, answered: 2 } as const;

function byVotes(a: RoomQuestion, b: RoomQuestion): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    b.votes - a.votes ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

/**
 * The board by paper (in the class's order, then the class as a whole), each paper's cards by similarity cluster:
 * the one being discussed first, then the most upvoted, answered ones last. A question no cluster names still
 * shows, on a card of its own.
 */
export function boardSections(state: RoomState): BoardSection[] {
  const byId = new Map(state.questions.map((q) => [q.id, q]));
  const placed = new Set<string>();
  const clusters: RoomCluster[] = state.clusters.map((c) => ({
    ...c,
    questionIds: c.questionIds.filter((id) => byId.has(id)),
  }));
  for (const c of clusters) for (const id of c.questionIds) placed.add(id);
  for (const q of state.questions)
    if (!placed.has(q.id))
      clusters.push({ id: `q-${q.id}`, paperIndex: q.paperIndex, label: q.text, questionIds: [q.id] });
  const cards = clusters
    .filter((c) => c.questionIds.length > 0)
    .map((cluster): BoardCard => {
      const questions = cluster.questionIds.map((id) => byId.get(id)!).sort(byVotes);
      return {
        cluster,
        questions,
        votes: questions.reduce((n, q) => n + q.votes, 0),
        answered: questions.every((q) => q.status === 'answered'),
        discussing: questions.some((q) => q.status === 'discussing'),
      };
    })
    .sort(
      (a, b) =>
        Number(b.discussing) - Number(a.discussing) ||
        Number(a.answered) - Number(b.answered) ||
        b.votes - a.votes,
    );
  const papers: Array<{ index: number | null; title: string }> = [
    ...state.meeting.papers.map((p) => ({ index: p.index, title: p.title })),
    { index: null, title: 'The class as a whole' },
  ];
  return papers
    .map((p) => ({
      paperIndex: p.index,
      title: p.title,
      cards: cards.filter((c) => (c.cluster.paperIndex ?? null) === p.index),
    }))
    .filter((s) => s.cards.length > 0 || s.paperIndex !== null);
}

/** The questions under discussion now (the projector shows them large). */
export function discussingNow(state: RoomState): RoomQuestion[] {
  return state.questions.filter((q) => q.status === 'discussing');
}

/**
 * The phase to show: a timer started while the room still says "before" means the presentation is under way
 * (the presenters pressed start without moving the phase).
 */
export function shownPhase(room: Pick<RoomState, 'phase' | 'timer'>): RoomPhase {
  const started = room.timer.running || room.timer.elapsedMs > 0;
  return room.phase === 'before' && started ? 'presentation' : room.phase;
}

/** The three phases of a student-led class, in order (before and ended frame them). */
export const CLASS_PHASES = ['presentation', 'panel', 'questions'] as const satisfies readonly RoomPhase[];

export const PHASE_WORDS: Record<RoomPhase, string> = {
  before: 'Before the class',
  presentation: 'Presentation',
  panel: 'Panel',
  questions: 'Open questions',
  ended: 'Class ended',
};

/** What the phase means for the room, one line. */
export const PHASE_HINTS: Record<RoomPhase, string> = {
  before: 'The presentation has not started.',
  presentation: 'The presenting group has the floor, without interruption: keep questions for the panel.',
  panel: 'The authors defend the paper; the reviewers critique it.',
  questions: 'The class asks its questions, most upvoted first.',
  ended: 'The room stays readable: the questions with their votes and answers.',
};
