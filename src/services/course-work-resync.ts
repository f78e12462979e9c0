// Use case step of a re-import: moves the hand-in data of moved meetings and merges the deliverables, in the import's transaction.
import type { CourseModel } from '../domain/course.js';
import { mergeDeliverables } from '../domain/deliverable-merge.js';
import { deliverablesForCourse } from '../domain/demo-deliverables.js';
import { movedDates } from '../domain/meeting-moves.js';
import { toCourseModel, type StoredCourse } from '../domain/stored-course.js';
import type { Db } from '../storage/db.js';
import type { SaveCourseResult } from '../storage/repositories/course-writer.js';
import { uniqueKeys } from '../storage/repositories/course-matching.js';
import {
  applyDeliverableMerge,
  bumpCourseWork,
  deleteDayRows,
  listDeliverableSpecs,
  moveDayRows,
  type RemovedDayRows,
} from '../storage/repositories/course-work-sync.js';

export interface CourseWorkResync {
  /** Rows moved to their meeting's new date. */
  movedRows: number;
  /** What the dates of removed meetings held, deleted with them. */
  removedDays: RemovedDayRows[];
  /**
   * Rows found on a day a moved class lands on that no stored class held (left there by a class
   * removed before re-imports moved hand-ins along): deleted, or they would join that class.
   */
  strayDays: RemovedDayRows[];
  /** Keys of deliverables whose stored spec changed with the syllabus. */
  changedDeliverables: string[];
  /** Keys of deliverables the syllabus now adds. */
  addedDeliverables: string[];
  /** Keys of stored deliverables the syllabus no longer generates (kept, with their hand-ins). */
  orphanedDeliverables: string[];
}

const heldRows = (d: RemovedDayRows) => d.handIns + d.attendance + d.rolls + d.extensions > 0;

/** The model as the course writer stores it: repeated component and milestone keys get "-2", "-3". */
function asStored(course: CourseModel): CourseModel {
  const components = uniqueKeys(course.components.map((c) => c.key));
  const milestones = uniqueKeys(course.milestones.map((m) => m.key));
  return {
    ...course,
    components: course.components.map((c, i) => ({ ...c, key: components[i]! })),
    milestones: course.milestones.map((m, i) => ({ ...m, key: milestones[i]! })),
  };
}

/**
 * After the course rows of a re-import are written (same transaction): the rows of removed
 * meetings' dates go, the rows of moved meetings follow them, the stored deliverables are merged
 * with what the new syllabus generates, and the course's work version is bumped when any of it
 * changed. `before` is the course as stored before this import, null for a new course.
 */
export async function resyncCourseWork(
  trx: Db,
  saved: SaveCourseResult,
  before: StoredCourse | null,
  after: CourseModel,
  now: string,
): Promise<CourseWorkResync> {
  const out: CourseWorkResync = {
    movedRows: 0,
    removedDays: [],
    strayDays: [],
    changedDeliverables: [],
    addedDeliverables: [],
    orphanedDeliverables: [],
  };
  if (!before || saved.created) return out;
  const courseId = saved.courseId;
  // A removed meeting's date still held by a class (another meeting that day, or one moved
  // there) keeps its rows: they belong to that class.
  const held = new Set([...after.meetings.map((m) => m.date), ...saved.movedMeetings.map((m) => m.from)]);
  const gone = [...new Set(saved.removedMeetingDates)].filter((d) => !held.has(d));
  out.removedDays = await deleteDayRows(trx, courseId, gone);
  const heldBefore = new Set(before.meetings.map((m) => m.date));
  const landing = [...new Set(saved.movedMeetings.map((m) => m.to))].filter((d) => !heldBefore.has(d));
  out.strayDays = (await deleteDayRows(trx, courseId, landing)).filter(heldRows);
  out.movedRows = await moveDayRows(trx, courseId, saved.movedMeetings, after.timeZone);

  const stored = await listDeliverableSpecs(trx, courseId);
  if (stored.length > 0) {
    const merge = mergeDeliverables({
      stored,
      oldGenerated: deliverablesForCourse(toCourseModel(before)),
      newGenerated: deliverablesForCourse(asStored(after)),
      movedDates: movedDates(saved.movedMeetings),
      knownDates: heldBefore,
    });
    await applyDeliverableMerge(trx, courseId, merge, now);
    out.changedDeliverables = merge.changed.map((d) => d.key);
    out.addedDeliverables = merge.added.map((d) => d.key);
    out.orphanedDeliverables = merge.orphaned;
  }
  const removedRows = [...out.removedDays, ...out.strayDays].some(heldRows);
  if (
    out.movedRows > 0 ||
    removedRows ||
    out.changedDeliverables.length > 0 ||
    out.addedDeliverables.length > 0
  )
    await bumpCourseWork(trx, courseId);
  return out;
}
