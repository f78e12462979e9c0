// Comments on summary passages over HTTP on both dialects: staff and the group comment, reply, resolve; a new version re-anchors
// or outdates; a late joiner sees the comments, a student moved out and classmates never do; staff comments are mailed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/http/app.js';
import { MailQueueWorker } from '../../src/mail/queue.js';
import { renderSummaryCommentMail, SUMMARY_COMMENT_MAIL } from '../../src/services/comments/mail.js';
import type { MailJobRow } from '../../src/storage/repositories/mail-queue.js';
import { describeEachDialect } from '../support/dialects.js';
import { startSmtpSink, unquote, type SmtpSink } from '../support/smtp-sink.js';
import { TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const AFTER_CLASS = new Date('2024-08-28T18:00:00Z'); // Aug 28, after class; the summary is due Aug 29 10:45 Chicago

const V1 = [
  '# Summary',
  '',
  'The paper shows that **attention is all you need** for translation.',
  '',
  'Training took three days on eight GPUs.',
].join('\n');
// Version 2 keeps the first passage (re-wrapped) and drops the second.
const V2 = [
  '# Summary',
  '',
  'A new opening paragraph.',
  '',
  'The paper shows that attention is',
  'all you need for translation.',
].join('\n');

describeEachDialect('comments on summary passages', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let sink: SmtpSink;
  let clients: Record<string, TestClient> = {};
  const now = AFTER_CLASS;
  const api = `/api/courses/${SLUG}`;
  const comments = `${api}/deliverables/summary/meetings/2024-08-28/comments`;
  const beta = () => `g:${world.groups.beta}`;
  const threadIds: Record<string, string> = {};

  beforeAll(async () => {
    const { config, db } = get();
    sink = await startSmtpSink();
    world = await buildWorkWorld(db, new Date('2024-08-20T12:00:00Z'));
    app = await buildApp({ config: { ...config, smtpUrl: sink.url }, db, clock: () => now });
    await app.ready();
    clients = await signInWorld(app, world);
    clients.anon = new TestClient(app, '198.51.100.99');
    await clients.anon.get('/api/auth/session'); // the CSRF cookie, so that 401 (not the CSRF check) answers
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  const handIn = (text: string) =>
    clients.cat!.post(`${api}/submissions`, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      text,
      acknowledgePolicy: true,
    });
  const threadCount = async () =>
    (await clients.ta!.get(`${comments}?owner=${encodeURIComponent(beta())}`)).json().threads.length;
  const patch = (c: TestClient, url: string, payload: unknown) =>
    c.request({ method: 'PATCH', url, payload: payload as never });
  const quote = (exact: string, prefix = '', suffix = '') => ({ exact, prefix, suffix });

  it('shows the group and staff an empty summary before anything is handed in', async () => {
    const res = await clients.cat!.get(comments);
    expect(res.statusCode).toBe(200);
    expect(res.json().handIn.latest).toBeNull();
    expect(res.json().threads).toEqual([]);
    const staff = await clients.ta!.get(comments);
    expect(staff.statusCode).toBe(400);
    expect(staff.json().error.message).toMatch(/whose summary/);
  });

  it('lets staff comment on a passage of the rendered summary, mailing the group through the queue', async () => {
    expect((await handIn(V1)).statusCode).toBe(201);
    const res = await clients.ta!.post(comments, {
      owner: beta(),
      version: 1,
      quote: quote('attention is all you need', 'The paper shows that ', ' for translation.'),
      body: 'Say **why** — cite the ablation.',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.handIn.latest.version).toBe(1);
    expect(body.handIn.latest.html).toContain('<strong>attention is all you need</strong>');
    const [t] = body.threads;
    expect(t).toMatchObject({
      state: 'anchored',
      writtenOnVersion: 1,
      author: { name: 'Ta', staff: true },
      quote: { exact: 'attention is all you need' },
      resolved: false,
    });
    expect(t.bodyHtml).toContain('<strong>why</strong>');
    threadIds.staff = t.id;

    const jobs = await (get().db as unknown as Kysely<{ mail_queue: MailJobRow }>)
      .selectFrom('mail_queue')
      .selectAll()
      .where('kind', '=', SUMMARY_COMMENT_MAIL)
      .execute();
    expect(jobs.map((j) => j.user_id)).toEqual([world.ids.cat]);
    const worker = new MailQueueWorker({
      db: get().db,
      mailer: app.auth.mailer,
      renderers: { [SUMMARY_COMMENT_MAIL]: renderSummaryCommentMail },
      clock: () => now,
      batch: 10,
    });
    await worker.drainOnce();
    const mail = sink.received.find((m) => m.to.includes('cat@example.edu'));
    expect(mail).toBeDefined();
    const text = unquote(mail!.raw);
    expect(text).toContain('> attention is all you need');
    expect(text).toContain('cite the ablation');
  });

  it('lets the group read staff comments, comment on its own, reply and resolve', async () => {
    const mine = await clients.cat!.get(comments);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().threads.map((t: { id: string }) => t.id)).toEqual([threadIds.staff]);
    const own = await clients.cat!.post(comments, {
      version: 1,
      quote: quote('three days'),
      body: 'Check this number.',
    });
    expect(own.statusCode).toBe(201);
    threadIds.own = own.json().threads[1].id;
    expect(own.json().threads[1]).toMatchObject({ author: { name: 'Cat', staff: false } });
    const reply = await clients.cat!.post(`${api}/comments/${threadIds.staff}/replies`, {
      body: 'Added the ablation.',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().threads[0].replies).toMatchObject([
      { author: { name: 'Cat' }, body: 'Added the ablation.' },
    ]);
    const resolved = await patch(clients.cat!, `${api}/comments/${threadIds.staff}`, { resolved: true });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().threads[0]).toMatchObject({ resolved: true, resolvedBy: 'Cat' });
    const reopened = await patch(clients.ta!, `${api}/comments/${threadIds.staff}`, { resolved: false });
    expect(reopened.json().threads[0]).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('refuses classmates, visitors and people of no group on every route, with nothing written', async () => {
    const before = await threadCount();
    for (const who of ['ada', 'dan'] as const) {
      const c = clients[who]!;
      const read = await c.get(`${comments}?owner=${encodeURIComponent(beta())}`);
      expect(read.statusCode).toBe(403);
      // Without an owner a student reads their own hand-in: none of Beta's threads.
      expect((await c.get(comments)).json().threads).toEqual([]);
      const post = await c.post(comments, {
        owner: beta(),
        version: 1,
        quote: quote('three days'),
        body: 'Sneaky.',
      });
      expect(post.statusCode).toBe(403);
      expect((await c.post(`${api}/comments/${threadIds.staff}/replies`, { body: 'x' })).statusCode).toBe(
        403,
      );
      expect((await patch(c, `${api}/comments/${threadIds.staff}`, { resolved: true })).statusCode).toBe(403);
    }
    expect((await clients.anon!.get(`${comments}?owner=${encodeURIComponent(beta())}`)).statusCode).toBe(401);
    expect(
      (await patch(clients.anon!, `${api}/comments/${threadIds.staff}`, { resolved: true })).statusCode,
    ).toBe(401);
    expect(await threadCount()).toBe(before);
  });

  it('refuses a passage not in the summary, a stale version and an empty body with a message, writing nothing', async () => {
    const before = await threadCount();
    const cases = [
      [{ version: 1, quote: quote('not in the text at all'), body: 'x' }, 400, /not in the summary/],
      [{ version: 9, quote: quote('three days'), body: 'x' }, 409, /reload/],
      [{ version: 1, quote: quote('three days'), body: '   ' }, 400, /Write a comment/],
      [{ version: 1, quote: quote('  '), body: 'x' }, 400, /Select a passage/],
    ] as const;
    for (const [input, status, message] of cases) {
      const res = await clients.ta!.post(comments, { owner: beta(), ...input });
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    expect(await threadCount()).toBe(before);
  });

  it('keeps hostile Markdown inert in the rendered comment', async () => {
    const res = await clients.ta!.post(comments, {
      owner: beta(),
      version: 1,
      quote: quote('Training took'),
      body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(res.statusCode).toBe(201);
    const html = res.json().threads.at(-1).bodyHtml as string;
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
    threadIds.hostile = res.json().threads.at(-1).id;
  });

  it('re-anchors a comment whose passage survives a new version and outdates one whose passage is gone', async () => {
    expect((await handIn(V2)).statusCode).toBe(201);
    const res = await clients.cat!.get(comments);
    expect(res.json().handIn.latest.version).toBe(2);
    const byId = new Map(res.json().threads.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(threadIds.staff)).toMatchObject({
      state: 'anchored',
      writtenOnVersion: 1,
      anchor: { exact: 'attention is\nall you need' },
    });
    expect(byId.get(threadIds.own)).toMatchObject({
      state: 'outdated',
      anchor: null,
      quote: { exact: 'three days' },
    });
    // A comment on version 1 is now refused: the group handed in version 2.
    const stale = await clients.ta!.post(comments, {
      owner: beta(),
      version: 1,
      quote: quote('opening'),
      body: 'x',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('shows the comments to a member who joins late and hides them from one moved out', async () => {
    const move = async (userId: string, target: string | null) =>
      expect((await clients.ta!.post(`${api}/groups/move`, { userId, target })).statusCode).toBeLessThan(300);
    await move(world.ids.dan, world.groups.beta);
    const dan = await clients.dan!.get(comments);
    expect(dan.statusCode).toBe(200);
    expect(dan.json().threads.map((t: { id: string }) => t.id)).toContain(threadIds.staff);
    expect(
      (await clients.dan!.post(`${api}/comments/${threadIds.staff}/replies`, { body: 'Me too.' })).statusCode,
    ).toBe(201);

    await move(world.ids.cat, null);
    expect((await clients.cat!.get(`${comments}?owner=${encodeURIComponent(beta())}`)).statusCode).toBe(403);
    expect((await clients.cat!.get(comments)).json().threads).toEqual([]);
    expect(
      (await clients.cat!.post(`${api}/comments/${threadIds.staff}/replies`, { body: 'x' })).statusCode,
    ).toBe(403);
    // Staff still see everything, replies included.
    const staff = await clients.prof!.get(`${comments}?owner=${encodeURIComponent(beta())}`);
    const t = staff.json().threads.find((x: { id: string }) => x.id === threadIds.staff);
    expect(t.replies.map((r: { author: { name: string } }) => r.author.name)).toEqual(['Cat', 'Dan']);
  });

  it('tells the staff hand-ins view that a summary takes comments (it links the summary with its comments)', async () => {
    const res = await clients.ta!.get(
      `${api}/deliverables/summary/hand-ins?owner=${encodeURIComponent(beta())}&meetingDate=2024-08-28`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().deliverable).toMatchObject({ key: 'summary', kind: 'summary' });
  });

  it('answers 404 for a deliverable that is not a summary and a thread of no such id', async () => {
    const q = await clients.ta!.get(
      `${api}/deliverables/question/meetings/2024-08-28/comments?owner=${beta()}`,
    );
    expect(q.statusCode).toBe(404);
    expect(
      (await patch(clients.ta!, `${api}/comments/01JAAAAAAAAAAAAAAAAAAAAAAA`, { resolved: true })).statusCode,
    ).toBe(404);
  });
});
