// The question board of a class: handed-in questions once their deadline passed, live ones, marks, votes, clusters.
import type { RoomCluster, RoomQuestionStatus } from '../../contracts/room.js';
import { tallyVotes, type BoardQuestion } from '../../domain/room.js';
import { clusterQuestions } from '../../domain/room-similarity.js';
import { listLiveQuestions, listMarks, listVotes } from '../../storage/repositories/room.js';
import { listSubmissions } from '../../storage/repositories/work.js';
import { findUsers } from '../../storage/repositories/work-people.js';
import { regularDue } from '../work/context.js';
import type { RoomContext, RoomDeps } from './context.js';

export interface Board {
  questions: BoardQuestion[];
  clusters: RoomCluster[];
  /** Questions the viewer voted for. */
  myVotes: Set<string>;
  /** When handed-in questions join, or null when none are asked for this class. */
  questionsDueAt: string | null;
}

/** The handed-in questions of the class (latest version per student and paper) and their deadline. */
export async function handedIn(deps: RoomDeps, ctx: RoomContext) {
  const spec = ctx.work.deliverables.find((d) => d.spec.key === 'question')?.spec;
  if (!spec || !spec.meetingDates.includes(ctx.meeting.date)) return { dueAt: null, rows: [] };
  const dueAt = regularDue(ctx.work.course, spec, ctx.meeting.date);
  if (ctx.now.getTime() < Date.parse(dueAt)) return { dueAt, rows: [] };
  const rows = await listSubmissions(deps.db, {
    courseId: ctx.work.course.id,
    deliverableKey: 'question',
    meetingDate: ctx.meeting.date,
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.user_id) latest.set(`${r.user_id}|${r.reading_index}`, r);
  return { dueAt, rows: [...latest.values()] };
}

export async function loadBoard(deps: RoomDeps, ctx: RoomContext): Promise<Board> {
  const meetingId = ctx.meeting.id;
  const [{ dueAt, rows }, live, marks, votes] = await Promise.all([
    handedIn(deps, ctx),
    listLiveQuestions(deps.db, meetingId),
    listMarks(deps.db, meetingId),
    listVotes(deps.db, meetingId),
  ]);
  const authorIds = [...new Set([...rows.map((r) => r.user_id), ...live.map((q) => q.author_id)])];
  const names = new Map((await findUsers(deps.db, authorIds)).map((u) => [u.id, u.name]));
  const status = new Map(marks.map((m) => [m.question_id, m.status as RoomQuestionStatus]));
  const counts = tallyVotes(votes);
  const base = [
    ...rows.map((r) => ({
      id: r.id,
      paperIndex: r.reading_index ?? 0,
      text: r.text ?? '',
      authorId: r.user_id,
      source: 'handed-in' as const,
      createdAt: r.submitted_at,
    })),
    ...live.map((q) => ({
      id: q.id,
      paperIndex: q.reading_index,
      text: q.text,
      authorId: q.author_id,
      source: 'live' as const,
      createdAt: q.created_at,
    })),
  ];
  // Oldest first, ties by id (ULIDs): the same order, clusters and ids on both dialects.
  base.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  );
  const clusters = clusterQuestions(base);
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const id of c.questionIds) clusterOf.set(id, c.id);
  const questions: BoardQuestion[] = base.map((q) => ({
    ...q,
    authorName: names.get(q.authorId) ?? 'Former student',
    votes: counts.get(q.id) ?? 0,
    status: status.get(q.id) ?? 'open',
    clusterId: clusterOf.get(q.id)!,
  }));
  const myVotes = new Set(votes.filter((v) => v.userId === ctx.viewer.userId).map((v) => v.questionId));
  return { questions, clusters, myVotes, questionsDueAt: dueAt };
}
