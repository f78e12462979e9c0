// Hostile strings into the string fields, path parameters and query parameters of every API route (Fastify's own
// route table): every string into free-text query parameters, half of them into free-text body fields and path
// parameters (lookups), a quarter into what validation constrains (enums, dates, the slug), in turns from route to
// route, each taken in turns by the least and the most privileged actor who get past authorization: never a 500,
// always the JSON error envelope for a 4xx, and no row written by a refused request. Also malformed JSON, wrong
// content types, huge bodies, duplicate keys, arrays.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ZodType } from 'zod';
import { appPlugins, buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import type { Db } from '../../src/storage/db.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { HOSTILE_STRINGS, HOSTILE_VALUES, type Hostile } from './strings.js';

const NOW = new Date('2024-08-27T15:00:00Z');
const ACTORS = ['anonymous', 'student', 'otherStudent', 'ta', 'instructor', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
const LONG = 20 * 60_000;

/** Tables that a refused request may legitimately write: its own session (made by the test), rate-limit counters, the audit of refusals. */
const MAY_CHANGE_ON_4XX = new Set(['sessions', 'rate_limits', 'audit_log']);

interface RouteInfo {
  method: string;
  url: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
}

const registered: RouteInfo[] = [];
/** Whether the last request reached its handler (past validation): one refused before it cannot have written. */
let reachedHandler = false;
appPlugins.unshift(async (app) => {
  app.addHook('preHandler', async () => {
    reachedHandler = true;
  });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.url.startsWith('/api') && !route.url.startsWith('/api/docs'))
        registered.push({ method, url: route.url, schema: route.schema as RouteInfo['schema'] });
    }
  });
});

/** Percent-encodes a string as WTF-8 (lone surrogates too, which encodeURIComponent refuses). */
function encodeParam(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => '%' + b.toString(16).toUpperCase())
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

type FieldPath = Array<string | number>;

/** Paths (in a body) of every field a zod schema declares: object keys, array elements (as index 0), union members' keys. */
function fieldPaths(schema: unknown): FieldPath[] {
  return fields(schema).map((f) => f.path);
}

/** Every field a zod schema declares, with its own schema (of a union's members, the first that has it). */
function fields(
  schema: unknown,
  prefix: FieldPath = [],
  depth = 0,
): Array<{ path: FieldPath; schema: unknown }> {
  if (!(schema instanceof ZodType) || depth > 6) return [];
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      return fields(def.innerType, prefix, depth);
    case 'pipe':
      return fields(def.in, prefix, depth);
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
      const out: Array<{ path: FieldPath; schema: unknown }> = [];
      for (const [key, value] of Object.entries(shape)) {
        out.push({ path: [...prefix, key], schema: value });
        out.push(...fields(value, [...prefix, key], depth + 1));
      }
      return out;
    }
    case 'array':
      return fields(def.element, [...prefix, 0], depth + 1);
    case 'union': {
      const seen = new Map<string, { path: FieldPath; schema: unknown }>();
      for (const option of def.options as unknown[])
        for (const f of fields(option, prefix, depth)) {
          const key = JSON.stringify(f.path);
          if (!seen.has(key)) seen.set(key, f);
        }
      return [...seen.values()];
    }
    default:
      return [];
  }
}

/**
 * Whether a field takes free text (the strings reach the handler and the database); an enum, number, date or id
 * refuses them all in validation, the same validator for every route.
 */
function takesText(schema: unknown): boolean {
  return schema instanceof ZodType && schema.safeParse('Some free text, with spaces.').success;
}

/** One in `every` of the values, which ones turning with `turn`: each value still meets that share of the fields. */
const share = <T>(values: readonly T[], every: number, turn: number): T[] =>
  values.filter((_, i) => (i + turn) % every === 0);

function setPath(body: unknown, path: Array<string | number>, value: unknown): unknown {
  const root: unknown = structuredClone(body ?? {});
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return root;
}

describeEachDialect('hostile input to every API route', (get, dialect) => {
  // PostgreSQL runs the strings its storage treats differently: NUL (text cannot hold it), broken UTF-16 (its UTF-8
  // refuses it), length (index rows), quoting and LIKE escapes, a four-byte character, control characters, numbers
  // and dates it could be asked to cast, the empty string. SQLite runs them all: the code above the database is the
  // same for both.
  const STRINGS =
    dialect === 'sqlite'
      ? HOSTILE_STRINGS
      : HOSTILE_STRINGS.filter((s) =>
          /NUL|surrogate|100k|SQL (quote|comment)|backslash|emoji|control|1e309|date|^empty$/i.test(s.name),
        );
  let app: FastifyInstance;
  let db: Db;
  const ids: Partial<Record<Actor | 'target', string>> = {};
  let n = 0;
  let tables: string[] = [];
  let editMeetingId = '';
  let editDate = '';
  /** Per route: the actors who get past authorization with a sound request, and that request's parts. */
  const plans: Array<{ route: RouteInfo; actors: Actor[]; body: unknown; contentType?: string }> = [];

  /** Sound bodies (so that the field under test, not a missing neighbour, decides); routes not listed get {}. */
  const baseBodies = (): Record<string, { body: unknown; contentType?: string }> => ({
    'POST /api/auth/sign-in': { body: { email: 'ada@example.edu', password: PASSWORD } },
    'POST /api/auth/password-reset': { body: { email: 'nobody@example.edu' } },
    'POST /api/auth/link-status': { body: { purpose: 'reset', token: 'not-a-token' } },
    'POST /api/auth/password-reset/complete': {
      body: { token: 'not-a-token', password: 'long enough password' },
    },
    'POST /api/auth/invitation/accept': { body: { token: 'not-a-token', password: 'long enough password' } },
    'POST /api/auth/setup': {
      body: { token: 'not-a-token', email: 'a@b.edu', name: 'A', password: 'long enough password' },
    },
    'PATCH /api/account': { body: { name: 'Same Name' } },
    'POST /api/account/password': { body: { currentPassword: PASSWORD, newPassword: PASSWORD } },
    'POST /api/join/status': { body: { token: 'not-a-token' } },
    'POST /api/join': { body: { token: 'not-a-token' } },
    'POST /api/join/request': { body: { token: 'not-a-token', email: 'x@example.edu', name: 'X' } },
    'POST /api/join/confirm/status': { body: { token: 'not-a-token' } },
    'POST /api/join/confirm': { body: { token: 'not-a-token', password: 'long enough password' } },
    'POST /api/courses/:slug/join-links': { body: { days: 7 } },
    'PATCH /api/courses/:slug/roster/:userId': { body: { role: 'student' } },
    'PUT /api/courses/:slug/roster/:userId/start': { body: { date: '2024-09-01' } },
    'POST /api/courses/:slug/roster/import/preview': {
      body: 'email,name\nnew@example.edu,New Person\n',
      contentType: 'text/csv',
    },
    'POST /api/courses/:slug/roster/import/apply': {
      body: 'email,name\nnew@example.edu,New Person\n',
      contentType: 'text/csv',
    },
    'POST /api/courses/:slug/roster/canvas/preview': {
      body: 'Student,ID,SIS User ID,SIS Login ID,Section\nNew Person,1,,new@example.edu,A\n',
      contentType: 'text/csv',
    },
    'POST /api/courses/:slug/roster/canvas/confirm': {
      body: 'Student,ID,SIS User ID,SIS Login ID,Section\nNew Person,1,,new@example.edu,A\n',
      contentType: 'text/csv',
    },
    'POST /api/admin/courses': { body: { slug: 'not-a-syllabus', syllabus: 'no schedule here' } },
    // Import review: a refused file (a read answers what it found; an apply refuses, writing nothing).
    'POST /api/courses/:slug/syllabus/read': { body: { source: 'no schedule here' } },
    'POST /api/courses/:slug/syllabus/apply': { body: { source: 'no schedule here' } },
    'POST /api/admin/syllabus/read': { body: { source: 'no schedule here' } },
    'POST /api/admin/courses/:slug/instructors': {
      body: { email: 'named@example.edu', name: 'Named Instructor' },
    },
    'PATCH /api/courses/:slug/deliverables/:key': { body: { graceMinutes: 0 } },
    'POST /api/courses/:slug/deliverables/:key/extensions': {
      body: { target: { kind: 'student', userId: ids.target }, dueAt: '2030-01-01T00:00:00Z' },
    },
    'POST /api/courses/:slug/submissions': {
      body: { deliverableKey: 'question', meetingDate: '2024-08-28', readingIndex: 0, text: 'Why?' },
    },
    'POST /api/courses/:slug/submissions/:submissionId/reviews': {
      body: { decision: 'returned', body: 'Narrow it.', resubmitBy: '2030-01-01T00:00:00Z' },
    },
    'PUT /api/courses/:slug/meetings/:date/attendance': {
      body: { marks: [{ userId: ids.target, status: 'present' }] },
    },
    'POST /api/courses/:slug/meetings/:date/check-in': { body: { code: 'ABC123' } },
    'POST /api/courses/:slug/groups/mine/invitations': { body: { userId: ids.target } },
    'POST /api/courses/:slug/groups/move': { body: { userId: ids.target, target: null } },
    'POST /api/courses/:slug/groups/formation/plan': { body: { seed: 1 } },
    'POST /api/courses/:slug/groups/formation/apply': { body: { planId: 'no-such-plan' } },
    'PUT /api/courses/:slug/groups/mine/preferences': { body: { meetingIds: [] } },
    'POST /api/courses/:slug/assignment/plan': { body: { timeLimitSeconds: 1 } },
    'POST /api/courses/:slug/assignment/apply': { body: { planId: 'no-such-plan' } },
    'PUT /api/courses/:slug/assignment/roles': {
      body: { meetingId: 'no-such-meeting', groupId: 'no-such-group', role: 'presenter' },
    },
    'POST /api/courses/:slug/assignment/locks': {
      body: { meetingId: 'no-such-meeting', groupId: 'no-such-group', locked: true },
    },
    'POST /api/courses/:slug/assignment/exclusions': {
      body: { meetingId: 'no-such-meeting', groupId: 'no-such-group', excluded: true },
    },
    'POST /api/courses/:slug/assignment/publish': { body: { published: false } },
    'PATCH /api/courses/:slug/grades/categories/:key': { body: { weight: '10', name: 'Participation' } },
    'POST /api/courses/:slug/grades/items': {
      body: { categoryKey: 'participation', title: 'Adjustment', pointsPossible: '5' },
    },
    'PUT /api/courses/:slug/grades/items/:itemId/scores': {
      body: { subject: { kind: 'student', userId: ids.target }, points: '1', comment: 'Good.' },
    },
    'POST /api/courses/:slug/grades/items/:itemId/release': { body: { released: false } },
    'POST /api/courses/:slug/grades/items/:itemId/regrades': { body: { reason: 'Please look again.' } },
    'POST /api/courses/:slug/grades/regrades/:regradeId/answer': { body: { answer: 'Kept.' } },
    'PUT /api/courses/:slug/meetings/:date/peer-feedback': {
      body: { scores: { content: 4, clarity: 4, timing: 4, questions: 4 }, comment: 'Good.' },
    },
    'PATCH /api/courses/:slug/peer-feedback/settings': { body: { counts: true, weight: '20' } },
    'POST /api/courses/:slug/deliverables/:key/meetings/:date/comments': {
      body: { version: 1, quote: { exact: 'attention', prefix: '', suffix: '' }, body: 'Why?' },
    },
    'POST /api/courses/:slug/comments/:threadId/replies': { body: { body: 'Good.' } },
    'PATCH /api/courses/:slug/comments/:threadId': { body: { resolved: true } },
    'POST /api/courses/:slug/edit/classes': {
      body: { date: '2024-12-25', startTime: '10:00', endTime: '11:00', title: 'Extra', unit: null },
    },
    'PATCH /api/courses/:slug/edit/classes/:meetingId': {
      body: { date: editDate, startTime: null, endTime: null, title: 'Renamed', unit: null },
    },
    'POST /api/courses/:slug/edit/classes/:meetingId/cancel': { body: { confirm: true } },
    'PUT /api/courses/:slug/edit/classes/:meetingId/readings': {
      body: { readings: [{ title: 'A paper', url: 'https://example.org/a', required: true, note: null }] },
    },
    'PUT /api/courses/:slug/edit/units': { body: { units: [{ title: 'Basics' }] } },
    'PUT /api/courses/:slug/edit/staff': {
      body: {
        staff: [{ name: 'Ada', role: 'instructor', officeHours: 'M 10–11' }],
        staffEmail: 'staff@example.edu',
      },
    },
    'PUT /api/courses/:slug/edit/policies': {
      body: { policies: [{ title: 'Laptops', markdown: 'Closed.' }] },
    },
    'POST /api/courses/:slug/meetings/:date/room/timer': { body: { action: 'reset', minutes: 30 } },
    'POST /api/courses/:slug/meetings/:date/room/phase': { body: { phase: 'panel' } },
    'POST /api/courses/:slug/meetings/:date/room/questions': { body: { paperIndex: 0, text: 'Why?' } },
    'POST /api/courses/:slug/meetings/:date/room/questions/:questionId/status': {
      body: { status: 'answered' },
    },
    'POST /api/courses/:slug/meetings/:date/room/critique': { body: { text: 'Weak baselines.' } },
    'PATCH /api/courses/:slug/meetings/:date/room/critique/:pointId': {
      body: { text: 'Weak.', ticked: true },
    },
    'POST /api/courses/:slug/meetings/:date/room/projector': { body: { showCheckInCode: false } },
    'PUT /api/courses/:slug/room-settings': { body: { timerMinutes: 30, anonymousQuestions: true } },
  });

  /** Sound values of path parameters. */
  const soundParams = (): Record<string, string> => ({
    slug: SLUG,
    userId: ids.target!,
    linkId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    invitationId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    key: 'summary',
    date: '2024-08-28',
    submissionId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    extensionId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    itemId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    regradeId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    meetingId: editMeetingId,
  });

  /** The URL with its parameters filled in, and the query a sound request needs (roster apply, Canvas confirm: a fingerprint). */
  function pathOf(url: string, params: Record<string, string>, query = true): string {
    const path = url.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? 'x');
    return query && /\/(import\/apply|canvas\/confirm)$/.test(url) ? `${path}?fingerprint=stale` : path;
  }

  let known: Map<string, number> | null = null;
  /** SQLite's full-text tables (virtual: no triggers on them), counted row by row; their shadow tables are left out. */
  let virtualTables: string[] = [];
  /** Net rows each table gained since the suite began, as far as the tally was read (up to `tallied`). */
  const totals = new Map<string, number>();
  let tallied = 0;
  /** Rows of each table: the net rows it gained since the suite began (from the tally) or, for a virtual table, its count. */
  async function counts(): Promise<Map<string, number>> {
    const { rows } = await sql<{ t: string; n: number | string; top: number | string }>`
      select t, sum(d) as n, max(id) as top from hostile_row_tally where id > ${tallied} group by t`.execute(
      db,
    );
    for (const r of rows) {
      totals.set(r.t, (totals.get(r.t) ?? 0) + Number(r.n));
      tallied = Math.max(tallied, Number(r.top));
    }
    const out = new Map(tables.map((t) => [t, totals.get(t) ?? 0]));
    for (const t of virtualTables) {
      const { rows: counted } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(
        db,
      );
      out.set(t, Number(counted[0]!.n));
    }
    return out;
  }

  /**
   * Counting every table's rows around each refused write took most of this suite's time on PostgreSQL (a scan of
   * 60 tables per request): instead each table's inserts and deletes append +1 / -1 to a tally (appends only, so the
   * app's own transactions never wait on one another for it), and a count reads what was appended since the last.
   */
  async function tallyRows(): Promise<void> {
    if (dialect === 'sqlite') {
      const { rows } = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(
        db,
      );
      virtualTables = rows.map((r) => r.name);
      tables = tables.filter((t) => !virtualTables.some((v) => t.startsWith(`${v}_`)));
    }
    await sql`${sql.raw(
      `create table hostile_row_tally (id ${dialect === 'postgres' ? 'bigserial' : 'integer'} primary key, t text not null, d integer not null)`,
    )}`.execute(db);
    const real = tables.filter((t) => !virtualTables.includes(t));
    if (dialect === 'postgres') {
      await sql`create function hostile_tally() returns trigger language plpgsql as $$
        begin
          insert into hostile_row_tally (t, d) values (TG_TABLE_NAME, case when TG_OP = 'INSERT' then 1 else -1 end);
          return null;
        end $$`.execute(db);
      for (const t of real)
        await sql`${sql.raw(`create trigger hostile_tally after insert or delete on "${t}" for each row execute function hostile_tally()`)}`.execute(
          db,
        );
      return;
    }
    for (const t of real)
      for (const [op, d] of [
        ['insert', 1],
        ['delete', -1],
      ] as const)
        await sql`${sql.raw(
          `create trigger "hostile_${op}_${t}" after ${op} on "${t}" begin insert into hostile_row_tally (t, d) values ('${t}', ${d}); end`,
        )}`.execute(db);
  }

  /**
   * Sessions reused per actor (creating one per request made this suite the slowest of the run);
   * dropped after any write to the account, auth and admin routes, which may end sessions.
   */
  const sessionsOf = new Map<Actor, Record<string, string>>();
  const mayEndSessions = (method: string, url: string) =>
    method !== 'GET' && /^\/api\/(auth|account|admin)(\/|$|\?)/.test(url);

  async function headersFor(actor: Actor): Promise<Record<string, string>> {
    const cached = sessionsOf.get(actor);
    if (cached) return { ...cached };
    const headers: Record<string, string> = { 'x-csrf-token': 'anon-csrf-token-0123456789' };
    let cookie = `seminar_csrf=${headers['x-csrf-token']}`;
    if (actor !== 'anonymous') {
      const session = await createSession(db, ids[actor]!, NOW, { ip: null, userAgent: 'hostile' });
      headers['x-csrf-token'] = session.csrfToken;
      cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
    }
    headers.cookie = cookie;
    sessionsOf.set(actor, headers);
    return { ...headers };
  }

  interface Shot {
    actor: Actor;
    method: string;
    url: string;
    payload?: string | Buffer;
    contentType?: string;
    what: string;
    /** Headers that replace the actor's (a hostile cookie, token, forwarded address). */
    headers?: Record<string, string>;
  }

  /** The least and the most privileged actor who reach a route (the two sides that differ most), to bound the request count. */
  const sides = (actors: Actor[]): Actor[] => [
    ...new Set([actors[0], actors.at(-1)].filter((a): a is Actor => a !== undefined)),
  ];

  /** A plan's sound body as sent: text as it is, JSON stringified, or none. */
  const bodyOf = (plan: { body: unknown }): string | undefined =>
    plan.body === undefined
      ? undefined
      : typeof plan.body === 'string'
        ? plan.body
        : JSON.stringify(plan.body);

  /**
   * Each value once, taken in turns by the actors (the turn shifted by `offset`, a field's or parameter's number), so
   * every value meets both sides across a route's fields and every side meets most values, at half the requests of
   * sending every value as every actor.
   */
  const inTurns = <V>(actors: Actor[], values: readonly V[], offset: number): Array<[Actor, V]> =>
    actors.length === 0 ? [] : values.map((v, i) => [actors[(i + offset) % actors.length]!, v]);

  /** Sends one request and returns a failure description, or null when the answer is sound. */
  async function shoot(shot: Shot): Promise<string | null> {
    const headers = { ...(await headersFor(shot.actor)), ...shot.headers };
    if (shot.contentType) headers['content-type'] = shot.contentType;
    const writes = shot.method !== 'GET';
    // The counts after a refused write are the counts before the next one: counted again only after a request
    // that may have written (an accepted write, or any read, since a read may create rows lazily).
    const before = writes ? (known ?? (await counts())) : null;
    known = null;
    n++;
    reachedHandler = false;
    const res = await app.inject({
      method: shot.method as never,
      url: shot.url,
      headers,
      remoteAddress: `10.${Math.floor(n / 62500) % 250}.${Math.floor(n / 250) % 250}.${n % 250}`,
      ...(shot.payload === undefined ? {} : { payload: shot.payload }),
    });
    if (mayEndSessions(shot.method, shot.url)) sessionsOf.clear();
    const where = `${shot.method} ${shot.url.slice(0, 120)} as ${shot.actor} [${shot.what}]`;
    if (res.statusCode >= 500) return `${where}: ${res.statusCode} ${res.body.slice(0, 300)}`;
    if (res.statusCode >= 400) {
      if (!String(res.headers['content-type'] ?? '').startsWith('application/json'))
        return `${where}: ${res.statusCode} without JSON (${res.headers['content-type']})`;
      let parsed: { error?: { code?: unknown; message?: unknown } };
      try {
        parsed = JSON.parse(res.body) as typeof parsed;
      } catch {
        return `${where}: ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 200)}`;
      }
      if (
        typeof parsed.error?.code !== 'string' ||
        typeof parsed.error.message !== 'string' ||
        parsed.error.message === ''
      )
        return `${where}: ${res.statusCode} without the error envelope: ${res.body.slice(0, 200)}`;
      // Refused by validation, before any handler ran: nothing can have been written, the counts still hold.
      if (before && !reachedHandler) known = before;
      else if (before) {
        const after = await counts();
        known = after;
        const changed = tables.filter((t) => !MAY_CHANGE_ON_4XX.has(t) && after.get(t) !== before.get(t));
        if (changed.length > 0)
          return `${where}: ${res.statusCode} but wrote rows in ${changed.map((t) => `${t} ${before.get(t)}→${after.get(t)}`).join(', ')}`;
      }
    }
    for (const name of Object.keys(res.headers))
      if (name.toLowerCase() === 'set-cookie' && String(res.headers[name]).includes('evil'))
        return `${where}: header injected`;
    return null;
  }

  beforeAll(async () => {
    db = get().db;
    const world = await buildWorkWorld(db, NOW);
    // The course editor's routes act on the last class (the other routes use the first ones).
    const last = (await loadCourse(db, SLUG))!.meetings.at(-1)!;
    editMeetingId = last.id;
    editDate = last.date;
    await saveCourse(db, 'other-course', buildCourse({ title: 'Another Seminar' }), NOW.toISOString());
    const other = (await findCourseRef(db, 'other-course'))!;
    ids.student = world.ids.ada;
    ids.target = world.ids.dan;
    ids.ta = world.ids.ta;
    ids.instructor = world.ids.prof;
    ids.otherStudent = (
      await makePerson(db, NOW, 'other@example.edu', { courseId: other.id, role: 'student' })
    ).id;
    ids.admin = (await makePerson(db, NOW, 'admin@example.edu', { admin: true })).id;
    registered.length = 0;
    app = await buildApp({ config: get().config, db, clock: () => NOW });
    await app.ready();
    // Only this file's own tables: on PostgreSQL other schemas (other suites running at once) are not ours to count.
    const own =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
        : undefined;
    tables = (await db.introspection.getTables())
      .filter((t) => own === undefined || t.schema === own)
      .map((t) => t.name)
      .filter((t) => !t.startsWith('kysely_'));
    await tallyRows();
    // Who reaches each route: a sound request per actor; refused ones (401/403) are not sent hostile input.
    const bodies = baseBodies();
    const seen = new Set<string>();
    for (const route of registered) {
      const key = `${route.method} ${route.url}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const base = bodies[key];
      const body = base?.body ?? (route.schema?.body ? {} : undefined);
      const actors: Actor[] = [];
      for (const actor of ACTORS) {
        const headers = await headersFor(actor);
        if (body !== undefined) headers['content-type'] = base?.contentType ?? 'application/json';
        n++;
        const res = await app.inject({
          method: route.method as never,
          url: pathOf(route.url, soundParams()),
          headers,
          remoteAddress: `10.250.${Math.floor(n / 250) % 250}.${n % 250}`,
          ...(body === undefined
            ? {}
            : { payload: (typeof body === 'string' ? body : JSON.stringify(body)) as never }),
        });
        if (mayEndSessions(route.method, route.url)) sessionsOf.clear();
        if (res.statusCode !== 401 && res.statusCode !== 403) actors.push(actor);
      }
      plans.push({ route, actors, body, ...(base?.contentType ? { contentType: base.contentType } : {}) });
    }
  }, LONG);
  afterAll(async () => {
    await app?.close();
  });

  it('finds the API routes and who reaches them', () => {
    expect(plans.length).toBeGreaterThan(50);
    // Sign-out everywhere and sign-out are reached by everyone signed in; staff routes by staff only.
    const roster = plans.find((p) => p.route.method === 'GET' && p.route.url === '/api/courses/:slug/roster');
    expect(roster?.actors).toEqual(['ta', 'instructor', 'admin']);
  });

  it(
    'answers hostile path parameters with a 4xx envelope or a sound answer, never a 500, and writes nothing on a 4xx',
    async () => {
      const failures: string[] = [];
      for (const [planIndex, plan] of plans.entries()) {
        const names = [...plan.route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
        for (const [nameIndex, name] of names.entries()) {
          // A path parameter is a lookup, by the same few reads on every route that has it: one that takes free
          // text (ids, keys) takes half the strings, one that validation constrains (`:slug`, dates) a quarter, in
          // turns from route to route, so every string still meets each parameter on dozens of routes.
          const shape = (plan.route.schema?.params as { shape?: Record<string, unknown> } | undefined)?.shape;
          const strings = share(STRINGS, takesText(shape?.[name]) ? 2 : 4, planIndex);
          for (const [actor, s] of inTurns(sides(plan.actors), strings, nameIndex + planIndex)) {
            const url = pathOf(plan.route.url, { ...soundParams(), [name]: encodeParam(s.value) });
            const payload = bodyOf(plan);
            const failure = await shoot({
              actor,
              method: plan.route.method,
              url,
              ...(payload === undefined ? {} : { payload }),
              contentType: plan.contentType ?? (payload === undefined ? undefined : 'application/json'),
              what: `param ${name} = ${s.name}`,
            } as Shot);
            if (failure) failures.push(failure);
          }
          // Raw escapes that decode to NUL, to a bad sequence, or to a slash.
          for (const raw of ['%00', '%', '%E0%A4%A', '%2F..%2F..', '%C0%AE%C0%AE', '%FF%FE']) {
            const url = pathOf(plan.route.url, { ...soundParams(), [name]: raw });
            const failure = await shoot({
              actor: plan.actors.at(-1) ?? 'anonymous',
              method: plan.route.method,
              url,
              what: `raw param ${name} = ${raw}`,
            });
            if (failure) failures.push(failure);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );

  it(
    'answers hostile query parameters (and repeated ones) without a 500',
    async () => {
      const failures: string[] = [];
      for (const plan of plans) {
        const qs = plan.route.schema?.querystring;
        // A route that declares no query ignores unknown keys above the database: SQLite's run shows that.
        if (!qs && dialect === 'postgres') continue;
        const keys = qs
          ? fieldPaths(qs)
              .filter((p) => p.length === 1)
              .map((p) => String(p[0]))
          : ['q'];
        // Routes without a query schema ignore unknown keys: a few strings show that, the full list goes to declared keys.
        const strings = qs ? STRINGS : STRINGS.filter((s) => /NUL|100k|traversal|CRLF|lone/.test(s.name));
        const base = pathOf(plan.route.url, soundParams(), false);
        const payload = bodyOf(plan);
        const extra =
          payload === undefined ? {} : { payload, contentType: plan.contentType ?? 'application/json' };
        for (const [keyIndex, key] of keys.entries()) {
          const actors = qs ? plan.actors : sides(plan.actors);
          for (const [actor, s] of inTurns(actors, strings, keyIndex)) {
            const failure = await shoot({
              actor,
              method: plan.route.method,
              url: `${base}?${key}=${encodeParam(s.value)}`,
              ...extra,
              what: `query ${key} = ${s.name}`,
            });
            if (failure) failures.push(failure);
          }
          for (const actor of actors) {
            const failure = await shoot({
              actor,
              method: plan.route.method,
              url: `${base}?${key}=a&${key}=b&${key}[x]=c`,
              ...extra,
              what: `query ${key} repeated`,
            });
            if (failure) failures.push(failure);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );

  it(
    'answers hostile strings and wrongly typed values in every body field without a 500, and writes nothing on a 4xx',
    async () => {
      const failures: string[] = [];
      for (const [planIndex, plan] of plans.entries()) {
        const url = pathOf(plan.route.url, soundParams());
        if (typeof plan.body === 'string') {
          // A text body (CSV): each hostile string is the whole body, and a line of it.
          // The whole body takes its turn with one actor, the line with the other.
          const wholes = inTurns(sides(plan.actors), STRINGS, 0).map(([a, s]) => [a, s, s.value] as const);
          const lines = inTurns(sides(plan.actors), STRINGS, 1).map(
            ([a, s]) => [a, s, `email,name\n${s.value},${s.value}\n`] as const,
          );
          for (const [actor, s, payload] of [...wholes, ...lines]) {
            const failure = await shoot({
              actor,
              method: plan.route.method,
              url,
              payload,
              contentType: plan.contentType!,
              what: `text body ${s.name}`,
            });
            if (failure) failures.push(failure);
          }
          continue;
        }
        // Wrongly typed values are refused by validation above the database: SQLite's run sends them, PostgreSQL's need not.
        const wrongTypes = dialect === 'sqlite' ? HOSTILE_VALUES : [];
        for (const [pathIndex, { path, schema }] of fields(plan.route.schema?.body).entries()) {
          // Free text takes half the strings, a field that validation constrains (an enum, number, date, id) a
          // quarter, in turns from field to field and route to route, so that every string still meets each kind of
          // field on dozens of routes.
          const strings = share(STRINGS, takesText(schema) ? 2 : 4, pathIndex + planIndex);
          const values: Array<Hostile | { name: string; value: unknown }> = [...strings, ...wrongTypes];
          for (const [actor, v] of inTurns(sides(plan.actors), values, pathIndex)) {
            const payload = JSON.stringify(setPath(plan.body, path, v.value));
            const failure = await shoot({
              actor,
              method: plan.route.method,
              url,
              payload,
              contentType: 'application/json',
              what: `body ${path.join('.')} = ${v.name}`,
            });
            if (failure) failures.push(failure);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );

  it(
    'answers hostile headers (cookies, CSRF tokens, forwarded addresses, conditional and encoding headers) without a 500',
    async () => {
      const failures: string[] = [];
      const session = await createSession(db, ids.student!, NOW, { ip: null, userAgent: 'hostile' });
      const good = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
      const variants: Array<{ what: string; headers: Record<string, string> }> = [
        {
          what: 'garbage session',
          headers: { cookie: 'seminar_session=%00%ff; seminar_csrf=x', 'x-csrf-token': 'x' },
        },
        {
          what: 'huge session',
          headers: { cookie: `seminar_session=${'a'.repeat(6000)}; seminar_csrf=x`, 'x-csrf-token': 'x' },
        },
        {
          what: 'malformed cookie header',
          headers: { cookie: ';;;=;=x; =; seminar_session', 'x-csrf-token': '' },
        },
        {
          what: 'duplicate cookies',
          headers: {
            cookie: `${good}; seminar_session=other; seminar_csrf=other`,
            'x-csrf-token': session.csrfToken,
          },
        },
        {
          what: 'quoted cookie',
          headers: {
            cookie: `seminar_session="${session.token}"; seminar_csrf="${session.csrfToken}"`,
            'x-csrf-token': session.csrfToken,
          },
        },
        { what: 'wrong csrf', headers: { cookie: good, 'x-csrf-token': 'é'.repeat(300) } },
        {
          what: 'hostile forwarded-for',
          headers: {
            cookie: good,
            'x-csrf-token': session.csrfToken,
            'x-forwarded-for': "'; DROP TABLE sessions; --, ::ffff:999.1.1.1, é",
          },
        },
        {
          what: 'long user agent',
          headers: {
            cookie: good,
            'x-csrf-token': session.csrfToken,
            'user-agent': 'Mozilla/5.0 ' + 'x'.repeat(8000),
          },
        },
        {
          what: 'odd conditionals',
          headers: {
            cookie: good,
            'x-csrf-token': session.csrfToken,
            'if-none-match': 'W/"\\"*, "',
            'if-modified-since': 'yesterday',
            range: 'bytes=999999999-1',
          },
        },
        {
          what: 'odd encodings',
          headers: {
            cookie: good,
            'x-csrf-token': session.csrfToken,
            'accept-encoding': 'br;q=NaN, gzip;q=-1, *;q=1e309',
            accept: '*/*;q=x',
          },
        },
        {
          what: 'hostile accept-language',
          headers: {
            cookie: good,
            'x-csrf-token': session.csrfToken,
            'accept-language': '../../etc/passwd;q=1, *',
          },
        },
      ];
      for (const [planIndex, plan] of plans.entries()) {
        const url = pathOf(plan.route.url, soundParams());
        const payload = bodyOf(plan);
        // Headers are read above the database: PostgreSQL's run sends each route half of them, in turns.
        for (const v of dialect === 'postgres' ? share(variants, 2, planIndex) : variants) {
          if (plan.route.url.includes('sign-out') && !v.what.startsWith('garbage')) continue;
          const failure = await shoot({
            actor: 'anonymous',
            method: plan.route.method,
            url,
            headers: v.headers,
            ...(payload === undefined
              ? {}
              : { payload, contentType: plan.contentType ?? 'application/json' }),
            what: v.what,
          });
          if (failure) failures.push(failure);
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );

  it(
    'answers malformed bodies (broken JSON, wrong content types, huge, duplicate keys, arrays for objects) with a 4xx envelope',
    async () => {
      const failures: string[] = [];
      const big = JSON.stringify({ text: 'a'.repeat(2 * 1024 * 1024) });
      const bodies: Array<{ what: string; payload: string | Buffer; contentType: string }> = [
        { what: 'truncated JSON', payload: '{"a":', contentType: 'application/json' },
        { what: 'not JSON', payload: 'hello', contentType: 'application/json' },
        { what: 'empty JSON body', payload: '', contentType: 'application/json' },
        { what: 'JSON null', payload: 'null', contentType: 'application/json' },
        { what: 'JSON number', payload: '1e309', contentType: 'application/json' },
        { what: 'JSON string', payload: '"x"', contentType: 'application/json' },
        { what: 'array for object', payload: '[]', contentType: 'application/json' },
        { what: 'array of objects', payload: '[{}]', contentType: 'application/json' },
        {
          what: 'duplicate keys',
          payload: '{"a":1,"a":2,"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}',
          contentType: 'application/json',
        },
        {
          what: 'deep nesting',
          payload: '['.repeat(100_000) + ']'.repeat(100_000),
          contentType: 'application/json',
        },
        { what: 'huge body', payload: big, contentType: 'application/json' },
        { what: 'BOM before JSON', payload: '\ufeff{}', contentType: 'application/json' },
        {
          what: 'invalid UTF-8',
          payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          contentType: 'application/json',
        },
        { what: 'charset lie', payload: '{}', contentType: 'application/json; charset=utf-16' },
        { what: 'form encoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
        { what: 'text plain', payload: '{}', contentType: 'text/plain' },
        { what: 'xml', payload: '<a/>', contentType: 'application/xml' },
        { what: 'multipart without boundary', payload: '--x\r\n', contentType: 'multipart/form-data' },
        { what: 'hostile content type', payload: '{}', contentType: 'application/json\r\nx-evil: 1' },
        { what: 'empty content type', payload: '{}', contentType: '' },
      ];
      for (const [planIndex, plan] of plans.entries()) {
        if (plan.route.method === 'GET' || plan.route.method === 'DELETE') continue;
        const url = pathOf(plan.route.url, soundParams());
        // Bodies are parsed above the database: PostgreSQL's run sends each route half of them, in turns.
        for (const b of dialect === 'postgres' ? share(bodies, 2, planIndex) : bodies) {
          const actor = plan.actors.at(-1) ?? 'anonymous';
          const failure = await shoot({
            actor,
            method: plan.route.method,
            url,
            payload: b.payload,
            contentType: b.contentType,
            what: b.what,
          });
          if (failure) failures.push(failure);
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );

  it(
    'still answers every read, as every actor, after all the hostile writes that were accepted',
    async () => {
      const failures: string[] = [];
      for (const plan of plans.filter((p) => p.route.method === 'GET')) {
        for (const actor of ACTORS) {
          const failure = await shoot({
            actor,
            method: 'GET',
            url: pathOf(plan.route.url, soundParams()),
            what: 'read after hostile writes',
          });
          if (failure) failures.push(failure);
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );
});
