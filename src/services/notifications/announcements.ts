// Announcements: staff write one (Markdown, now or scheduled in the course's zone); members read those whose time has come; each is mailed once per person.
import { DateTime } from 'luxon';
import { ulid } from 'ulid';
import { renderMarkdown } from '../../markdown/render.js';
import { writeTransaction, type Db } from '../../storage/db.js';
import {
  claimAnnouncementDeliveries,
  deleteScheduledAnnouncement,
  findAnnouncementRow,
  insertAnnouncementRow,
  listAnnouncementRows,
  listEnrolledIds,
  listUnmailedAnnouncements,
  markAnnouncementMailed,
  updateScheduledAnnouncement,
  type AnnouncementRow,
} from '../../storage/repositories/announcements.js';
import { abilitiesOf, authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse } from '../work/context.js';
import { notifyPeople } from './notify.js';

interface Deps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
}

export interface AnnouncementInput {
  title: string;
  body: string;
  /** Local date-time in the course's zone ("2026-09-14T08:00"), or null/absent for now. */
  publishAt?: string | null;
}

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

function present(row: AnnouncementRow & { author_name?: string | null }, zone: string, now: string) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    html: renderMarkdown(row.body),
    publishAt: row.publish_at,
    publishAtLocal: DateTime.fromISO(row.publish_at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
    scheduled: row.publish_at > now,
    mailed: row.mailed_at !== null,
    author: row.author_name ?? null,
  };
}

/** Validates the input and turns the local time into an instant (problems are 400s, nothing written). */
function checked(
  input: AnnouncementInput,
  zone: string,
  now: Date,
): { title: string; body: string; at: string } {
  const title = input.title.trim();
  const body = input.body.trim();
  if (title === '') throw new DomainError('invalid_input', 'Give the announcement a title.');
  if (title.length > TITLE_MAX)
    throw new DomainError('invalid_input', `The title is longer than ${TITLE_MAX} characters.`);
  if (body === '') throw new DomainError('invalid_input', 'Write the announcement before posting it.');
  if (body.length > BODY_MAX)
    throw new DomainError('invalid_input', `The announcement is longer than ${BODY_MAX} characters.`);
  if (!input.publishAt) return { title, body, at: now.toISOString() };
  const local = DateTime.fromISO(input.publishAt, { zone });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(input.publishAt) || !local.isValid)
    throw new DomainError(
      'invalid_input',
      `"${input.publishAt.slice(0, 40)}" is not a date and time like 2026-09-14T08:00 (${zone}).`,
    );
  const at = local.toUTC().toISO()!;
  return { title, body, at: at < now.toISOString() ? now.toISOString() : new Date(at).toISOString() };
}

/** Newest first; students see those whose time has come, staff also the scheduled ones. */
export async function listAnnouncements(deps: Deps, work: WorkCourse) {
  authorize(work.access, 'viewPrivate');
  const now = deps.clock().toISOString();
  const staff = abilitiesOf(work.access).manageCourse;
  const rows = await listAnnouncementRows(deps.db, work.course.id, staff ? undefined : now);
  return {
    now,
    timeZone: work.course.timeZone,
    canWrite: staff,
    announcements: rows.map((r) => present(r, work.course.timeZone, now)),
  };
}

export async function createAnnouncement(deps: Deps, work: WorkCourse, input: AnnouncementInput) {
  authorize(work.access, 'manageCourse');
  const now = deps.clock();
  const { title, body, at } = checked(input, work.course.timeZone, now);
  const row: AnnouncementRow = {
    id: ulid(),
    course_id: work.course.id,
    author_id: work.access.viewer!.userId,
    title,
    body,
    publish_at: at,
    mailed_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await insertAnnouncementRow(deps.db, row);
  return { announcement: present(row, work.course.timeZone, now.toISOString()) };
}

async function scheduledOne(deps: Deps, work: WorkCourse, id: string): Promise<AnnouncementRow> {
  authorize(work.access, 'manageCourse');
  const row = /^[0-9A-Za-z]{1,64}$/.test(id)
    ? await findAnnouncementRow(deps.db, work.course.id, id)
    : undefined;
  if (!row) throw new DomainError('not_found', 'No such announcement in this course.');
  if (row.publish_at <= deps.clock().toISOString() || row.mailed_at !== null)
    throw new DomainError(
      'conflict',
      'This announcement is out already: only a scheduled one can be changed.',
    );
  return row;
}

export async function editAnnouncement(deps: Deps, work: WorkCourse, id: string, input: AnnouncementInput) {
  const row = await scheduledOne(deps, work, id);
  const now = deps.clock();
  const { title, body, at } = checked(input, work.course.timeZone, now);
  const patch = { title, body, publish_at: at, updated_at: now.toISOString() };
  if (!(await updateScheduledAnnouncement(deps.db, row.id, now.toISOString(), patch)))
    throw new DomainError(
      'conflict',
      'This announcement went out meanwhile: only a scheduled one can be changed.',
    );
  return { announcement: present({ ...row, ...patch }, work.course.timeZone, now.toISOString()) };
}

export async function deleteAnnouncement(deps: Deps, work: WorkCourse, id: string) {
  const row = await scheduledOne(deps, work, id);
  if (!(await deleteScheduledAnnouncement(deps.db, row.id, deps.clock().toISOString())))
    throw new DomainError(
      'conflict',
      'This announcement went out meanwhile: only a scheduled one can be deleted.',
    );
  return { deleted: row.id };
}

/**
 * Queues the mail of every announcement whose time has come to everyone enrolled. Each person's
 * delivery row is claimed in the same transaction as their mail (primary key), so overlapping runs
 * and several instances mail each person once. Answers how many mails were queued.
 */
export async function mailDueAnnouncements(deps: Deps): Promise<number> {
  const now = deps.clock();
  const stamp = now.toISOString();
  let queued = 0;
  for (const a of await listUnmailedAnnouncements(deps.db, stamp)) {
    const base = deps.publicUrl.replace(/\/+$/, '');
    const link = `${base}/courses/${a.course_slug}/announcements`;
    queued += await writeTransaction(deps.db, async (trx) => {
      const people = await listEnrolledIds(trx, a.course_id);
      const claimed = await claimAnnouncementDeliveries(trx, a.id, people, stamp);
      const r = await notifyPeople(trx, { publicUrl: deps.publicUrl, now }, claimed, {
        kind: 'announcements',
        subject: `${a.course_title}: ${a.title}`,
        text: `${a.title}\n\n${a.body}`,
        link,
      });
      await markAnnouncementMailed(trx, a.id, stamp);
      return r.mailed.length;
    });
  }
  return queued;
}
