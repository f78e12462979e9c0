// What every work use case starts from: the course (cached per version), its deliverables as data, the viewer's standing.
import { ulid } from 'ulid';
import type { Deliverable } from '../../domain/deliverables.js';
import { deliverablesForCourse, presentedReadings } from '../../domain/demo-deliverables.js';
import { dueAt, meetingInterval, type Instant } from '../../domain/due.js';
import type { Viewer } from '../../domain/permissions.js';
import { toCourseModel, type StoredCourse, type StoredMeeting } from '../../domain/stored-course.js';
import type { BlobStore } from '../../files/blob-store.js';
import type { Mailer } from '../../mail/mailer.js';
import type { Db } from '../../storage/db.js';
import { findCourseVersion, loadCourse } from '../../storage/repositories/course-reader.js';
import { insertMissingDeliverables, listDeliverableRows } from '../../storage/repositories/work.js';
import { findGroupOfUser } from '../../storage/repositories/groups.js';
import { courseAccess, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';

/** What the work use cases need: storage, files, mail, the clock. */
export interface WorkDeps {
  db: Db;
  files: BlobStore;
  /** Receipts are e-mailed through it; null sends none (tests of other things). */
  mailer: Mailer | null;
  clock: () => Date;
  publicUrl: string;
}

export interface CourseDeliverable {
  spec: Deliverable;
  closed: boolean;
}

export interface WorkCourse {
  access: CourseAccess;
  course: StoredCourse;
  deliverables: CourseDeliverable[];
  /** The viewer's group in this course, or null. */
  group: { id: string; name: string } | null;
}

const cache = new Map<string, { version: number; course: StoredCourse }>();

/** The stored course, reloaded only when its version changed (one indexed read otherwise; safe across instances). */
export async function courseOf(db: Db, slug: string): Promise<StoredCourse> {
  const version = await findCourseVersion(db, slug);
  if (!version) throw new DomainError('not_found', `No course "${slug.slice(0, 64)}" here.`);
  const hit = cache.get(version.id);
  if (hit && hit.version === version.version) return hit.course;
  const course = await loadCourse(db, slug);
  if (!course) throw new DomainError('not_found', `No course "${slug.slice(0, 64)}" here.`);
  cache.set(course.id, { version: course.version, course });
  return course;
}

/**
 * The deliverables of a course, in order. A course that has none yet gets them from its
 * syllabus (deliverablesForCourse) on first use; staff edits made afterwards are kept.
 */
export async function deliverablesOf(db: Db, course: StoredCourse, now: Date): Promise<CourseDeliverable[]> {
  let rows = await listDeliverableRows(db, course.id);
  if (rows.length === 0) {
    const stamp = now.toISOString();
    const specs = deliverablesForCourse(toCourseModel(course));
    await insertMissingDeliverables(
      db,
      specs.map((spec, position) => ({ id: ulid(), course_id: course.id, key: spec.key, position, spec: JSON.stringify(spec), closed: 0, created_at: stamp, updated_at: stamp })),
    );
    rows = await listDeliverableRows(db, course.id);
  }
  return rows.map((r) => ({ spec: JSON.parse(r.spec) as Deliverable, closed: r.closed === 1 }));
}

export async function loadWorkCourse(deps: Pick<WorkDeps, 'db' | 'clock'>, slug: string, viewer: Viewer | null): Promise<WorkCourse> {
  const access = await courseAccess(deps.db, slug, viewer);
  const course = await courseOf(deps.db, slug);
  const deliverables = await deliverablesOf(deps.db, course, deps.clock());
  const row = viewer && access.membership.role === 'student' ? await findGroupOfUser(deps.db, course.id, viewer.userId) : undefined;
  const group = row ? { id: row.id, name: row.name } : null;
  return { access, course, deliverables, group };
}

export function findDeliverable(work: Pick<WorkCourse, 'deliverables'>, key: string): CourseDeliverable {
  const found = work.deliverables.find((d) => d.spec.key === key);
  if (!found) throw new DomainError('not_found', `This course has no deliverable "${key.slice(0, 40)}".`);
  return found;
}

export function findMeeting(course: StoredCourse, date: string): StoredMeeting {
  const meeting = course.meetings.find((m) => m.date === date);
  if (!meeting) throw new DomainError('not_found', `This course has no class on ${date.slice(0, 10)}.`);
  return meeting;
}

/** The regular due instant of a deliverable for a meeting (or the course-wide one). */
export function regularDue(course: StoredCourse, spec: Deliverable, meetingDate: string | null): Instant {
  if (!spec.perMeeting) return dueAt(spec.dueRule, course);
  return dueAt(spec.dueRule, course, findMeeting(course, meetingDate ?? ''));
}

export function meetingTimes(course: StoredCourse, meeting: StoredMeeting): { start: Instant; end: Instant } {
  return meetingInterval(course, meeting);
}

/** Titles of the readings students ask questions about at a meeting, in order. */
export function presentedTitles(meeting: StoredMeeting): string[] {
  return presentedReadings(meeting).map((r) => r.title);
}

/** "u:<id>" for individual work, "g:<id>" for group work: whose versions these are. */
export function ownerOf(spec: Pick<Deliverable, 'audience'>, userId: string, groupId: string | null): string {
  return spec.audience === 'group' && groupId ? `g:${groupId}` : `u:${userId}`;
}

export function slotOf(meetingDate: string | null, readingIndex: number | null): string {
  return `${meetingDate ?? '-'}#${readingIndex ?? '-'}`;
}

/** The course's academic-integrity and AI-tool policy text students acknowledge on their first hand-in. */
export const INTEGRITY_POLICY_KEY = 'integrity-ai';

export function integrityPolicyText(course: StoredCourse): string {
  const lines: string[] = [];
  for (const policy of course.policies) {
    for (const para of policy.markdown.split(/\n\s*\n/)) {
      if (/academic integrity|ai tool/i.test(para.slice(0, 60))) lines.push(para.trim());
    }
  }
  return lines.length > 0
    ? lines.join('\n\n')
    : 'All material you submit must be your own; cite anything you use. AI tools may help with grammar and brainstorming only.';
}
