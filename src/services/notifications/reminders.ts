// The reminder run: for each course and each student who still owes something, the reminder whose time has come, queued once per (person, occasion).
import { DateTime } from 'luxon';
import { dueOccasion, REMINDER_ANCHOR, REMINDER_LABELS, reminderKindOf } from '../../domain/reminders.js';
import { fromMillis, toMillis } from '../../domain/due.js';
import { writeTransaction, type Db } from '../../storage/db.js';
import { claimReminder, listCoursesForReminders } from '../../storage/repositories/notifications.js';
import { listActiveStudents } from '../../storage/repositories/work-people.js';
import { studentDashboard } from '../dashboard/student.js';
import { loadWorkCourse, meetingTimes } from '../work/context.js';
import { notifyPeople } from './notify.js';
import { loadReminderSettings } from './reminder-settings.js';

interface Deps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
}

function localTime(instant: string, zone: string): string {
  return `${DateTime.fromMillis(toMillis(instant), { zone }).toFormat('ccc LLL d, HH:mm')} (${zone})`;
}

/**
 * Queues every reminder due now. What a student owes, and by when, is the student dashboard's
 * answer (roles in force, extensions, hand-ins, and obligations: nothing due before they joined).
 * Each (person, occasion) is claimed by a primary key in the transaction that queues its mail,
 * so overlapping runs, a restart half-way or a second instance never queue it twice.
 * Answers how many reminders were mailed or put in a digest.
 */
export async function runReminders(deps: Deps): Promise<number> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  let sent = 0;
  for (const c of await listCoursesForReminders(deps.db)) {
    const settings = await loadReminderSettings(deps.db, c.id);
    if (!Object.values(settings).some((s) => s.on && s.occasions.length > 0)) continue;
    for (const student of await listActiveStudents(deps.db, c.id)) {
      const work = await loadWorkCourse(deps, c.slug, { userId: student.id, isAdmin: false });
      if (work.access.membership.role !== 'student' || work.access.membership.dropped) continue;
      const zone = work.course.timeZone;
      const dash = await studentDashboard(deps, work, now);
      for (const item of dash.items) {
        if (item.state !== 'open' || item.obligation !== 'owed') continue;
        const kind = reminderKindOf(item.kind);
        if (!kind || !settings[kind].on) continue;
        let anchor = item.dueAt;
        if (REMINDER_ANCHOR[kind] === 'class') {
          const meeting = work.course.meetings.find((m) => m.date === item.meetingDate);
          if (!meeting) continue;
          // An extension moves the class-counted reminders by as much as it moves the deadline.
          const shift = toMillis(item.dueAt) - toMillis(item.regularDueAt);
          anchor = fromMillis(toMillis(meetingTimes(work.course, meeting).start) + Math.max(0, shift));
        }
        const due = dueOccasion(settings[kind].occasions, anchor, item.dueAt, zone, nowIso);
        if (!due) continue;
        const occasion = `${c.id}|${item.deliverableKey}|${item.meetingDate ?? '-'}|${due.name}`;
        const what = item.meetingDate
          ? `${item.title} for the class of ${DateTime.fromISO(item.meetingDate).toFormat('ccc LLL d')}`
          : item.title;
        const link = `${deps.publicUrl.replace(/\/+$/, '')}/courses/${c.slug}/due`;
        sent += await writeTransaction(deps.db, async (trx) => {
          if (!(await claimReminder(trx, student.id, occasion, c.id, nowIso))) return 0;
          const r = await notifyPeople(trx, { publicUrl: deps.publicUrl, now }, [student.id], {
            kind: 'reminders',
            subject: `${c.title}: ${what} is due ${localTime(item.dueAt, zone)}`,
            text: [
              `A reminder (${REMINDER_LABELS[kind].toLowerCase()}): ${what} is due ${localTime(item.dueAt, zone)}.`,
              item.needed > 1
                ? `You have handed in ${item.handedIn} of ${item.needed}.`
                : 'You have not handed it in yet.',
              '',
              'Hand it in from your "Due" page:',
            ].join('\n'),
            link,
          });
          return r.mailed.length + r.digested.length;
        });
      }
    }
  }
  return sent;
}
