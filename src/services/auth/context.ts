// What the account use cases need: the database, a clock, the mailer, and where links point.
import type { Db } from '../../storage/db.js';
import type { Mailer } from '../../mail/mailer.js';

export interface AuthContext {
  db: Db;
  now: () => Date;
  mailer: Mailer;
  /** Base of e-mailed links, e.g. https://seminar.example.edu */
  publicUrl: string;
}

/** Where a request came from, for the audit log and rate limits. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export function linkTo(ctx: Pick<AuthContext, 'publicUrl'>, path: string, token: string): string {
  return `${ctx.publicUrl.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;
}
