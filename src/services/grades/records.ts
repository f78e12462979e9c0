// Each student's record per grade item — the group's score or their own override, hand-ins, late zeros, obligations, computed participation.
import { postsByStudent } from '../../storage/repositories/discussions.js';
import { allowanceState, questionDayDone, type AllowanceEntry } from '../../domain/allowances.js';
import { ATTENDANCE_ALLOWANCE } from '../../domain/attendance.js';
import { presentedReadings } from '../../domain/demo-deliverables.js';
import { parseDecimal, ratio, type Ratio } from '../../domain/exact.js';
import {
  memberPoints,
  studentGrade,
  type GradeView,
  type ItemRecord,
  type StudentGrade,
} from '../../domain/grading.js';
import { isOwed, obligationFor, owedOnly, type PersonPeriods } from '../../domain/obligations.js';
import { participationPercent, participationPoints } from '../../domain/participation.js';
import { blendPeerPoints, peerSummary } from '../../domain/peer-feedback.js';
import { listPeerRatingRows } from '../../storage/repositories/peer-feedback.js';
import { effectiveWeight, loadPeerSettings, scoresOf } from '../peer/context.js';
import {
  listAttendanceFacts,
  listHandInFacts,
  listScoreRows,
  type GradeScoreRow,
} from '../../storage/repositories/grades.js';
import { meetingTimes, regularDue } from '../work/context.js';
import type { GradeCourse, GradeStudent, StoredItem } from './load.js';

export interface GradeFacts {
  /** item id → subject ("u:…", "g:…") → score row. */
  scores: Map<string, Map<string, GradeScoreRow>>;
  /** "deliverable|date|owner" → whether every version came late under a zero rule, and the newest version's id. */
  handIns: Map<string, { allLateZero: boolean; submissionId: string; version: number }>;
  /** user id → participation percent and its inputs. */
  participation: Map<string, ParticipationFacts>;
  /** The peer median's weight (percent; 0 = not counted) and each rated class's peer score (fraction of full marks). */
  peer: { weight: Ratio; byDate: Map<string, Ratio> };
}

export interface ParticipationFacts {
  percent: Ratio | null;
  attendance: { settled: number; excused: number; missed: number; penalized: number; allowance: number };
  questions: { settled: number; excused: number; missed: number; penalized: number; allowance: number };
  /** Discussion and Q&A posts written (not deleted, not hidden by staff). */
  posts: number;
}

const handInKey = (deliverable: string, date: string | null, owner: string) =>
  `${deliverable}|${date ?? '-'}|${owner}`;

/** Reads scores, hand-ins and attendance of the whole course in four queries. */
export async function loadGradeFacts(
  db: Parameters<typeof listScoreRows>[0],
  gc: GradeCourse,
  now: Date,
): Promise<GradeFacts> {
  const courseId = gc.work.course.id;
  const scores = new Map<string, Map<string, GradeScoreRow>>();
  for (const row of await listScoreRows(db, courseId)) {
    const bySubject = scores.get(row.item_id) ?? new Map<string, GradeScoreRow>();
    bySubject.set(row.subject, row);
    scores.set(row.item_id, bySubject);
  }
  const handIns: GradeFacts['handIns'] = new Map();
  const questionsOnTime = new Map<string, Set<number>>();
  for (const s of await listHandInFacts(db, courseId)) {
    const key = handInKey(s.deliverable_key, s.meeting_date, s.owner);
    const known = handIns.get(key);
    const lateZero = s.outcome === 'late-zero';
    if (!known) handIns.set(key, { allLateZero: lateZero, submissionId: s.id, version: s.version });
    else {
      known.allLateZero = known.allLateZero && lateZero;
      if (s.version > known.version) Object.assign(known, { submissionId: s.id, version: s.version });
    }
    if (s.deliverable_key === 'question' && s.outcome === 'on-time' && s.meeting_date) {
      const set = questionsOnTime.get(`${s.meeting_date}|${s.owner}`) ?? new Set<number>();
      set.add(s.reading_index ?? 0);
      questionsOnTime.set(`${s.meeting_date}|${s.owner}`, set);
    }
  }
  const participation = await participationOf(db, gc, questionsOnTime, now);
  return { scores, handIns, participation, peer: await peerOf(db, courseId) };
}

async function peerOf(
  db: Parameters<typeof listPeerRatingRows>[0],
  courseId: string,
): Promise<GradeFacts['peer']> {
  const weight = effectiveWeight(await loadPeerSettings(db, courseId));
  const byDate = new Map<string, Ratio>();
  if (weight.n === 0n) return { weight, byDate };
  const rows = await listPeerRatingRows(db, courseId);
  for (const date of new Set(rows.map((r) => r.meeting_date))) {
    const fraction = peerSummary(rows.filter((r) => r.meeting_date === date).map(scoresOf)).fraction;
    if (fraction !== null) byDate.set(date, fraction);
  }
  return { weight, byDate };
}

async function participationOf(
  db: Parameters<typeof listAttendanceFacts>[0],
  gc: GradeCourse,
  questionsOnTime: Map<string, Set<number>>,
  now: Date,
): Promise<Map<string, ParticipationFacts>> {
  const course = gc.work.course;
  const nowIso = now.toISOString();
  const { rolls, marks } = await listAttendanceFacts(db, course.id);
  const posts = await postsByStudent(db, course.id);
  const status = new Map(marks.map((m) => [`${m.meeting_date}|${m.user_id}`, m.status]));
  const rolledClasses = rolls
    .map((date) => course.meetings.find((m) => m.date === date))
    .filter((m) => m !== undefined)
    .map((m) => ({ date: m.date, ...meetingTimes(course, m) }));
  const question = gc.work.deliverables.find((d) => d.spec.kind === 'question')?.spec;
  const questionDays = question
    ? question.meetingDates
        .map((date) => course.meetings.find((m) => m.date === date))
        .filter((m) => m !== undefined && presentedReadings(m).length > 0)
        .map((m) => ({
          date: m!.date,
          readings: presentedReadings(m!).length,
          due: regularDue(course, question, m!.date),
        }))
    : [];
  const out = new Map<string, ParticipationFacts>();
  for (const s of gc.students) {
    const person: PersonPeriods = { enrollment: s.enrollment };
    // A class is owed when the student belonged as it started (as on the roll and in What is due).
    const attendance: AllowanceEntry[] = rolledClasses
      .filter((r) => isOwed(person, r.start))
      .map((r) => {
        const mark = status.get(`${r.date}|${s.id}`);
        return { key: r.date, dueAt: r.end, done: mark === 'present', excused: mark === 'excused' };
      });
    const questions: AllowanceEntry[] = questionDays.map((d) => ({
      key: d.date,
      dueAt: d.due,
      done: questionDayDone(d.readings, questionsOnTime.get(`${d.date}|u:${s.id}`)?.size ?? 0),
      excused: false,
    }));
    const a = allowanceState(ATTENDANCE_ALLOWANCE, attendance, nowIso);
    const q = allowanceState(question?.allowance ?? 0, owedOnly(person, questions), nowIso);
    const brief = (x: typeof a) => ({
      settled: x.settled,
      excused: x.excused,
      missed: x.missed,
      penalized: x.penalized.length,
      allowance: x.allowance,
    });
    out.set(s.id, {
      percent: participationPercent(gc.settings.participation, {
        attendance: a,
        questions: q,
        posts: posts.get(s.id) ?? 0,
      }),
      attendance: brief(a),
      questions: brief(q),
      posts: posts.get(s.id) ?? 0,
    });
  }
  return out;
}

/** Whether an item is this student's at all (a class's presentation is its presenting group's only). */
export function itemApplies(item: StoredItem, student: GradeStudent): boolean {
  if (item.groupIds === null) return true;
  return student.group !== null && item.groupIds.includes(student.group.id);
}

/** The subject whose score an item reads for a student: the group's for group work, else the student's. */
export function subjectOf(item: StoredItem, student: GradeStudent): string {
  return item.audience === 'group' && student.group ? `g:${student.group.id}` : `u:${student.id}`;
}

export interface ResolvedScore {
  record: ItemRecord;
  /** The row the points came from: the member's override, the group's, or the student's own. */
  row: GradeScoreRow | null;
  override: GradeScoreRow | null;
  /** The newest hand-in's id, for the grading queue. */
  submissionId: string | null;
}

/** One student's record for one item. */
export function resolveScore(
  gc: GradeCourse,
  facts: GradeFacts,
  item: StoredItem,
  student: GradeStudent,
): ResolvedScore {
  const bySubject = facts.scores.get(item.id);
  const subject = subjectOf(item, student);
  const own = bySubject?.get(subject) ?? null;
  const override = subject.startsWith('g:') ? (bySubject?.get(`u:${student.id}`) ?? null) : null;
  const row = override ?? own;
  // A class's presentation: staff's score with the peer median in it, as the course weighs it (an override stays as given).
  const peer = isClassTalk(item) ? (facts.peer.byDate.get(item.meetingDate!) ?? null) : null;
  const groupPoints = blendPeerPoints(parse(own?.points), peer, facts.peer.weight, item.pointsPossible);
  let points = memberPoints(groupPoints, override ? parse(override.points) : null);
  if (item.source === 'participation' && row === null) {
    const p = facts.participation.get(student.id)?.percent ?? null;
    points = p === null ? null : participationPoints(p, item.pointsPossible);
  }
  const owner = item.audience === 'group' && student.group ? `g:${student.group.id}` : `u:${student.id}`;
  const found = item.deliverableKeys
    .map((k) => facts.handIns.get(handInKey(k, item.meetingDate, owner)))
    .filter((h) => h !== undefined);
  const person: PersonPeriods = {
    enrollment: student.enrollment,
    ...(item.audience === 'group' && student.group ? { group: student.group.periods } : {}),
  };
  return {
    record: {
      points,
      excused: (override ?? own)?.excused === 1,
      obligation: item.dueAt === null ? 'owed' : obligationFor(person, item.dueAt),
      handedIn: found.length > 0,
      lateZero: item.handIn && found.length > 0 && found[0]!.allLateZero,
    },
    row,
    override,
    submissionId: found[0]?.submissionId ?? null,
  };
}

/** A presentation of one student-led class (not the mid-semester talks): the items classmates rate. */
function isClassTalk(item: StoredItem): boolean {
  return item.source === 'deliverable' && item.meetingDate !== null && item.key.startsWith('presentation@');
}

const parsed = new Map<string, Ratio>();

/** Stored points as a ratio; a gradebook reads the same few hundred decimals thousands of times, so they are kept (bounded). */
function parse(text: string | null | undefined): Ratio | null {
  if (text === null || text === undefined) return null;
  const known = parsed.get(text);
  if (known) return known;
  const value = parseDecimal(text) ?? ratio(0);
  if (parsed.size >= 4096) parsed.clear();
  parsed.set(text, value);
  return value;
}

/** A student's items (those that apply), their records, and the grade in the given view. */
export function gradeOf(
  gc: GradeCourse,
  facts: GradeFacts,
  student: GradeStudent,
  now: Date,
  view: GradeView,
): { items: StoredItem[]; resolved: Map<string, ResolvedScore>; grade: StudentGrade } {
  const items = gc.items.filter((i) => itemApplies(i, student));
  const resolved = new Map(items.map((i) => [i.id, resolveScore(gc, facts, i, student)]));
  const records = new Map([...resolved].map(([id, r]) => [id, r.record]));
  const grade = studentGrade(gc.categories, items, records, now.toISOString(), view, gc.settings.cutoffs);
  return { items, resolved, grade };
}
