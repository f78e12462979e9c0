// A person's notification settings (per kind: at once, daily digest, off; the digest hour) and one-click unsubscribe tokens.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_ZONE,
  DEFAULT_MODES,
  isNotificationKind,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
} from '../../domain/notifications.js';
import type { AnyDb, Db } from '../../storage/db.js';
import {
  findPrefsRow,
  insertPrefsRowIfMissing,
  listSettingRows,
  updateDigestTime,
  upsertSettingRow,
  type NotificationPrefsRow,
} from '../../storage/repositories/notifications.js';
import { DomainError } from '../errors.js';

type Handle = AnyDb;

export interface NotificationSettings {
  modes: Record<NotificationKind, DeliveryMode>;
  digestHour: number;
  digestZone: string;
}

/** The person's prefs row, created (with a fresh unsubscribe secret) on first use. */
export async function prefsOf(db: Handle, userId: string, now: Date): Promise<NotificationPrefsRow> {
  const found = await findPrefsRow(db, userId);
  if (found) return found;
  await insertPrefsRowIfMissing(db, {
    user_id: userId,
    digest_hour: DEFAULT_DIGEST_HOUR,
    digest_zone: DEFAULT_DIGEST_ZONE,
    unsub_secret: randomBytes(24).toString('base64url'),
    updated_at: now.toISOString(),
  });
  return (await findPrefsRow(db, userId))!;
}

/** Each person's mode per kind: their choice, else the default. */
export async function modesOf(
  db: Handle,
  userIds: string[],
): Promise<Map<string, Record<NotificationKind, DeliveryMode>>> {
  const out = new Map(userIds.map((id) => [id, { ...DEFAULT_MODES }]));
  for (let i = 0; i < userIds.length; i += 500)
    for (const row of await listSettingRows(db, userIds.slice(i, i + 500))) {
      const modes = out.get(row.user_id);
      if (modes && isNotificationKind(row.kind)) modes[row.kind] = row.mode as DeliveryMode;
    }
  return out;
}

export async function settingsOf(db: Db, userId: string, now: Date): Promise<NotificationSettings> {
  const prefs = await prefsOf(db, userId, now);
  return {
    modes: (await modesOf(db, [userId])).get(userId)!,
    digestHour: prefs.digest_hour,
    digestZone: prefs.digest_zone,
  };
}

/** Saves the modes given (others unchanged) and the digest hour and zone when given. */
export async function saveSettings(
  db: Db,
  userId: string,
  now: Date,
  input: {
    modes?: Partial<Record<NotificationKind, DeliveryMode>>;
    digestHour?: number;
    digestZone?: string;
  },
): Promise<NotificationSettings> {
  const stamp = now.toISOString();
  const prefs = await prefsOf(db, userId, now);
  for (const kind of NOTIFICATION_KINDS) {
    const mode = input.modes?.[kind];
    if (mode) await upsertSettingRow(db, { user_id: userId, kind, mode, updated_at: stamp });
  }
  if (input.digestHour !== undefined || input.digestZone !== undefined)
    await updateDigestTime(
      db,
      userId,
      input.digestHour ?? prefs.digest_hour,
      input.digestZone ?? prefs.digest_zone,
      stamp,
    );
  return settingsOf(db, userId, now);
}

/** 'digest' in a token: the digest mail's own header link, which turns every kind sent by digest off. */
type TokenKind = NotificationKind | 'digest';

function signature(secret: string, userId: string, kind: TokenKind): string {
  return createHmac('sha256', secret).update(`${userId}.${kind}`).digest('base64url').slice(0, 32);
}

/** The one-click unsubscribe token of a person and kind (signed with the person's secret). */
export async function unsubscribeToken(
  db: Handle,
  userId: string,
  kind: TokenKind,
  now: Date,
): Promise<string> {
  const prefs = await prefsOf(db, userId, now);
  return `${userId}.${kind}.${signature(prefs.unsub_secret, userId, kind)}`;
}

/** The links of a token: the one-click POST target (List-Unsubscribe) and the page a reader opens. */
export function unsubscribeUrls(publicUrl: string, token: string): { post: string; page: string } {
  const base = publicUrl.replace(/\/+$/, '');
  return { post: `${base}/api/unsubscribe/${token}`, page: `${base}/unsubscribe/${token}` };
}

const BAD_TOKEN = () =>
  new DomainError(
    'not_found',
    'This unsubscribe link is not valid. Change your settings on your account page.',
  );

/** Turns the token's kind off (every digest kind for a digest token); answers the kinds turned off. */
export async function unsubscribe(db: Db, token: string, now: Date): Promise<{ kinds: NotificationKind[] }> {
  const [userId, kind, sig] = token.split('.');
  if (!userId || !kind || !sig || (kind !== 'digest' && !isNotificationKind(kind))) throw BAD_TOKEN();
  const prefs = await findPrefsRow(db, userId.slice(0, 64));
  if (!prefs) throw BAD_TOKEN();
  const expected = Buffer.from(signature(prefs.unsub_secret, userId, kind));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw BAD_TOKEN();
  let kinds: NotificationKind[];
  if (kind === 'digest') {
    const modes = (await modesOf(db, [userId])).get(userId)!;
    kinds = NOTIFICATION_KINDS.filter((k) => modes[k] === 'digest');
  } else kinds = [kind];
  for (const k of kinds)
    await upsertSettingRow(db, { user_id: userId, kind: k, mode: 'off', updated_at: now.toISOString() });
  return { kinds };
}
