// What every work use case starts from: the course (cached per version), its deliverables as data, the viewer's standing.
import { ulid } from 'ulid';
import type { Deliverable } from '../../domain/deliverables.js';
import { deliverablesForCourse, presentedReadings } from '../../domain/demo-deliverables.js';
import { dueAt, meetingInterval, type Instant } from '../../domain/due.js';
import type { Viewer } from '../../domain/permissions.js';
import { toCourseModel, type StoredCourse, type StoredMeeting } from '../../domain/stored-course.js';
import type { BlobStorage } from '../../files/blob-store.js';
import type { Mailer } from '../../mail/mailer.js';
import type { Db } from '../../storage/db.js';
import { findCourseVersion, loadCourse } from '../../storage/repositories/course-reader.js';
import { bumpWorkVersion, findWorkStanding } from '../../storage/repositories/hot-reads.js';
import { deepFreeze } from '../../storage/read-cache.js';
import { insertMissingDeliverables, listDeliverableRows } from '../../storage/repositories/work.js';
import { NO_MEMBERSHIP } from '../../domain/permissions.js';
import {
  courseNotFound,
  membershipFrom,
  plausibleSlug,
  type CourseAccess,
} from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';

/** What the work use cases need: storage, files, mail, the clock. */
export interface WorkDeps {
  db: Db;
  files: BlobStorage;
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
      specs.map((spec, position) => ({
        id: ulid(),
        course_id: course.id,
        key: spec.key,
        position,
        spec: JSON.stringify(spec),
        closed: 0,
        created_at: stamp,
        updated_at: stamp,
      })),
    );
    rows = await listDeliverableRows(db, course.id);
  }
  return rows.map((r) => ({ spec: JSON.parse(r.spec) as Deliverable, closed: r.closed === 1 }));
}

const deliverableCache = new Map<
  string,
  { version: number; workVersion: number; deliverables: CourseDeliverable[] }
>();

/**
 * The deliverables of a course, cached per (course version, work version): both come with the
 * one standing query of every request, so an edit on any instance is seen on the next request
 * of every instance. Whatever writes deliverable rows must call deliverablesChanged (or
 * bumpWorkVersion in the same transaction).
 */
async function cachedDeliverables(
  db: Db,
  course: StoredCourse,
  workVersion: number,
  now: Date,
): Promise<CourseDeliverable[]> {
  const hit = deliverableCache.get(course.id);
  if (hit && hit.version === course.version && hit.workVersion === workVersion) return hit.deliverables;
  const deliverables = deepFreeze(await deliverablesOf(db, course, now));
  deliverableCache.set(course.id, { version: course.version, workVersion, deliverables });
  return deliverables;
}

/** Invalidation hook for writers of deliverable rows: every instance reloads this course's deliverables. */
export async function deliverablesChanged(db: Db, courseId: string): Promise<void> {
  await bumpWorkVersion(db, courseId);
  deliverableCache.delete(courseId);
}

/** The stored course of a standing just read (one course load when its version moved). */
async function courseAt(db: Db, slug: string, id: string, version: number): Promise<StoredCourse> {
  const hit = cache.get(id);
  if (hit && hit.version === version) return hit.course;
  const course = await loadCourse(db, slug);
  if (!course) throw courseNotFound(slug);
  cache.set(course.id, { version: course.version, course });
  return course;
}

/**
 * Everything a work use case starts from, in one query per request (course, versions, the
 * viewer's enrollment and group); the course and its deliverables come from the caches above
 * while their versions hold.
 */
export async function loadWorkCourse(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  slug: string,
  viewer: Viewer | null,
): Promise<WorkCourse> {
  const standing = plausibleSlug(slug)
    ? await findWorkStanding(deps.db, slug, viewer?.userId ?? null)
    : undefined;
  if (!standing) throw courseNotFound(slug);
  const access: CourseAccess = {
    course: standing.course,
    viewer,
    membership: viewer ? membershipFrom(standing.enrollment) : NO_MEMBERSHIP,
  };
  // Cache hits are taken without an await (the usual case: one promise less each per request).
  const courseHit = cache.get(standing.course.id);
  const course =
    courseHit && courseHit.version === standing.version
      ? courseHit.course
      : await courseAt(deps.db, slug, standing.course.id, standing.version);
  const deliverablesHit = deliverableCache.get(course.id);
  const deliverables =
    deliverablesHit &&
    deliverablesHit.version === course.version &&
    deliverablesHit.workVersion === standing.workVersion
      ? deliverablesHit.deliverables
      : await cachedDeliverables(deps.db, course, standing.workVersion, deps.clock());
  const group = viewer && access.membership.role === 'student' ? standing.group : null;
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

const dueMemo = new WeakMap<StoredCourse, WeakMap<Deliverable, Map<string | null, Instant>>>();

/**
 * The regular due instant of a deliverable for a meeting (or the course-wide one). Remembered
 * per (course, spec) object for the frozen specs of the deliverable cache, which never change.
 */
export function regularDue(course: StoredCourse, spec: Deliverable, meetingDate: string | null): Instant {
  const memo = Object.isFrozen(spec) ? dueMemoOf(course, spec) : null;
  const known = memo?.get(meetingDate);
  if (known !== undefined) return known;
  const due = spec.perMeeting
    ? dueAt(spec.dueRule, course, findMeeting(course, meetingDate ?? ''))
    : dueAt(spec.dueRule, course);
  if (memo && memo.size < 2048) memo.set(meetingDate, due);
  return due;
}

function dueMemoOf(course: StoredCourse, spec: Deliverable): Map<string | null, Instant> {
  let bySpec = dueMemo.get(course);
  if (!bySpec) {
    bySpec = new WeakMap();
    dueMemo.set(course, bySpec);
  }
  let byDate = bySpec.get(spec);
  if (!byDate) {
    byDate = new Map();
    bySpec.set(spec, byDate);
  }
  return byDate;
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
