// Who may do what in a class's room, when it closes, what a question looks like to a viewer, and the vote tally.
import type { RoomAbilities, RoomPhase, RoomQuestion, RoomQuestionStatus } from '../contracts/room.js';

export type PanelRole = 'presenter' | 'summarizer' | 'reviewer';

export interface RoomViewer {
  userId: string;
  /** Instructor, TA or the administrator. */
  staff: boolean;
  /** An enrolled, not dropped student. */
  student: boolean;
  /** The viewer's group's part at this class (roles in force), or null. */
  panelRole: PanelRole | null;
}

/** After class: the phase is 'ended' or the class's day (in the course's zone) is past. */
export function roomClosed(phase: RoomPhase, meetingDate: string, todayInCourseZone: string): boolean {
  return phase === 'ended' || todayInCourseZone > meetingDate;
}

export function roomAbilities(viewer: RoomViewer, closed: boolean): RoomAbilities {
  const open = !closed;
  const staff = viewer.staff;
  const role = viewer.student ? viewer.panelRole : null;
  return {
    runTimer: staff || (open && role === 'presenter'),
    setPhase: staff || (open && role === 'presenter'),
    mark: staff || (open && role !== null),
    ask: open && viewer.student,
    vote: open && viewer.student,
    editCritique: staff || (open && role === 'reviewer'),
    manage: staff,
  };
}

/** The check-in code shown on the projector reaches staff and the presenting group only. */
export function seesCheckIn(viewer: Pick<RoomViewer, 'staff' | 'panelRole'>): boolean {
  return viewer.staff || viewer.panelRole === 'presenter';
}

/** What the abilities would be with the room open: tells "not yours" (403) from "over" (409). */
export function wouldBeAllowed(viewer: RoomViewer, ability: keyof RoomAbilities): boolean {
  return roomAbilities(viewer, false)[ability];
}

/** A question as stored for every viewer: with its author, before a viewer's projection. */
export interface BoardQuestion {
  id: string;
  paperIndex: number | null;
  text: string;
  authorId: string;
  authorName: string;
  votes: number;
  status: RoomQuestionStatus;
  source: 'handed-in' | 'live';
  clusterId: string;
  createdAt: string;
}

/** The question as this viewer sees it: the author's name only to staff unless the course keeps questions named. */
export function questionFor(
  q: BoardQuestion,
  viewer: Pick<RoomViewer, 'userId' | 'staff'>,
  anonymous: boolean,
): Omit<RoomQuestion, 'myVote'> {
  return {
    id: q.id,
    paperIndex: q.paperIndex,
    text: q.text,
    author: viewer.staff || !anonymous ? q.authorName : null,
    mine: q.authorId === viewer.userId,
    votes: q.votes,
    status: q.status,
    source: q.source,
    clusterId: q.clusterId,
    createdAt: q.createdAt,
  };
}

/** Votes per question from (question, voter) pairs: a voter counts once per question however often listed. */
export function tallyVotes(votes: Array<{ questionId: string; userId: string }>): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const v of votes) {
    const key = `${v.questionId}\u0000${v.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts.set(v.questionId, (counts.get(v.questionId) ?? 0) + 1);
  }
  return counts;
}
