// What /metrics reads from the database at scrape time: the mail queue, shared by every instance.
import { mailQueueStats } from '../../storage/repositories/mail-queue.js';
import { nowOf, type ServiceDeps } from '../deps.js';

export interface MailQueueGauges {
  pending: number;
  retrying: number;
  gaveUp: number;
  /** Seconds the oldest waiting job has waited (0 when none waits). */
  oldestWaitSeconds: number;
}

export async function readMailQueueGauges(deps: ServiceDeps): Promise<MailQueueGauges> {
  const stats = await mailQueueStats(deps.db);
  const oldest = stats.oldestPendingAt ? Date.parse(stats.oldestPendingAt) : null;
  return {
    pending: stats.pending,
    retrying: stats.retrying,
    gaveUp: stats.gaveUp,
    oldestWaitSeconds: oldest === null ? 0 : Math.max(0, (nowOf(deps).getTime() - oldest) / 1000),
  };
}
