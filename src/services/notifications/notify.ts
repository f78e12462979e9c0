// Notifying people by kind, as each chose: a mail at once (durable queue), an item for the daily digest, or nothing.
import { ulid } from 'ulid';
import { KIND_LABELS, type NotificationKind } from '../../domain/notifications.js';
import type { MailRenderer } from '../../mail/queue.js';
import { writeTransaction, type AnyDb, type Db } from '../../storage/db.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';
import { insertDigestItems } from '../../storage/repositories/notifications.js';
import { modesOf, unsubscribeToken, unsubscribeUrls } from './settings.js';

export const NOTIFICATION_MAIL = 'notification';
export const DIGEST_MAIL = 'notification-digest';

/** What a person is told: a subject, plain text, and the page it is about (absolute URL). */
export interface Notice {
  kind: NotificationKind;
  subject: string;
  text: string;
  link?: string | null;
}

export interface NotifyContext {
  /** The site's public URL (unsubscribe links are built on it). */
  publicUrl: string;
  now: Date;
  /** The request that causes the notices (its X-Request-Id), kept on the mail queued; none for background jobs. */
  requestId?: string | null;
}

export interface NotifyResult {
  mailed: string[];
  digested: string[];
}

interface NoticePayload extends Omit<Notice, 'link'> {
  link: string | null;
  unsubscribe: { post: string; page: string };
}

/**
 * Delivers one notice to each person according to their setting for its kind, inside the caller's
 * transaction (`trx`), so that the caller's exactly-once key, the queued mail and the digest item
 * commit together. The mail worker sends queued mail on its next round (call the app's
 * onMailQueued to wake it sooner).
 */
export async function notifyPeople(
  trx: AnyDb,
  ctx: NotifyContext,
  userIds: string[],
  notice: Notice | ((userId: string) => Notice),
): Promise<NotifyResult> {
  const modes = await modesOf(trx, userIds);
  const stamp = ctx.now.toISOString();
  const jobs = [];
  const items = [];
  const result: NotifyResult = { mailed: [], digested: [] };
  for (const userId of userIds) {
    const n = typeof notice === 'function' ? notice(userId) : notice;
    const mode = modes.get(userId)![n.kind];
    if (mode === 'off') continue;
    if (mode === 'digest') {
      items.push({
        id: ulid(),
        user_id: userId,
        kind: n.kind,
        subject: n.subject,
        text: n.text,
        link: n.link ?? null,
        created_at: stamp,
        digest_date: null,
      });
      result.digested.push(userId);
      continue;
    }
    const token = await unsubscribeToken(trx, userId, n.kind, ctx.now);
    const payload: NoticePayload = {
      kind: n.kind,
      subject: n.subject,
      text: n.text,
      link: n.link ?? null,
      unsubscribe: unsubscribeUrls(ctx.publicUrl, token),
    };
    jobs.push({
      id: ulid(),
      kind: NOTIFICATION_MAIL,
      user_id: userId,
      address: null,
      payload: JSON.stringify(payload),
      created_at: stamp,
      request_id: ctx.requestId ?? null,
    });
    result.mailed.push(userId);
  }
  for (let i = 0; i < jobs.length; i += 200) await insertMailJobs(trx as Db, jobs.slice(i, i + 200));
  for (let i = 0; i < items.length; i += 200) await insertDigestItems(trx, items.slice(i, i + 200));
  return result;
}

/**
 * The service other parts call (discussions: kinds 'replies', 'mentions', 'discussions'): notifies
 * one person as they chose, in a transaction of its own (or the caller's when `db` is one).
 * Answers 'mailed', 'digest' or 'off'.
 * @public (called by the discussions)
 */
export async function notifyPerson(
  deps: { db: Db; clock: () => Date; publicUrl: string },
  userId: string,
  notice: Notice,
): Promise<'mailed' | 'digest' | 'off'> {
  const run = (trx: AnyDb) =>
    notifyPeople(trx, { publicUrl: deps.publicUrl, now: deps.clock() }, [userId], notice);
  const r = deps.db.isTransaction ? await run(deps.db) : await writeTransaction(deps.db, run);
  return r.mailed.length > 0 ? 'mailed' : r.digested.length > 0 ? 'digest' : 'off';
}

/** The header lines of RFC 2369 / RFC 8058 one-click unsubscribe. */
export function unsubscribeHeaders(postUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${postUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export const renderNotificationMail: MailRenderer = async (_db, payload) => {
  const p = JSON.parse(payload) as NoticePayload;
  return {
    subject: p.subject,
    text: [
      p.text,
      ...(p.link ? ['', p.link] : []),
      '',
      '--',
      `To stop e-mails of this kind (${KIND_LABELS[p.kind]}), open ${p.unsubscribe.page}`,
      'or change your notification settings on your account page.',
    ].join('\n'),
    ...(p.link ? { link: p.link } : {}),
    headers: unsubscribeHeaders(p.unsubscribe.post),
  };
};

export interface DigestPayload {
  date: string;
  items: Array<{ kind: NotificationKind; subject: string; text: string; link: string | null }>;
  /** Per kind in the digest, its unsubscribe page; `all` turns every digest kind off (the header's link). */
  unsubscribe: Partial<Record<NotificationKind, string>>;
  all: { post: string; page: string };
}

export const renderDigestMail: MailRenderer = async (_db, payload) => {
  const p = JSON.parse(payload) as DigestPayload;
  const lines = [
    `Your daily digest for ${p.date}: ${p.items.length} notice${p.items.length === 1 ? '' : 's'}.`,
  ];
  for (const item of p.items) {
    lines.push(
      '',
      `* ${KIND_LABELS[item.kind]}: ${item.subject}`,
      ...item.text.split('\n').map((l) => `  ${l}`),
    );
    if (item.link) lines.push(`  ${item.link}`);
  }
  lines.push('', '--');
  for (const [kind, page] of Object.entries(p.unsubscribe))
    lines.push(`To stop ${KIND_LABELS[kind as NotificationKind]}: ${page}`);
  lines.push(`To stop every kind sent by digest: ${p.all.page}`);
  return {
    subject: `Your Seminar digest for ${p.date}`,
    text: lines.join('\n'),
    headers: unsubscribeHeaders(p.all.post),
  };
};
