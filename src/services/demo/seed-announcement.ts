// The demo course's announcement: one welcome from staff, posted a day ago (already out: the demo mails nobody).
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import { insertAnnouncementRow, listAnnouncementRows } from '../../storage/repositories/announcements.js';
import { findCourseRef } from '../../storage/repositories/enrollments.js';

/** Adds the welcome announcement unless the course has announcements; answers whether it did. */
export async function seedAnnouncement(db: Db, slug: string, now: Date): Promise<boolean> {
  const course = await findCourseRef(db, slug);
  if (!course || (await listAnnouncementRows(db, course.id)).length > 0) return false;
  const posted = new Date(now.getTime() - 86_400_000).toISOString();
  await insertAnnouncementRow(db, {
    id: ulid(),
    course_id: course.id,
    author_id: null,
    title: 'Welcome, and where to find things',
    body: [
      'Welcome to the seminar! A few things to know:',
      '',
      '- **Questions** on the readings are due when the class starts; ask one per presented paper.',
      '- Your group’s **roles** (presenting, summary, reviewing) are under *My roles*.',
      '- Reminders come by e-mail before your deadlines; choose how on your account page.',
    ].join('\n'),
    publish_at: posted,
    mailed_at: posted,
    created_at: posted,
    updated_at: posted,
  });
  return true;
}
