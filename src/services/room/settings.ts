// The course's room settings (staff): the timer's default length and whether questions are anonymous to classmates.
import type { RoomSettings } from '../../contracts/room.js';
import { findRoomSettings, upsertRoomSettings } from '../../storage/repositories/room.js';
import { authorize } from '../enrollment/course-access.js';
import type { WorkCourse } from '../work/context.js';
import { resetCourseRooms } from './bus.js';
import { syllabusMinutes, type RoomDeps } from './context.js';

export async function roomSettings(deps: RoomDeps, work: WorkCourse): Promise<RoomSettings> {
  authorize(work.access, 'manageCourse');
  const row = await findRoomSettings(deps.db, work.course.id);
  return {
    timerMinutes: row?.timer_minutes ?? null,
    defaultMinutes: syllabusMinutes(work),
    anonymousQuestions: row?.anonymous_questions === 1,
  };
}

/**
 * Changes what is given; a class's timer takes a new length at its next reset. A change of anonymity takes effect
 * on open rooms at once: every viewer of the course's rooms is told to refetch (a 'reset' event), so names already
 * shown are gone from students' screens, and new events follow the new setting.
 */
export async function changeRoomSettings(
  deps: RoomDeps,
  work: WorkCourse,
  change: { timerMinutes?: number | null | undefined; anonymousQuestions?: boolean | undefined },
): Promise<RoomSettings> {
  const current = await roomSettings(deps, work);
  await upsertRoomSettings(deps.db, {
    course_id: work.course.id,
    timer_minutes: change.timerMinutes === undefined ? current.timerMinutes : change.timerMinutes,
    anonymous_questions: (change.anonymousQuestions ?? current.anonymousQuestions) ? 1 : 0,
    updated_at: deps.clock().toISOString(),
  });
  const after = await roomSettings(deps, work);
  if (after.anonymousQuestions !== current.anonymousQuestions)
    await resetCourseRooms(deps.db, work.course.id, deps.clock().toISOString()).catch(() => {});
  return after;
}
