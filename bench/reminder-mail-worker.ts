// The bench's mail worker in a process of its own (bench/reminder-mail.ts kills it with SIGKILL halfway and starts
// another): drains the queue of SEMINAR_DB (JSON of config.database) to SMTP_URL, then exits.
import { createMailer } from '../src/mail/mailer.js';
import { MailQueueWorker } from '../src/mail/queue.js';
import { NOTIFICATION_MAIL, renderNotificationMail } from '../src/services/notifications/notify.js';
import { createDb } from '../src/storage/db.js';
import { countPendingMail } from '../src/storage/repositories/mail-queue.js';

const db = createDb(JSON.parse(process.env.SEMINAR_DB ?? '{}'));
const mailer = createMailer({
  smtpUrl: process.env.SMTP_URL ?? null,
  from: 'Seminar <seminar@example.edu>',
  outboxDir: '/nonexistent',
  log: () => {},
});
const worker = new MailQueueWorker({
  db,
  mailer,
  renderers: { [NOTIFICATION_MAIL]: renderNotificationMail },
  pollMs: 50,
  // A killed worker's claims keep others off its jobs this long (the server's default is 5 minutes).
  leaseMs: 1500,
});
worker.start();
for (;;) {
  await new Promise((r) => setTimeout(r, 100));
  if ((await countPendingMail(db)) === 0) break;
}
await worker.stop();
mailer.close();
await db.destroy();
