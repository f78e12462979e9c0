// Staff edits of grades: category weights and drops, letter cutoffs and settings, staff items, scores (a group's, or one member's override), release.
import { ulid } from 'ulid';
import { cmp, parseDecimal, toDecimal, ZERO } from '../../domain/exact.js';
import { cutoffsProblem } from '../../domain/grading.js';
import type { ParticipationFormula } from '../../domain/participation.js';
import {
  rubricPoints,
  rubricProblem,
  rubricScoresProblem,
  rubricTotal,
  type RubricCriterion,
} from '../../domain/rubrics.js';
import {
  transactional,
  deleteItemRow,
  deleteScoreRow,
  inGradeTransaction,
  insertItemRows,
  updateCategoryRow,
  updateItemRow,
  upsertScoreRow,
  upsertSettingsRow,
} from '../../storage/repositories/grades.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';
import { GRADE_RELEASED_MAIL } from './mail.js';
import { loadGradeCourse, type GradeCourse } from './load.js';
import { findItem } from './views.js';
import { itemApplies } from './records.js';

type Deps = Pick<WorkDeps, 'db' | 'clock'>;

function decimalOrThrow(text: string, what: string, { positive = false } = {}) {
  const r = parseDecimal(text);
  if (r === null || cmp(r, ZERO) < 0 || (positive && cmp(r, ZERO) === 0))
    throw new DomainError(
      'invalid_input',
      `${what}: give a ${positive ? 'positive' : 'non-negative'} number such as 15 or 12.5.`,
    );
  return r;
}

async function editCategoryNow(
  deps: Deps,
  work: WorkCourse,
  key: string,
  patch: { name?: string | undefined; weight?: string | undefined; dropLowest?: number | undefined },
) {
  authorize(work.access, 'manageCourse');
  const gc = await loadGradeCourse(deps, work);
  if (!gc.categories.some((c) => c.key === key))
    throw new DomainError('not_found', `This course has no grade category "${key.slice(0, 40)}".`);
  if (patch.weight !== undefined) decimalOrThrow(patch.weight, 'Weight');
  const now = deps.clock();
  await updateCategoryRow(deps.db, work.course.id, key, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.weight !== undefined ? { weight: toDecimal(parseDecimal(patch.weight)!) } : {}),
    ...(patch.dropLowest !== undefined ? { drop_lowest: patch.dropLowest } : {}),
    updated_at: now.toISOString(),
  });
  await auditStaffAction(deps.db, now, work.access, 'grade-category-edited', key, patch);
}

async function editGradeSettingsNow(
  deps: Deps,
  work: WorkCourse,
  patch: {
    cutoffs?: Array<{ letter: string; min: string }> | undefined;
    participation?: Partial<ParticipationFormula> | undefined;
    regradeDays?: number | undefined;
  },
) {
  authorize(work.access, 'manageCourse');
  const gc = await loadGradeCourse(deps, work);
  const cutoffs = patch.cutoffs
    ? patch.cutoffs.map((c) => ({
        letter: c.letter.trim(),
        min: decimalOrThrow(c.min, `Cutoff ${c.letter.slice(0, 8)}`),
      }))
    : gc.settings.cutoffs;
  const problem = cutoffsProblem(cutoffs);
  if (problem) throw new DomainError('invalid_input', problem);
  const now = deps.clock();
  await upsertSettingsRow(deps.db, {
    course_id: work.course.id,
    cutoffs: JSON.stringify(cutoffs.map((c) => ({ letter: c.letter, min: toDecimal(c.min) }))),
    participation: JSON.stringify({ ...gc.settings.participation, ...(patch.participation ?? {}) }),
    regrade_days: patch.regradeDays ?? gc.settings.regradeDays,
    updated_at: now.toISOString(),
  });
  await auditStaffAction(deps.db, now, work.access, 'grade-settings-changed', null, patch);
}

function checkedRubric(rubric: RubricCriterion[] | null | undefined): RubricCriterion[] | null | undefined {
  if (!rubric) return rubric;
  const problem = rubricProblem(rubric);
  if (problem) throw new DomainError('invalid_input', problem);
  return rubric;
}

function categoryOrThrow(gc: GradeCourse, key: string) {
  if (!gc.categories.some((c) => c.key === key))
    throw new DomainError('invalid_input', `This course has no grade category "${key.slice(0, 40)}".`);
}

/** A staff item (a participation adjustment, an extra quiz): every student, individual. */
async function addStaffItemNow(
  deps: Deps,
  work: WorkCourse,
  input: {
    categoryKey: string;
    title: string;
    pointsPossible: string;
    dueAt?: string | null | undefined;
    rubric?: RubricCriterion[] | null | undefined;
  },
) {
  authorize(work.access, 'grade');
  const gc = await loadGradeCourse(deps, work);
  categoryOrThrow(gc, input.categoryKey);
  const rubric = checkedRubric(input.rubric) ?? null;
  const points = rubric
    ? rubricTotal(rubric)
    : decimalOrThrow(input.pointsPossible, 'Points possible', { positive: true });
  const now = deps.clock();
  const id = ulid();
  await insertItemRows(deps.db, [
    {
      id,
      course_id: work.course.id,
      key: `staff-${id}`,
      category_key: input.categoryKey,
      title: input.title,
      points_possible: toDecimal(points),
      deliverable_keys: '[]',
      meeting_date: null,
      audience: 'individual',
      group_ids: null,
      due_at: input.dueAt ?? null,
      hand_in: 0,
      rubric: rubric ? JSON.stringify(rubric) : null,
      source: 'staff',
      released_at: null,
      position: gc.items.length,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    },
  ]);
  await auditStaffAction(deps.db, now, work.access, 'grade-item-added', input.title, { itemId: id });
  return { id };
}

async function editItemNow(
  deps: Deps,
  work: WorkCourse,
  itemId: string,
  patch: {
    title?: string | undefined;
    categoryKey?: string | undefined;
    pointsPossible?: string | undefined;
    rubric?: RubricCriterion[] | null | undefined;
  },
) {
  authorize(work.access, 'grade');
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, itemId);
  if (patch.categoryKey !== undefined) categoryOrThrow(gc, patch.categoryKey);
  const rubric = checkedRubric(patch.rubric);
  const points = rubric
    ? rubricTotal(rubric)
    : patch.pointsPossible !== undefined
      ? decimalOrThrow(patch.pointsPossible, 'Points possible', { positive: true })
      : null;
  const now = deps.clock();
  await updateItemRow(deps.db, work.course.id, item.id, {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.categoryKey !== undefined ? { category_key: patch.categoryKey } : {}),
    ...(points !== null ? { points_possible: toDecimal(points) } : {}),
    ...(rubric !== undefined ? { rubric: rubric === null ? null : JSON.stringify(rubric) } : {}),
    updated_at: now.toISOString(),
  });
  await auditStaffAction(deps.db, now, work.access, 'grade-item-edited', item.title, { itemId, ...patch });
}

/** Only staff items go: an item the deliverables call for would come back. */
async function removeItemNow(deps: Deps, work: WorkCourse, itemId: string) {
  authorize(work.access, 'grade');
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, itemId);
  if (item.source !== 'staff')
    throw new DomainError(
      'conflict',
      'This item comes from the course’s deliverables; edit it instead of removing it.',
    );
  const now = deps.clock();
  await deleteItemRow(deps.db, work.course.id, item.id);
  await auditStaffAction(deps.db, now, work.access, 'grade-item-removed', item.title, { itemId });
}

export interface ScoreInput {
  subject: { kind: 'student'; userId: string } | { kind: 'group'; groupId: string };
  /** null clears the points (back to ungraded); with rubricScores, the points are their sum. */
  points: string | null;
  rubricScores?: Record<string, string> | undefined;
  comment?: string | undefined;
  excused?: boolean | undefined;
  /** Required when a student's score overrides their group's on group work. */
  reason?: string | null | undefined;
  /** Remove the score (a member's override: back to the group's). */
  clear?: boolean | undefined;
}

/**
 * Enters a score. Group work is scored once per group and given to each member; a score for one member
 * of a group on group work is an override, needs a reason, and is audited.
 */
async function enterScoreNow(deps: Deps, work: WorkCourse, itemId: string, input: ScoreInput) {
  authorize(work.access, 'grade');
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, itemId);
  let subject: string;
  let override = false;
  let target: string;
  if (input.subject.kind === 'group') {
    const groupId = input.subject.groupId;
    const group = gc.groups.find((g) => g.id === groupId);
    if (!group) throw new DomainError('not_found', 'This course has no such group.');
    if (item.audience !== 'group')
      throw new DomainError('invalid_input', 'This item is scored per student, not per group.');
    if (item.groupIds !== null && !item.groupIds.includes(group.id))
      throw new DomainError('invalid_input', `${group.name} does not hold this item.`);
    subject = `g:${group.id}`;
    target = group.name;
  } else {
    const userId = input.subject.userId;
    const student = gc.students.find((s) => s.id === userId && s.active);
    if (!student) throw new DomainError('not_found', 'This course has no such student.');
    if (!itemApplies(item, student))
      throw new DomainError('invalid_input', `${student.name} does not hold this item.`);
    override = item.audience === 'group' && student.group !== null;
    if (override && !input.clear && !input.reason?.trim())
      throw new DomainError(
        'invalid_input',
        'Say why this member’s score differs from the group’s (a reason is required).',
      );
    subject = `u:${student.id}`;
    target = student.name;
  }
  let points = input.points;
  if (input.rubricScores && Object.keys(input.rubricScores).length > 0) {
    if (!item.rubric) throw new DomainError('invalid_input', 'This item has no rubric.');
    const problem = rubricScoresProblem(item.rubric, input.rubricScores);
    if (problem) throw new DomainError('invalid_input', problem);
    points = points ?? toDecimal(rubricPoints(input.rubricScores));
  }
  if (points !== null) points = toDecimal(decimalOrThrow(points, 'Points'));
  const now = deps.clock();
  await inGradeTransaction(deps.db, async (trx) => {
    if (input.clear) await deleteScoreRow(trx, item.id, subject);
    else
      await upsertScoreRow(trx, {
        id: ulid(),
        course_id: work.course.id,
        item_id: item.id,
        subject,
        points,
        rubric_scores: input.rubricScores ? JSON.stringify(input.rubricScores) : null,
        comment: input.comment ?? '',
        excused: input.excused ? 1 : 0,
        reason: input.reason?.trim() || null,
        graded_by: work.access.viewer!.userId,
        updated_at: now.toISOString(),
      });
    if (override)
      await auditStaffAction(trx, now, work.access, 'grade-overridden', target, {
        itemId: item.id,
        points: input.clear ? null : points,
        reason: input.reason ?? null,
        cleared: input.clear === true,
      });
  });
  return { itemId: item.id, subject, points: input.clear ? null : points, savedAt: now.toISOString() };
}

/**
 * Releases an item (students see its scores and are told by mail through the queue) or takes the release
 * back (scores hidden again). Releasing twice sends nothing twice.
 */
async function releaseItemNow(
  deps: Pick<WorkDeps, 'db' | 'clock' | 'publicUrl'>,
  work: WorkCourse,
  itemId: string,
  released: boolean,
) {
  authorize(work.access, 'grade');
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, itemId);
  const now = deps.clock();
  const stamp = now.toISOString();
  if (item.released === released) return { itemId, released, mailed: 0 };
  const holders = gc.students.filter((s) => s.active && itemApplies(item, s));
  await inGradeTransaction(deps.db, async (trx) => {
    await updateItemRow(trx, work.course.id, item.id, {
      released_at: released ? stamp : null,
      updated_at: stamp,
    });
    if (released)
      await insertMailJobs(
        trx,
        holders.map((s) => ({
          id: ulid(),
          kind: GRADE_RELEASED_MAIL,
          user_id: s.id,
          address: null,
          payload: JSON.stringify({
            courseTitle: work.course.title,
            itemTitle: item.title,
            link: `${deps.publicUrl.replace(/\/$/, '')}/courses/${work.course.slug}/grades`,
          }),
          created_at: stamp,
          request_id: work.access.viewer?.requestId ?? null,
        })),
      );
    await auditStaffAction(
      trx,
      now,
      work.access,
      released ? 'grades-released' : 'grades-unreleased',
      item.title,
      {
        itemId,
        students: holders.length,
      },
    );
  });
  return { itemId, released, mailed: released ? holders.length : 0 };
}

export const editCategory = transactional(editCategoryNow);

export const editGradeSettings = transactional(editGradeSettingsNow);

export const addStaffItem = transactional(addStaffItemNow);

export const editItem = transactional(editItemNow);

export const removeItem = transactional(removeItemNow);

export const enterScore = transactional(enterScoreNow);

export const releaseItem = transactional(releaseItemNow);
