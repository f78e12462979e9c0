// Regrade requests: a student asks with a reason within the window staff set; staff answer; both texts and the score change are kept.
import { ulid } from 'ulid';
import { parseDecimal, toDecimal } from '../../domain/exact.js';
import {
  transactional,
  answerRegradeRow,
  inGradeTransaction,
  insertRegradeRow,
  listRegradeRows,
} from '../../storage/repositories/grades.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';
import { enterScore } from './edit-grades.js';
import { loadGradeCourse } from './load.js';
import { itemApplies, loadGradeFacts, resolveScore } from './records.js';
import { findItem, regradeWindow } from './views.js';

type Deps = Pick<WorkDeps, 'db' | 'clock'>;

async function requestRegradeNow(deps: Deps, work: WorkCourse, itemId: string, reason: string) {
  authorize(work.access, 'viewOwnGrades');
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, itemId);
  const student = gc.students.find((s) => s.id === work.access.viewer!.userId);
  if (!student || !itemApplies(item, student))
    throw new DomainError('not_found', 'This course has no such grade item.');
  const now = deps.clock();
  const window = regradeWindow(item, gc.settings.regradeDays, now);
  if (!item.released) throw new DomainError('conflict', 'This item is not graded yet.');
  if (!window.open)
    throw new DomainError('conflict', `Regrade requests for this item closed on ${window.until}.`, {
      until: window.until,
    });
  const open = (await listRegradeRows(deps.db, work.course.id, student.id)).find(
    (r) => r.item_id === item.id && r.answered_at === null,
  );
  if (open)
    throw new DomainError('conflict', 'You already asked for a regrade of this item; wait for the answer.');
  const id = ulid();
  await insertRegradeRow(deps.db, {
    id,
    course_id: work.course.id,
    item_id: item.id,
    user_id: student.id,
    reason,
    created_at: now.toISOString(),
    answer: null,
    answered_by: null,
    answered_at: null,
    points_before: null,
    points_after: null,
  });
  return { id, itemId: item.id, reason, createdAt: now.toISOString() };
}

/**
 * Staff answer a request, optionally with new points for the student (on group work: an override of
 * that member, with the request as its reason). The points before and after are kept with both texts.
 */
async function answerRegradeNow(
  deps: Deps,
  work: WorkCourse,
  regradeId: string,
  input: { answer: string; points?: string | null | undefined },
) {
  authorize(work.access, 'grade');
  const request = (await listRegradeRows(deps.db, work.course.id)).find((r) => r.id === regradeId);
  if (!request) throw new DomainError('not_found', 'No such regrade request.');
  if (request.answered_at) throw new DomainError('conflict', 'This request was answered already.');
  const gc = await loadGradeCourse(deps, work);
  const item = findItem(gc, request.item_id);
  const student = gc.students.find((s) => s.id === request.user_id);
  if (!student) throw new DomainError('not_found', 'The student is no longer in this course.');
  const now = deps.clock();
  const facts = await loadGradeFacts(deps.db, gc, now);
  const before = resolveScore(gc, facts, item, student).record.points;
  const pointsBefore = before === null ? null : toDecimal(before);
  const newPoints = input.points === undefined || input.points === null ? null : parseDecimal(input.points);
  if (input.points !== undefined && input.points !== null && (newPoints === null || newPoints.n < 0n))
    throw new DomainError('invalid_input', 'Points: give a non-negative number such as 15 or 12.5.');
  const pointsAfter = newPoints === null ? pointsBefore : toDecimal(newPoints);
  const change = pointsAfter !== pointsBefore;
  // Answered first (once: a second answer finds it answered), then the score follows.
  const changed = await inGradeTransaction(deps.db, (trx) =>
    answerRegradeRow(trx, work.course.id, regradeId, {
      answer: input.answer,
      answered_by: work.access.viewer!.userId,
      answered_at: now.toISOString(),
      points_before: pointsBefore,
      points_after: pointsAfter,
    }),
  );
  if (changed === 0) throw new DomainError('conflict', 'This request was answered already.');
  if (change && pointsAfter !== null)
    await enterScore(deps, work, item.id, {
      subject: { kind: 'student', userId: student.id },
      points: pointsAfter,
      reason: `Regrade: ${request.reason.slice(0, 500)}`,
      comment: input.answer,
    });
  await auditStaffAction(deps.db, now, work.access, 'regrade-answered', student.name, {
    regradeId,
    itemId: item.id,
    pointsBefore,
    pointsAfter,
  });
  return { id: regradeId, answer: input.answer, pointsBefore, pointsAfter };
}

export const requestRegrade = transactional(requestRegradeNow);

export const answerRegrade = transactional(answerRegradeNow);
