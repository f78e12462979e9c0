// The daily digest: at each person's local digest hour, one mail with what waited for it; once per person per local date.
import { ulid } from 'ulid';
import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_ZONE,
  digestDateDue,
  isNotificationKind,
  type NotificationKind,
} from '../../domain/notifications.js';
import { writeTransaction, type Db } from '../../storage/db.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';
import { claimDigest, listDigestWaiters, takeDigestItems } from '../../storage/repositories/notifications.js';
import { DIGEST_MAIL, type DigestPayload } from './notify.js';
import { unsubscribeToken, unsubscribeUrls } from './settings.js';

interface Deps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
}

/**
 * Queues the digests due now. The (person, local date) row is claimed in the transaction that takes
 * the items and queues the mail, so two runs or two instances send one digest per person per day.
 * Answers how many digests were queued.
 */
export async function runDigests(deps: Deps): Promise<number> {
  const now = deps.clock();
  const stamp = now.toISOString();
  let queued = 0;
  for (const w of await listDigestWaiters(deps.db)) {
    const date = digestDateDue(
      now,
      w.digest_hour ?? DEFAULT_DIGEST_HOUR,
      w.digest_zone ?? DEFAULT_DIGEST_ZONE,
    );
    if (date === null) continue;
    queued += await writeTransaction(deps.db, async (trx) => {
      if (!(await claimDigest(trx, w.user_id, date, stamp))) return 0;
      const items = await takeDigestItems(trx, w.user_id, date);
      if (items.length === 0) return 0;
      const kinds = [...new Set(items.map((i) => i.kind).filter(isNotificationKind))];
      const unsubscribe: Partial<Record<NotificationKind, string>> = {};
      for (const kind of kinds)
        unsubscribe[kind] = unsubscribeUrls(
          deps.publicUrl,
          await unsubscribeToken(trx, w.user_id, kind, now),
        ).page;
      const payload: DigestPayload = {
        date,
        items: items.map((i) => ({
          kind: i.kind as NotificationKind,
          subject: i.subject,
          text: i.text,
          link: i.link,
        })),
        unsubscribe,
        all: unsubscribeUrls(deps.publicUrl, await unsubscribeToken(trx, w.user_id, 'digest', now)),
      };
      await insertMailJobs(trx as unknown as Db, [
        {
          id: ulid(),
          kind: DIGEST_MAIL,
          user_id: w.user_id,
          address: null,
          payload: JSON.stringify(payload),
          created_at: stamp,
        },
      ]);
      return 1;
    });
  }
  return queued;
}
