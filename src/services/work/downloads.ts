// Downloads: one hand-in's file (its owners and staff), and every counted hand-in of a class or deliverable as one zip (staff).
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import { canInCourse } from '../../domain/permissions.js';
import { sanitizeFileName } from '../../files/sniff.js';
import { findSubmission, listFilesOf } from '../../storage/repositories/work.js';
import { findUsers, listGroupsWithMembers } from '../../storage/repositories/work-people.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from './context.js';
import { loadHandIns } from './status.js';

export const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export interface Download {
  name: string;
  type: string;
  size: number | null;
  stream: Readable;
}

/** A hand-in's file (or its text as Markdown): for staff, the student who handed it in, and the members of the group. */
export async function downloadSubmission(
  deps: Pick<WorkDeps, 'db' | 'files'>,
  work: WorkCourse,
  submissionId: string,
): Promise<Download> {
  authorize(work.access, 'viewPrivate');
  const s = await findSubmission(deps.db, submissionId);
  if (!s || s.course_id !== work.course.id)
    throw new DomainError('not_found', 'No such hand-in in this course.');
  const viewer = work.access.viewer!;
  const staff = canInCourse('viewAllSubmissions', viewer, work.access.membership);
  const own = s.owner === `u:${viewer.userId}` || (work.group !== null && s.owner === `g:${work.group.id}`);
  if (!staff && !own)
    throw new DomainError('forbidden', 'You can only download your own and your group’s work.', {
      blocker: 'not-own-data',
    });
  const [file] = await listFilesOf(deps.db, [s.id]);
  if (file)
    return {
      name: file.name,
      type: MIME[file.type] ?? 'application/octet-stream',
      size: file.size,
      stream: deps.files.open(file.sha256),
    };
  const text = Buffer.from(s.text ?? '', 'utf8');
  const stream = new PassThrough();
  stream.end(text);
  return {
    name: `${s.deliverable_key}${s.meeting_date ? '-' + s.meeting_date : ''}.md`,
    type: MIME.md!,
    size: text.length,
    stream,
  };
}

/** Every counted hand-in of a class (all deliverables) or of a deliverable (all classes), streamed as one zip. */
export async function downloadAll(
  deps: Pick<WorkDeps, 'db' | 'files'>,
  work: WorkCourse,
  filter: { meetingDate?: string; deliverableKey?: string },
): Promise<Download> {
  authorize(work.access, 'viewAllSubmissions');
  const handIns = await loadHandIns(deps.db, work.course.id, filter);
  const counted = [...handIns.values()].map((h) => h.counted!).filter(Boolean);
  if (counted.length === 0)
    throw new DomainError(
      'not_found',
      filter.meetingDate !== undefined
        ? `Nothing handed in yet for the class on ${filter.meetingDate.slice(0, 10)}; the zip holds the hand-ins once there are some.`
        : 'Nothing handed in yet for this deliverable; the zip holds the hand-ins once there are some.',
      { reason: 'nothing-handed-in' },
    );
  const files = new Map(
    (
      await listFilesOf(
        deps.db,
        counted.map((c) => c.id),
      )
    ).map((f) => [f.submission_id, f]),
  );
  const users = new Map(
    (await findUsers(deps.db, [...new Set(counted.map((c) => c.user_id))])).map((u) => [u.id, u.name]),
  );
  const groups = new Map((await listGroupsWithMembers(deps.db, work.course.id)).map((g) => [g.id, g.name]));
  const zip = new yazl.ZipFile();
  const used = new Set<string>();
  for (const c of counted) {
    const who = c.owner.startsWith('g:')
      ? (groups.get(c.owner.slice(2)) ?? 'group')
      : (users.get(c.user_id) ?? 'student');
    const file = files.get(c.id);
    const leaf = file
      ? file.name
      : `${c.reading_index !== null ? `reading-${c.reading_index + 1}` : c.deliverable_key}.md`;
    const late = c.outcome === 'on-time' ? '' : c.outcome === 'late' ? ' (late)' : ' (late, zero)';
    let path = [
      c.deliverable_key,
      c.meeting_date ?? 'course',
      sanitizeFileName(who + late),
      sanitizeFileName(leaf),
    ].join('/');
    for (let i = 2; used.has(path); i++) path = path.replace(/(\.[^./]+)?$/, `-${i}$1`);
    used.add(path);
    if (file) zip.addReadStream(deps.files.open(file.sha256), path, { mtime: new Date(c.submitted_at) });
    else zip.addBuffer(Buffer.from(c.text ?? '', 'utf8'), path, { mtime: new Date(c.submitted_at) });
  }
  zip.end();
  const label = filter.meetingDate ?? filter.deliverableKey ?? 'all';
  return {
    name: `${work.course.slug}-${label}.zip`,
    type: 'application/zip',
    size: null,
    stream: zip.outputStream as unknown as Readable,
  };
}
