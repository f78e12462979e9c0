// A notification worker in a process of its own, as a second server instance would be: runs one job once
// against the database in SEMINAR_DB (JSON of config.database) at SEMINAR_NOW and prints what it did as JSON.
// Plain JavaScript on the compiled dist/ (as `seminar serve` runs it), so that a start costs node alone:
//   node test/support/notify-runner.js announcements|reminders|digests|drain
import { createMailer } from '../../dist/mail/mailer.js';
import { MailQueueWorker } from '../../dist/mail/queue.js';
import { mailDueAnnouncements } from '../../dist/services/notifications/announcements.js';
import { runDigests } from '../../dist/services/notifications/digests.js';
import {
  DIGEST_MAIL,
  NOTIFICATION_MAIL,
  renderDigestMail,
  renderNotificationMail,
} from '../../dist/services/notifications/notify.js';
import { runReminders } from '../../dist/services/notifications/reminders.js';
import { createDb } from '../../dist/storage/db.js';

const db = createDb(JSON.parse(process.env.SEMINAR_DB ?? '{}'), { poolSize: 4 });
const now = new Date(process.env.SEMINAR_NOW ?? Date.now());
const deps = { db, clock: () => now, publicUrl: 'http://seminar.test' };
const job = process.argv[2];

async function drain() {
  const mailer = createMailer({
    smtpUrl: process.env.SMTP_URL ?? null,
    from: 'seminar@example.edu',
    outboxDir: '/nonexistent',
    log: () => {},
  });
  const worker = new MailQueueWorker({
    db,
    mailer,
    renderers: { [NOTIFICATION_MAIL]: renderNotificationMail, [DIGEST_MAIL]: renderDigestMail },
    batch: Number(process.env.SEMINAR_BATCH ?? 5),
  });
  let sent = 0;
  for (let idle = 0; idle < 2;) {
    const n = await worker.drainOnce();
    sent += n;
    idle = n === 0 ? idle + 1 : 0;
  }
  // The SMTP connection is kept between messages: closed here, or the process waits for the server to drop it.
  mailer.close();
  return sent;
}

try {
  const count =
    job === 'announcements'
      ? await mailDueAnnouncements(deps)
      : job === 'reminders'
        ? await runReminders(deps)
        : job === 'digests'
          ? await runDigests(deps)
          : await drain();
  process.stdout.write(`${JSON.stringify({ job, count })}\n`);
} finally {
  await db.destroy();
}
