// Test helpers for the account suites: a cookie-keeping client over app.inject, and people with known passwords.
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Db } from '../../src/storage/db.js';
import { MailQueueWorker } from '../../src/mail/queue.js';
import { accountMailRenderers } from '../../src/services/auth/account-mail.js';
import type { MailJobRow } from '../../src/storage/repositories/mail-queue.js';
import { hashPassword } from '../../src/services/auth/passwords.js';
import { createUser } from '../../src/services/auth/users.js';
import { enrollAs } from '../../src/services/enrollment/name-instructor.js';
import type { UserRow } from '../../src/storage/repositories/users.js';

export const PASSWORD = 'correct horse battery';

let cachedHash: Promise<string> | null = null;
/** One argon2 hash shared by every test person (hashing each would only slow the suites). */
export function knownHash(): Promise<string> {
  cachedHash ??= hashPassword(PASSWORD);
  return cachedHash;
}

export async function makePerson(
  db: Db,
  now: Date,
  email: string,
  opts: { admin?: boolean; courseId?: string; role?: 'instructor' | 'ta' | 'student'; name?: string } = {},
): Promise<UserRow> {
  const user = await createUser(db, now, {
    email,
    name: opts.name ?? email.split('@')[0]!,
    passwordHash: await knownHash(),
    isAdmin: opts.admin ?? false,
  });
  if (opts.courseId && opts.role) await enrollAs(db, now, opts.courseId, user.id, opts.role);
  return user;
}

type Response = Awaited<ReturnType<FastifyInstance['inject']>>;

/** A browser stand-in: keeps cookies, echoes the CSRF token on state-changing requests. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly ip = '203.0.113.7',
  ) {}

  get csrf(): string | undefined {
    return this.cookies.get('seminar_csrf');
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<Response> {
    const method = (opts.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && method !== 'HEAD' && opts.csrf !== false && this.csrf)
      headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, method: method as never, headers, remoteAddress: this.ip });
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const gone = c.value === '' || (c.expires && c.expires.getTime() < 1000) || c.maxAge === 0;
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  }

  /** Fetches the session probe (which hands out the CSRF cookie), then signs in. */
  async signIn(email: string, password = PASSWORD): Promise<Response> {
    if (!this.csrf) await this.get('/api/auth/session');
    return this.post('/api/auth/sign-in', { email, password });
  }
}

/**
 * Sends the queued account mail (reset, join by e-mail) as the server's mail worker would, with
 * the app's clock; answers the queue rows this round handled, oldest first.
 */
export async function sendQueuedAccountMail(
  app: FastifyInstance,
  db: Db,
): Promise<Array<{ kind: string; address: string | null; sent: boolean }>> {
  const ctx = app.auth.context();
  const worker = new MailQueueWorker({
    db,
    mailer: app.auth.mailer,
    renderers: accountMailRenderers(ctx),
    clock: ctx.now,
    batch: 100,
  });
  const before = new Set((await handledMail(db)).map((r) => r.id));
  await worker.drainOnce();
  return (await handledMail(db))
    .filter((r) => !before.has(r.id))
    .map((r) => ({ kind: r.kind, address: r.address, sent: r.sent_at !== null }));
}

function handledMail(db: Db) {
  return (db as unknown as Kysely<{ mail_queue: MailJobRow }>)
    .selectFrom('mail_queue')
    .selectAll()
    .where((w) => w.or([w('sent_at', 'is not', null), w('gave_up_at', 'is not', null)]))
    .orderBy('id')
    .execute();
}
