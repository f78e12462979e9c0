// Reading the talk slots: the staff board of every slot deliverable, and a student's own day ("2nd of 4 on Mon Oct 21").
import type { Viewer } from '../../domain/permissions.js';
import { dueAt } from '../../domain/due.js';
import { ordinal, type SlotProblem } from '../../domain/talk-slots.js';
import { findGroupOfUser } from '../../storage/repositories/groups.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { courseOf, deliverablesOf } from '../work/context.js';
import {
  boardOf,
  dayLabel,
  loadSlotScope,
  problemsOf,
  slotDeliverables,
  type BoardDay,
  type SlotGroup,
} from './slot-scope.js';

export interface SlotBoard {
  deliverableKey: string;
  title: string;
  talkMinutes: number | null;
  publishedAt: string | null;
  days: BoardDay[];
  unplaced: SlotGroup[];
  problems: SlotProblem[];
  groupCount: number;
}

export interface SlotBoards {
  timeZone: string;
  boards: SlotBoard[];
}

/** Every deliverable given out by presentation-day slots, with its days, talks in order and problems (staff). */
export async function staffSlotBoards(deps: ServiceDeps, access: CourseAccess): Promise<SlotBoards> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const course = await courseOf(deps.db, access.course.slug);
  const boards: SlotBoard[] = [];
  for (const spec of slotDeliverables(await deliverablesOf(deps.db, course, now))) {
    const scope = await loadSlotScope(deps.db, access, spec.key, now);
    boards.push({
      deliverableKey: spec.key,
      title: spec.title,
      talkMinutes: scope.talkMinutes,
      publishedAt: scope.publishedAt,
      ...boardOf(scope, scope.slots),
      problems: problemsOf(scope, scope.slots),
      groupCount: scope.groups.length,
    });
  }
  return { timeZone: course.timeZone, boards };
}

export interface MyTalk {
  deliverableKey: string;
  title: string;
  published: boolean;
  /** Null until published, or when the group has no day. */
  talk: {
    meetingId: string;
    date: string;
    meetingTitle: string | null;
    /** 1-based place in the day and the number of talks that day. */
    order: number;
    of: number;
    /** "Your group presents on Mon Oct 21, 2nd of 4." */
    sentence: string;
    startTime: string | null;
    classStart: string | null;
    classEnd: string | null;
    /** When the slides are due (the deliverable's due rule at that class). */
    slidesDueAt: string | null;
  } | null;
}

export interface MyTalks {
  groupId: string | null;
  groupName: string | null;
  timeZone: string;
  talks: MyTalk[];
}

/** The signed-in student's group's presentation days, once staff published them. */
export async function myTalkSlots(deps: ServiceDeps, access: CourseAccess, viewer: Viewer): Promise<MyTalks> {
  authorize(access, 'manageOwnGroup');
  const now = nowOf(deps);
  const course = await courseOf(deps.db, access.course.slug);
  const group = await findGroupOfUser(deps.db, course.id, viewer.userId);
  const talks: MyTalk[] = [];
  for (const spec of slotDeliverables(await deliverablesOf(deps.db, course, now))) {
    const scope = await loadSlotScope(deps.db, access, spec.key, now);
    const published = scope.publishedAt !== null;
    const mine = group && published ? scope.slots.find((s) => s.groupId === group.id) : undefined;
    const day = mine ? scope.days.find((d) => d.meetingId === mine.meetingId) : undefined;
    if (!mine || !day) {
      talks.push({ deliverableKey: spec.key, title: spec.title, published, talk: null });
      continue;
    }
    const of = scope.slots.filter((s) => s.meetingId === day.meetingId).length;
    const order = mine.position + 1;
    const meeting = course.meetings.find((m) => m.id === day.meetingId)!;
    let slidesDueAt: string | null = null;
    try {
      slidesDueAt = dueAt(spec.dueRule, course, meeting);
    } catch {
      // No class times: no instant to show.
    }
    talks.push({
      deliverableKey: spec.key,
      title: spec.title,
      published,
      talk: {
        meetingId: day.meetingId,
        date: day.date,
        meetingTitle: day.title,
        order,
        of,
        sentence: `Your group presents on ${dayLabel(day.date)}, ${ordinal(order)} of ${of}${mine.startTime ? `, at ${mine.startTime}` : ''}.`,
        startTime: mine.startTime,
        classStart: day.start,
        classEnd: day.end,
        slidesDueAt,
      },
    });
  }
  return { groupId: group?.id ?? null, groupName: group?.name ?? null, timeZone: course.timeZone, talks };
}
