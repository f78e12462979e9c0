// What peer feedback use cases start from: the course's student-led classes with their windows, who presented each, who may rate.
import { type Instant } from '../../domain/due.js';
import { parseDecimal, ZERO, type Ratio } from '../../domain/exact.js';
import { obligationWithin, periodCovers } from '../../domain/obligations.js';
import {
  peerRatingBlocker,
  peerWindow,
  type PeerRatingBlocker,
  type PeerScores,
  type PeerWindow,
} from '../../domain/peer-feedback.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import type { Db } from '../../storage/db.js';
import { findPeerSettingsRow, type PeerRatingRow } from '../../storage/repositories/peer-feedback.js';
import { listRoleHolders } from '../../storage/repositories/work-people.js';
import { loadCoursePeriods, type CoursePeriods } from '../enrollment/periods.js';
import { DomainError } from '../errors.js';
import { meetingTimes } from '../work/context.js';

export interface PeerClass {
  date: string;
  title: string | null;
  start: Instant;
  window: PeerWindow;
  /** The groups holding the presenter role that day. */
  presenterGroupIds: string[];
}

export interface PeerCourse {
  classes: PeerClass[];
  periods: CoursePeriods;
}

export interface PeerSettings {
  counts: boolean;
  /** Percent, 0–100. */
  weight: Ratio;
  weightText: string;
}

/**
 * The student-led classes of a course: each date whose meeting has a presenting group, in date order.
 * A class without a start time (no pattern, none of its own) has no window and is left out.
 */
export async function loadPeerCourse(db: Db, course: StoredCourse): Promise<PeerCourse> {
  const [roles, periods] = await Promise.all([
    listRoleHolders(db, course.id),
    loadCoursePeriods(db, course.id),
  ]);
  const byMeeting = new Map<string, string[]>();
  for (const r of roles)
    if (r.role === 'presenter')
      byMeeting.set(r.meeting_id, [...(byMeeting.get(r.meeting_id) ?? []), r.group_id]);
  const classes = new Map<string, PeerClass>();
  for (const m of course.meetings) {
    const groups = byMeeting.get(m.id);
    if (!groups || classes.has(m.date)) continue;
    let start: Instant;
    try {
      start = meetingTimes(course, m).start;
    } catch {
      continue;
    }
    classes.set(m.date, {
      date: m.date,
      title: m.title,
      start,
      window: peerWindow(start, m.date, course.timeZone),
      presenterGroupIds: [...groups].sort(),
    });
  }
  return { classes: [...classes.values()].sort((a, b) => a.date.localeCompare(b.date)), periods };
}

export function findPeerClass(pc: PeerCourse, date: string): PeerClass {
  const found = pc.classes.find((c) => c.date === date);
  if (!found)
    throw new DomainError(
      'not_found',
      `No student-led class on ${date.slice(0, 10)}: peer feedback is asked only after a class a group presents.`,
    );
  return found;
}

/** Whether the person presented the class: in a presenting group when it started, or in one now. */
export function presented(
  pc: PeerCourse,
  cls: PeerClass,
  userId: string,
  currentGroupId: string | null,
): boolean {
  if (currentGroupId !== null && cls.presenterGroupIds.includes(currentGroupId)) return true;
  return cls.presenterGroupIds.some((g) =>
    (pc.periods.groups.get(g)?.get(userId) ?? []).some((p) => periodCovers(p, cls.start)),
  );
}

/** Why a student may not rate the class now (null: they may). Enrollment is judged at the class's start. */
export function raterBlocker(
  pc: PeerCourse,
  cls: PeerClass,
  userId: string,
  currentGroupId: string | null,
  now: Instant,
): PeerRatingBlocker | null {
  return peerRatingBlocker({
    studentLed: true,
    presenter: presented(pc, cls, userId, currentGroupId),
    obligation: obligationWithin(pc.periods.enrollment.get(userId) ?? [], cls.start),
    window: cls.window,
    now,
  });
}

export const BLOCKER_WORDS: Record<PeerRatingBlocker, string> = {
  'not-yet-open': 'Feedback on this class opens when it starts.',
  closed: 'Feedback on this class closed at the end of the day after it.',
  presenter: 'You presented this class: your classmates rate it, you do not.',
  'joined-after': 'You joined the course after this class, so you are not asked to rate it.',
  'not-enrolled': 'You were not enrolled in the course when this class took place.',
  'not-student-led': 'Peer feedback is asked only after a class a group presents.',
};

export function scoresOf(row: Pick<PeerRatingRow, 'scores'>): PeerScores {
  return JSON.parse(row.scores) as PeerScores;
}

export async function loadPeerSettings(db: Db, courseId: string): Promise<PeerSettings> {
  const row = await findPeerSettingsRow(db, courseId);
  if (!row) return { counts: false, weight: ZERO, weightText: '0' };
  return { counts: row.counts === 1, weight: parseDecimal(row.weight) ?? ZERO, weightText: row.weight };
}

/** The weight the peer median enters the presentation's score with: 0 while staff have not turned it on. */
export function effectiveWeight(s: PeerSettings): Ratio {
  return s.counts ? s.weight : ZERO;
}
