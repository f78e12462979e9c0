// The grading queue over HTTP on SQLite and PostgreSQL: each owner's hand-in (summary text, PDF) beside their score, group members by id, and the PDF shown inline for the queue's viewer only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { buildCourse, SYLLABUS_COMPONENTS } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import type { TestClient } from './auth-client.js';
import { buildWorkWorld, multipart, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const NOW = new Date('2024-08-27T12:00:00Z');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('grading queue over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let clients: Record<string, TestClient> = {};
  const api = `/api/courses/${SLUG}`;
  let items: Json[] = [];
  let summaryId = '';
  let posterId = '';

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, NOW, buildCourse({ components: SYLLABUS_COMPONENTS }));
    app = await buildApp({ config, db, clock: () => NOW });
    await app.ready();
    clients = await signInWorld(app, world);
    const summary = await clients.cat!.post(`${api}/submissions`, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      text: '# Summary\n\nThe problem is <script>alert(1)</script> **hard**.',
      acknowledgePolicy: true,
    });
    expect(summary.json()).toMatchObject({ id: expect.any(String) });
    expect(summary.statusCode).toBe(201);
    summaryId = summary.json().id as string;
    const poster = await clients.ada!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=poster&acknowledgePolicy=true`,
      ...multipart('poster.pdf', await makePdf(2)),
    });
    expect(poster.statusCode).toBe(201);
    posterId = poster.json().id as string;
    items = ((await clients.ta!.get(`${api}/grades`)).json() as Json).items;
  });
  afterAll(async () => {
    await app?.close();
  });

  const itemOf = (pred: (i: Json) => boolean) => {
    const found = items.find(pred);
    expect(found).toBeDefined();
    return found!;
  };

  it('gives each owner their hand-in: the summary text, as written', async () => {
    const item = itemOf((i) => i.deliverableKeys.includes('summary') && i.meetingDate === '2024-08-28');
    const res = await clients.ta!.get(`${api}/grades/items/${item.id}`);
    expect(res.statusCode).toBe(200);
    const beta = (res.json() as Json).entries.find((e: Json) => e.name === 'Beta');
    expect(beta.handIn).toMatchObject({
      submissionId: summaryId,
      text: '# Summary\n\nThe problem is <script>alert(1)</script> **hard**.',
      file: null,
      outcome: 'on-time',
    });
    expect(beta.holders).toEqual([{ id: world.ids.cat, name: 'Cat' }]);
  });

  it('gives a group’s PDF with its name and pages, members by id for overrides; no hand-in is null', async () => {
    const item = itemOf((i) => i.deliverableKeys.includes('poster'));
    const body = (await clients.ta!.get(`${api}/grades/items/${item.id}`)).json() as Json;
    const alpha = body.entries.find((e: Json) => e.name === 'Alpha');
    expect(alpha.subject).toBe(`g:${world.groups.alpha}`);
    expect(alpha.handIn).toMatchObject({
      submissionId: posterId,
      text: null,
      file: { name: 'poster.pdf', type: 'pdf', pages: 2 },
    });
    expect(alpha.holders.map((h: Json) => h.id).sort()).toEqual([world.ids.ada, world.ids.ben].sort());
    const beta = body.entries.find((e: Json) => e.name === 'Beta');
    expect(beta.handIn).toBeNull();
    expect(beta.submissionId).toBeNull();
    const student = await clients.cat!.get(`${api}/grades/items/${item.id}`);
    expect(student.statusCode).toBe(403);
  });

  it('shows a PDF inline on ?inline=1 (framed by the site only); text and plain downloads stay attachments', async () => {
    const inline = await clients.ta!.get(`${api}/submissions/${posterId}/download?inline=1`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename="poster\.pdf"/);
    expect(inline.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    const plain = await clients.ta!.get(`${api}/submissions/${posterId}/download`);
    expect(plain.headers['content-disposition']).toMatch(/^attachment;/);
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const text = await clients.ta!.get(`${api}/submissions/${summaryId}/download?inline=1`);
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-disposition']).toMatch(/^attachment;/);
    expect(text.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const bad = await clients.ta!.get(`${api}/submissions/${posterId}/download?inline=yes`);
    expect(bad.statusCode).toBe(400);
    const other = await clients.cat!.get(`${api}/submissions/${posterId}/download?inline=1`);
    expect(other.statusCode).toBe(403);
  });
});
