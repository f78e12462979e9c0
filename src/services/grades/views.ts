// Reading grades: the staff gradebook, one item's grading queue, a student's own grades and their what-if.
import { formatFixed, parseDecimal, toDecimal, type Ratio } from '../../domain/exact.js';
import { weightsProblem, whatIf, type ItemState, type StudentGrade } from '../../domain/grading.js';
import { addElapsedHours, isAfter } from '../../domain/due.js';
import { renderMarkdown } from '../../markdown/render.js';
import {
  listRegradeRows,
  type GradeRegradeRow,
  type GradeScoreRow,
} from '../../storage/repositories/grades.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';
import { loadGradeCourse, type GradeCourse, type StoredItem } from './load.js';
import { queueHandIns } from './queue-hand-ins.js';
import { gradeOf, itemApplies, loadGradeFacts, resolveScore, subjectOf, type GradeFacts } from './records.js';

type Deps = Pick<WorkDeps, 'db' | 'clock'>;

const shown = (r: Ratio | null): string | null => (r === null ? null : formatFixed(r));

export function presentCategories(gc: GradeCourse) {
  return {
    categories: gc.categories.map((c) => ({
      key: c.key,
      name: c.name,
      weight: c.weightText,
      dropLowest: c.dropLowest,
    })),
    weightsProblem: weightsProblem(gc.categories),
    cutoffs: gc.settings.cutoffs.map((c) => ({ letter: c.letter, min: toDecimal(c.min) })),
    participation: gc.settings.participation,
    regradeDays: gc.settings.regradeDays,
  };
}

export function presentItem(item: StoredItem) {
  return {
    id: item.id,
    key: item.key,
    categoryKey: item.categoryKey,
    title: item.title,
    pointsPossible: item.points,
    deliverableKeys: item.deliverableKeys,
    meetingDate: item.meetingDate,
    audience: item.audience,
    dueAt: item.dueAt,
    handIn: item.handIn,
    rubric: item.rubric,
    source: item.source,
    released: item.released,
    releasedAt: item.releasedAt,
  };
}

function presentTotals(g: StudentGrade) {
  return {
    categories: Object.fromEntries(g.categories.map((c) => [c.key, shown(c.percent)])),
    final: shown(g.percent),
    letter: g.letter,
  };
}

/** The staff gradebook: every student × every item, category and final columns, weights and cutoffs. */
export async function staffGradebook(deps: Deps, work: WorkCourse) {
  authorize(work.access, 'viewAllGrades');
  const now = deps.clock();
  const gc = await loadGradeCourse(deps, work);
  const facts = await loadGradeFacts(deps.db, gc, now);
  const rows = gc.students
    .filter((s) => s.active)
    .map((s) => {
      const { items, resolved, grade } = gradeOf(gc, facts, s, now, 'staff');
      return {
        id: s.id,
        name: s.name,
        email: s.email,
        group: s.group ? { id: s.group.id, name: s.group.name } : null,
        cells: Object.fromEntries(
          items.map((i) => {
            const r = resolved.get(i.id)!;
            return [
              i.id,
              {
                points: r.record.points === null ? null : formatFixed(r.record.points),
                state: grade.states.get(i.id)!,
                overridden: r.override !== null,
              },
            ];
          }),
        ),
        participation: participationBrief(facts, s.id),
        ...presentTotals(grade),
      };
    });
  return {
    now: now.toISOString(),
    timeZone: work.course.timeZone,
    ...presentCategories(gc),
    items: gc.items.map(presentItem),
    groups: gc.groups.map((g) => ({ id: g.id, name: g.name })),
    students: rows,
  };
}

function participationBrief(facts: GradeFacts, userId: string) {
  const p = facts.participation.get(userId);
  return p
    ? { percent: shown(p.percent), attendance: p.attendance, questions: p.questions, posts: p.posts }
    : null;
}

export function findItem(gc: GradeCourse, itemId: string): StoredItem {
  const item = gc.items.find((i) => i.id === itemId);
  if (!item) throw new DomainError('not_found', 'This course has no such grade item.');
  return item;
}

/** One item's grading queue: each student or group holding it, graded or not, with their hand-in and score. */
export async function itemQueue(deps: Deps, work: WorkCourse, itemId: string) {
  authorize(work.access, 'grade');
  const now = deps.clock();
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, itemId);
  const facts = await loadGradeFacts(deps.db, gc, now);
  const seen = new Set<string>();
  const entries: Array<Record<string, unknown>> = [];
  for (const s of gc.students.filter((x) => x.active && itemApplies(item, x))) {
    const subject = subjectOf(item, s);
    const { resolved, grade } = gradeOf(gc, facts, s, now, 'staff');
    const r = resolved.get(item.id)!;
    const overrides = [] as Array<{
      userId: string;
      name: string;
      points: string | null;
      reason: string | null;
    }>;
    if (r.override)
      overrides.push({ userId: s.id, name: s.name, points: r.override.points, reason: r.override.reason });
    if (seen.has(subject)) {
      const entry = entries.find((e) => e.subject === subject)!;
      (entry.members as string[]).push(s.name);
      (entry.holders as Array<{ id: string; name: string }>).push({ id: s.id, name: s.name });
      (entry.overrides as typeof overrides).push(...overrides);
      continue;
    }
    seen.add(subject);
    const own = facts.scores.get(item.id)?.get(subject) ?? null;
    entries.push({
      subject,
      name: subject.startsWith('g:') ? s.group!.name : s.name,
      members: [s.name],
      holders: [{ id: s.id, name: s.name }],
      state: grade.states.get(item.id)!,
      points: own?.points ?? null,
      computedPoints: r.record.points === null ? null : toDecimal(r.record.points),
      rubricScores: own?.rubric_scores ? (JSON.parse(own.rubric_scores) as Record<string, string>) : {},
      comment: own?.comment ?? '',
      excused: own?.excused === 1,
      submissionId: r.submissionId,
      participation: item.source === 'participation' ? participationBrief(facts, s.id) : null,
      overrides,
    });
  }
  const ungraded = entries.filter(
    (e) => e.points === null && e.state !== 'excused' && e.state !== 'before-joined',
  );
  const handIns = await queueHandIns(
    deps.db,
    work.course.id,
    item,
    entries.map((e) => e.submissionId as string | null).filter((x) => x !== null),
  );
  for (const e of entries) e.handIn = handIns.get(e.submissionId as string) ?? null;
  return { item: presentItem(item), timeZone: work.course.timeZone, entries, ungraded: ungraded.length };
}

/** Whether a student may still ask for a regrade of an item, and until when. */
export function regradeWindow(
  item: StoredItem,
  days: number,
  now: Date,
): { open: boolean; until: string | null } {
  if (!item.releasedAt) return { open: false, until: null };
  const until = addElapsedHours(item.releasedAt, days * 24);
  return { open: !isAfter(now.toISOString(), until), until };
}

function presentRegrade(r: GradeRegradeRow) {
  return {
    id: r.id,
    itemId: r.item_id,
    userId: r.user_id,
    reason: r.reason,
    createdAt: r.created_at,
    answer: r.answer,
    answeredAt: r.answered_at,
    pointsBefore: r.points_before,
    pointsAfter: r.points_after,
  };
}

/**
 * A student's own grades: released items with points, rubric and comments; unreleased ones only as
 * "not graded yet" (never their points, rubric or comment); the category and current totals over
 * released work; their regrade requests.
 */
export async function myGrades(deps: Deps, work: WorkCourse) {
  authorize(work.access, 'viewOwnGrades');
  const now = deps.clock();
  const gc = await loadGradeCourse(deps, work);
  const facts = await loadGradeFacts(deps.db, gc, now);
  const student = gc.students.find((s) => s.id === work.access.viewer!.userId);
  if (!student) throw new DomainError('not_found', 'You have no grades in this course.');
  const { items, resolved, grade } = gradeOf(gc, facts, student, now, 'student');
  const regrades = await listRegradeRows(deps.db, work.course.id, student.id);
  return {
    now: now.toISOString(),
    timeZone: work.course.timeZone,
    ...presentCategories(gc),
    items: items.map((i) => {
      const r = resolved.get(i.id)!;
      const state: ItemState = grade.states.get(i.id)!;
      // Points, rubric and comment only for released work that counts for this student.
      const visible =
        i.released &&
        (state === 'scored' || state === 'late-zero' || state === 'missing' || state === 'ungraded');
      const window = regradeWindow(i, gc.settings.regradeDays, now);
      return {
        id: i.id,
        title: i.title,
        categoryKey: i.categoryKey,
        pointsPossible: i.points,
        dueAt: i.dueAt,
        released: i.released,
        state,
        points: visible && r.record.points !== null ? formatFixed(r.record.points) : null,
        rubric: visible ? i.rubric : null,
        ...(visible
          ? feedbackOf(
              facts.scores.get(i.id)?.get(subjectOf(i, student)) ?? null,
              r.override,
              regrades.filter((x) => x.item_id === i.id).map((x) => x.answer),
            )
          : { rubricScores: null, comment: '', commentHtml: '' }),
        regradeOpen: visible && window.open,
        regradeUntil: visible ? window.until : null,
        participation: visible && i.source === 'participation' ? participationBrief(facts, student.id) : null,
      };
    }),
    ...presentTotals(grade),
    // The totals above take the name `categories`: the categories themselves (name, weight) stay readable here.
    categoryList: presentCategories(gc).categories,
    regrades: regrades.map(presentRegrade),
  };
}

/**
 * The rubric scores and staff comment a student reads: the group's (or their own), with a member override's
 * rubric scores in their place when it has some, and its comment added unless it only repeats a regrade answer
 * (shown with the request). The comment also comes as sanitized HTML from the one Markdown renderer.
 */
function feedbackOf(
  own: GradeScoreRow | null,
  override: GradeScoreRow | null,
  answers: ReadonlyArray<string | null>,
) {
  const scores = override?.rubric_scores ?? own?.rubric_scores ?? null;
  const parts = [own?.comment ?? ''];
  if (override && override !== own && !answers.includes(override.comment)) parts.push(override.comment ?? '');
  const comment = parts
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join('\n\n');
  return {
    rubricScores: scores ? (JSON.parse(scores) as Record<string, string>) : null,
    comment,
    commentHtml: comment === '' ? '' : renderMarkdown(comment),
  };
}

/** "With this many points on that item, your course grade would be …" (released scores only, as the student sees them). */
export async function myWhatIf(deps: Deps, work: WorkCourse, itemId: string, pointsText: string) {
  authorize(work.access, 'viewOwnGrades');
  const points = parseDecimal(pointsText);
  if (points === null || points.n < 0n)
    throw new DomainError('invalid_input', 'Give the points as a number, e.g. 87 or 17.5.');
  const now = deps.clock();
  const gc = await loadGradeCourse(deps, work);
  const student = gc.students.find((s) => s.id === work.access.viewer!.userId);
  if (!student) throw new DomainError('not_found', 'You have no grades in this course.');
  const item = findItem(gc, itemId);
  if (!itemApplies(item, student)) throw new DomainError('not_found', 'This course has no such grade item.');
  const facts = await loadGradeFacts(deps.db, gc, now);
  const { items, resolved } = gradeOf(gc, facts, student, now, 'student');
  // What the student may not see stays out: unreleased items count as not graded in the what-if too.
  const records = new Map(
    [...resolved].map(([id, r]) => {
      const it = items.find((x) => x.id === id)!;
      return [id, it.released ? r.record : { ...r.record, points: null, lateZero: false }];
    }),
  );
  const g = whatIf(gc.categories, items, records, now.toISOString(), { itemId, points }, gc.settings.cutoffs);
  return { itemId, points: toDecimal(points), ...presentTotals(g) };
}

/** Every regrade request of the course with who asked, on which item, and the points the item holds for them now. */
export async function listRegrades(deps: Deps, work: WorkCourse) {
  authorize(work.access, 'grade');
  const now = deps.clock();
  const rows = await listRegradeRows(deps.db, work.course.id);
  const gc = await loadGradeCourse(deps, work);
  const facts = rows.length === 0 ? null : await loadGradeFacts(deps.db, gc, now);
  return {
    now: now.toISOString(),
    timeZone: work.course.timeZone,
    regradeDays: gc.settings.regradeDays,
    regrades: rows.map((row) => {
      const item = gc.items.find((i) => i.id === row.item_id);
      const student = gc.students.find((s) => s.id === row.user_id);
      const points = item && student && facts ? resolveScore(gc, facts, item, student).record.points : null;
      return {
        ...presentRegrade(row),
        studentName: student?.name ?? 'A former student',
        itemTitle: item?.title ?? 'A removed item',
        pointsPossible: item?.points ?? null,
        pointsNow: shown(points),
      };
    }),
  };
}
