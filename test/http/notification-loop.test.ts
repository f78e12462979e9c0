// The server's notification loop (createSeminar's scheduler): a scheduled announcement is mailed to everyone enrolled
// once its time comes, without anyone asking, and only once however many rounds pass.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { createSeminar, type Seminar } from '../../src/main.js';
import { NOTIFICATION_MAIL } from '../../src/services/notifications/notify.js';
import { insertAnnouncementRow } from '../../src/storage/repositories/announcements.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { describeEachDialect } from '../support/dialects.js';
import { buildWorkWorld } from './work-helpers.js';

describeEachDialect('the notification loop', (get) => {
  let seminar: Seminar;
  let now = new Date('2024-09-10T12:00:00Z');

  beforeAll(async () => {
    const { config, db } = get();
    const world = await buildWorkWorld(db, now);
    await insertAnnouncementRow(db, {
      id: ulid(),
      course_id: world.courseId,
      author_id: world.ids.prof,
      title: 'Guest lecture',
      body: 'On Thursday.',
      publish_at: '2024-09-10T13:00:00.000Z',
      mailed_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    seminar = await createSeminar(config, {
      clock: () => now,
      mailQueue: false,
      scheduler: { firstDelayMs: 0, pollMs: 50 },
    });
  });
  afterAll(async () => {
    await seminar?.close();
  });

  const queued = async () => (await listMailJobs(get().db)).filter((j) => j.kind === NOTIFICATION_MAIL);

  it('mails a scheduled announcement to everyone enrolled once its time comes, once', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(await queued()).toEqual([]);
    now = new Date('2024-09-10T13:01:00Z');
    await expect.poll(async () => (await queued()).length, { timeout: 20_000, interval: 100 }).toBe(6);
    await new Promise((r) => setTimeout(r, 300));
    const jobs = await queued();
    expect(jobs).toHaveLength(6);
    expect(new Set(jobs.map((j) => j.user_id)).size).toBe(6);
  });
});
