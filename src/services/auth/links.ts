// Single-use e-mailed links (password reset, invitation, first set-up): issued, checked, consumed once.
import type { Db } from '../../storage/db.js';
import {
  consumeToken,
  expireUserTokens,
  findToken,
  insertToken,
  type AuthTokenRow,
  type TokenPurpose,
} from '../../storage/repositories/tokens.js';
import { DomainError } from '../errors.js';
import { hashToken, newToken } from './tokens.js';

const HOUR = 60 * 60_000;

/** Reset links live 1 hour; invitations 7 days (people read course mail late); set-up 24 hours. */
export const LINK_TTL_MS: Record<TokenPurpose, number> = {
  reset: HOUR,
  invite: 7 * 24 * HOUR,
  setup: 24 * HOUR,
};

export type LinkState = 'valid' | 'expired' | 'used' | 'invalid';

/** Issues a link token; the user's older unused links of the same purpose stop working. */
export async function issueLink(
  db: Db,
  now: Date,
  purpose: TokenPurpose,
  userId: string | null,
): Promise<string> {
  if (userId) await expireUserTokens(db, userId, purpose, now.toISOString());
  const { token, hash } = newToken();
  await insertToken(db, {
    id: hash,
    purpose,
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + LINK_TTL_MS[purpose]).toISOString(),
    used_at: null,
  });
  return token;
}

export async function inspectLink(
  db: Db,
  now: Date,
  purpose: TokenPurpose,
  token: string,
): Promise<{ state: LinkState; row: AuthTokenRow | null }> {
  if (!token || token.length > 100) return { state: 'invalid', row: null };
  const row = await findToken(db, hashToken(token), purpose);
  if (!row) return { state: 'invalid', row: null };
  if (row.used_at) return { state: 'used', row };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { state: 'expired', row };
  return { state: 'valid', row };
}

const WHAT_TO_DO: Record<TokenPurpose, string> = {
  reset: 'Ask for a new reset link from the sign-in page ("Forgot password").',
  invite: 'Use "Forgot password" on the sign-in page with the invited e-mail address to get a fresh link.',
  setup: 'Restart `seminar serve` to print a new set-up link.',
};

/** The error a non-valid link answers with: the page shows the message, which says what to do. */
export function linkError(purpose: TokenPurpose, state: Exclude<LinkState, 'valid'>): DomainError {
  const todo = WHAT_TO_DO[purpose];
  if (state === 'expired')
    return new DomainError('link_expired', `This link has expired. ${todo}`, { purpose });
  if (state === 'used')
    return new DomainError('link_used', `This link has already been used. ${todo}`, { purpose });
  return new DomainError(
    'not_found',
    `This link is not valid (it may have been copied incompletely). ${todo}`,
    { purpose },
  );
}

/** Checks and consumes a link in one step; throws the link's error unless it was valid and unused. */
export async function consumeLink(
  db: Db,
  now: Date,
  purpose: TokenPurpose,
  token: string,
): Promise<AuthTokenRow> {
  const { state, row } = await inspectLink(db, now, purpose, token);
  if (state !== 'valid' || !row) throw linkError(purpose, state === 'valid' ? 'invalid' : state);
  // Two tabs submitting the same link: only one update finds it unused.
  if (!(await consumeToken(db, row.id, now.toISOString()))) throw linkError(purpose, 'used');
  return row;
}
