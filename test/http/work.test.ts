// Hand-ins over HTTP on SQLite and PostgreSQL: questions and their visibility, slides and summaries, bad input, downloads, attendance, dashboards.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { countSubmissions } from '../../src/storage/repositories/work.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf, makeZip } from '../files/build.js';
import type { TestClient } from './auth-client.js';
import { buildWorkWorld, multipart, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const BEFORE_CLASS = new Date('2024-08-27T12:00:00Z'); // Aug 27, 07:00 Chicago: slides already late, questions open
const DURING_CLASS = new Date('2024-08-28T15:00:00Z'); // Aug 28, 10:00 Chicago: after the question deadline (09:30)
const DAY_AFTER_LATE = new Date('2024-08-29T16:00:00Z'); // 15 min past the summary deadline (24 h after 10:45)

describeEachDialect('hand-ins over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = BEFORE_CLASS;
  let clients: Record<string, TestClient> = {};
  const api = `/api/courses/${SLUG}`;

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, BEFORE_CLASS);
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    clients = await signInWorld(app, world);
  });
  afterAll(async () => {
    await app?.close();
  });

  const blobFiles = () => {
    const root = get().config.filesDir;
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  };
  const count = () => countSubmissions(get().db, world.courseId);

  it('lists the deliverables of the syllabus with their due rules', async () => {
    const res = await clients.ada!.get(`${api}/deliverables`);
    expect(res.statusCode).toBe(200);
    const keys = res.json().deliverables.map((d: { key: string }) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['question', 'slides', 'summary', 'proposal', 'poster']));
    expect(res.json().deliverables.find((d: { key: string }) => d.key === 'slides').due).toBe(
      '24 h before the class starts',
    );
  });

  it('asks for the integrity and AI-tool policy on the first hand-in, then records the question with a receipt', async () => {
    const body = {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'Why does attention scale quadratically?',
    };
    const first = await clients.ben!.post(`${api}/submissions`, body);
    expect(first.statusCode).toBe(409);
    expect(first.json().error.details.reason).toBe('policy-acknowledgement-required');
    expect(first.json().error.details.policy).toBeTruthy();
    const res = await clients.ben!.post(`${api}/submissions`, { ...body, acknowledgePolicy: true });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt.sha256).toBe(createHash('sha256').update(body.text).digest('hex'));
    expect(receipt).toMatchObject({
      outcome: 'on-time',
      late: false,
      version: 1,
      size: Buffer.byteLength(body.text),
      submittedAt: BEFORE_CLASS.toISOString(),
    });
    expect(
      (
        await clients.cat!.post(`${api}/submissions`, {
          ...body,
          text: 'Cat asks: what about long contexts?',
          acknowledgePolicy: true,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('hides classmates’ questions before the deadline, even from presenters', async () => {
    const res = await clients.ada!.get(`${api}/meetings/2024-08-28/questions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBe('own');
    // The server's clock, so the page's "(in 1 day)" follows it rather than the browser's.
    expect(res.json().now).toBe(BEFORE_CLASS.toISOString());
    expect(res.json().byReading.flatMap((g: { questions: unknown[] }) => g.questions)).toEqual([]);
    const own = await clients.ben!.get(`${api}/meetings/2024-08-28/questions`);
    expect(own.json().byReading[0].questions).toHaveLength(1);
  });

  it('refuses a question over 1 000 characters and one for a reading that is not presented, recording nothing', async () => {
    const before = await count();
    const long = await clients.ben!.post(`${api}/submissions`, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'x'.repeat(1001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.reason).toBe('text-too-long');
    const reading = await clients.ben!.post(`${api}/submissions`, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 1,
      text: 'About the optional reading?',
    });
    expect(reading.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('takes slides from the presenting group only, flags them late, and every member sees the receipt', async () => {
    now = new Date('2024-08-27T15:00:00Z'); // 30 min past the slides deadline (24 h before 09:30)
    const pdf = await makePdf(3);
    const mp = multipart('talk.pdf', pdf);
    const refused = await clients.cat!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`,
      ...mp,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason).toBe('not-holder');
    expect(blobFiles()).toEqual([]);
    const res = await clients.ada!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`,
      ...multipart('talk.pdf', pdf),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      outcome: 'late',
      late: true,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
    });
    expect(res.json().files[0]).toMatchObject({ name: 'talk.pdf', type: 'pdf', pages: 3 });
    const dash = await clients.ben!.get(`${api}/dashboard`);
    const slides = dash.json().items.find((i: { deliverableKey: string }) => i.deliverableKey === 'slides');
    expect(slides.state).toBe('late');
    expect(slides.receipts[0].id).toBe(res.json().id);
    // Downloads: an attachment with nosniff for a member; refused to another group.
    const dl = await clients.ben!.get(`${api}/submissions/${res.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="talk.pdf"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await clients.cat!.get(`${api}/submissions/${res.json().id}/download`)).statusCode).toBe(403);
  });

  it('refuses wrong types, empty files, traversal names, zip bombs and oversized files without a record or an orphan file', async () => {
    const before = await count();
    const files = blobFiles().length;
    const url = `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28`;
    const cases: Array<[string, Buffer, number, string]> = [
      ['notes.pdf', Buffer.from('just some text, not a pdf'), 422, 'extension-mismatch'],
      ['empty.pdf', Buffer.alloc(0), 422, 'empty'],
      ['../../etc/evil.pdf', await makePdf(1), 422, 'unsafe-name'],
      [
        'bomb.pptx',
        await makeZip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'ppt/presentation.xml', data: '<p/>' },
          { name: 'ppt/media/zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) },
        ]),
        422,
        'zip-bomb',
      ],
    ];
    for (const [name, content, status, reason] of cases) {
      const res = await clients.ben!.request({ method: 'POST', url, ...multipart(name, content) });
      expect([name, res.statusCode, res.json().error?.details?.reason]).toEqual([name, status, reason]);
    }
    // Oversized: staff lower the limit to 1 KB for the test.
    expect(
      (
        await clients.ta!.request({
          method: 'PATCH',
          url: `${api}/deliverables/slides`,
          payload: { maxBytes: 1024 },
        })
      ).statusCode,
    ).toBe(200);
    const big = await clients.ben!.request({
      method: 'POST',
      url,
      ...multipart('big.pdf', await makePdf(40)),
    });
    expect(big.statusCode).toBe(413);
    expect(
      (
        await clients.ta!.request({
          method: 'PATCH',
          url: `${api}/deliverables/slides`,
          payload: { maxBytes: 50 * 1024 * 1024 },
        })
      ).statusCode,
    ).toBe(200);
    expect(await count()).toBe(before);
    expect(blobFiles().length).toBe(files);
  });

  it('shows every question to the presenters once the deadline passes, grouped by reading, but not to others', async () => {
    now = DURING_CLASS;
    const res = await clients.ada!.get(`${api}/meetings/2024-08-28/questions`);
    expect(res.json().scope).toBe('all');
    expect(
      res
        .json()
        .byReading[0].questions.map((q: { authorName: string }) => q.authorName)
        .sort(),
    ).toEqual(['Ben', 'Cat']);
    const other = await clients.dan!.get(`${api}/meetings/2024-08-28/questions`);
    expect(other.json().scope).toBe('own');
    const staff = await clients.ta!.get(`${api}/meetings/2024-08-28/questions`);
    expect(staff.json().byReading[0].questions).toHaveLength(2);
    const late = await clients.dan!.post(`${api}/submissions`, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'Too late?',
      acknowledgePolicy: true,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('late-rejected');
  });

  it('keeps a late summary, shows it, and scores it zero', async () => {
    now = DAY_AFTER_LATE;
    const res = await clients.cat!.post(`${api}/submissions`, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      text: '# Summary\n\nThe problem is…',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      outcome: 'late-zero',
      late: true,
      status: 'late — kept, but it scores zero',
    });
    const dash = await clients.cat!.get(`${api}/dashboard`);
    expect(
      dash.json().items.find((i: { deliverableKey: string }) => i.deliverableKey === 'summary').state,
    ).toBe('zero');
    const table = await clients.ta!.get(`${api}/deliverables/summary/status`);
    const beta = table.json().rows.find((r: { name: string }) => r.name === 'Beta');
    expect(beta.cells.find((c: { occasion: string }) => c.occasion === '2024-08-28').state).toBe('zero');
    const comment = await clients.ta!.post(`${api}/submissions/${res.json().id}/reviews`, {
      decision: 'comment',
      body: 'Good structure; late though.',
    });
    expect(comment.statusCode).toBe(201);
  });

  it('gives staff a per-class view and every hand-in of the class as one zip', async () => {
    const res = await clients.prof!.get(`${api}/meetings/2024-08-28/dashboard`);
    expect(res.statusCode).toBe(200);
    const q = res.json().questions;
    expect(q.students.find((s: { name: string }) => s.name === 'Ben').handedIn).toBe(1);
    expect(q.students.find((s: { name: string }) => s.name === 'Dan').handedIn).toBe(0);
    expect(
      res.json().roles.find((r: { deliverableKey: string }) => r.deliverableKey === 'slides').groups[0].cell
        .state,
    ).toBe('late');
    const zip = await clients.prof!.get(`${api}/meetings/2024-08-28/download`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(zip.rawPayload.includes(Buffer.from('slides/2024-08-28/Alpha (late)/talk.pdf'))).toBe(true);
    expect((await clients.ben!.get(`${api}/meetings/2024-08-28/download`)).statusCode).toBe(403);
  });

  it('lets staff take the roll and students check in with the class code until the class ends', async () => {
    now = new Date('2024-09-04T14:40:00Z'); // Sep 4, 09:40 Chicago, during class
    const code = await clients.ta!.post(`${api}/meetings/2024-09-04/check-in-code`);
    expect(code.statusCode).toBe(200);
    const shown: string = code.json().checkInCode;
    expect(shown).toMatch(/^[A-Z2-9]{6}$/);
    expect(
      (await clients.ada!.post(`${api}/meetings/2024-09-04/check-in`, { code: 'WRONG1' })).statusCode,
    ).toBe(400);
    expect(
      (await clients.ada!.post(`${api}/meetings/2024-09-04/check-in`, { code: shown.toLowerCase() }))
        .statusCode,
    ).toBe(200);
    const roll = await clients.ta!.request({
      method: 'PUT',
      url: `${api}/meetings/2024-09-04/attendance`,
      payload: {
        marks: [
          { userId: world.ids.ben, status: 'absent' },
          { userId: world.ids.cat, status: 'excused' },
        ],
      },
    });
    expect(roll.statusCode).toBe(200);
    expect(roll.json().counts).toMatchObject({ present: 1, absent: 1, excused: 1, unmarked: 1 });
    now = new Date('2024-09-04T16:00:00Z'); // after 10:45
    const expired = await clients.dan!.post(`${api}/meetings/2024-09-04/check-in`, { code: shown });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.details.reason).toBe('expired');
    const dash = await clients.ben!.get(`${api}/dashboard`);
    expect(dash.json().attendanceAllowance).toMatchObject({ allowance: 2, missed: 1, left: 1 });
  });
});
