// The course API on both dialects: list, detail against the contract, times in the course zone, caching across instances, hostile slugs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  courseDetailSchema,
  courseSummarySchema,
  errorSchema,
  type CourseDetail,
} from '../../src/contracts/course.js';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';

// Wednesday Aug 28 2024, 08:00 in Chicago (CDT): the Aug 26 class is over, the Aug 28 class is next.
const NOW = new Date('2024-08-28T13:00:00Z');

describeEachDialect('course API', (get) => {
  let app: FastifyInstance;
  let other: FastifyInstance;

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, 'cs598-genai-f24', buildCourse(), '2026-11-26T09:00:00.000Z');
    app = await buildApp({ config, db, clock: () => NOW });
    // A second instance on the same database, as behind a load balancer.
    other = await buildApp({ config, db, clock: () => NOW });
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
  });

  it('lists the hosted courses as summaries', async () => {
    const res = await app.inject({ url: '/api/courses' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { courses: unknown[] };
    expect(body.courses).toEqual([
      {
        slug: 'cs598-genai-f24',
        code: 'CS 598',
        title: 'Systems for Generative AI',
        term: 'Fall 2024',
        timeZone: 'America/Chicago',
      },
    ]);
    for (const c of body.courses) courseSummarySchema.parse(c);
  });

  it('answers the course detail in the shape of the contract', async () => {
    const res = await app.inject({ url: '/api/courses/cs598-genai-f24' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const course = courseDetailSchema.parse(res.json());
    expect(course.pattern?.label).toBe('Mon, Wed 9:30–10:45');
    expect(course.meetings).toHaveLength(5);
    // A visitor may read the public page and nothing else (the permission module's answer).
    expect(Object.entries(course.abilities).filter(([, may]) => may)).toEqual([['viewCourse', true]]);
  });

  it('gives each meeting its weekday and its start and end instants in the course zone', async () => {
    const course = (await app.inject({ url: '/api/courses/cs598-genai-f24' })).json() as CourseDetail;
    const [intro, , laborDay, lecture, poster] = course.meetings;
    expect(intro).toMatchObject({
      date: '2024-08-26',
      weekday: 'Mon',
      startsAt: '2024-08-26T14:30:00Z',
      endsAt: '2024-08-26T15:45:00Z',
    });
    expect(laborDay).toMatchObject({ kind: 'no_class', startsAt: null, endsAt: null });
    expect(lecture).toMatchObject({ weekday: 'Wed', extra: { Presenter: 'Group 3' } });
    // The poster session keeps its own 10:30–12:00.
    expect(poster).toMatchObject({
      kind: 'poster',
      startsAt: '2024-09-04T15:30:00Z',
      endsAt: '2024-09-04T17:00:00Z',
    });
  });

  it('marks the Aug 28 class as next on the morning of Aug 28', async () => {
    const course = (await app.inject({ url: '/api/courses/cs598-genai-f24' })).json() as CourseDetail;
    expect(course.nextMeetingId).toBe(course.meetings[1]!.id);
  });

  it('renders Markdown as sanitized HTML with safe links', async () => {
    const course = (await app.inject({ url: '/api/courses/cs598-genai-f24' })).json() as CourseDetail;
    expect(course.descriptionHtml).toBe(
      '<p>We read <strong>papers</strong> about <a href="https://example.edu/systems" rel="noopener noreferrer">systems</a>.</p>',
    );
    expect(course.policies[0]!.html).toContain('<strong>not</strong>');
    expect(course.policies[0]!.html).not.toContain('<script>');
    expect(course.meetings[4]!.notesHtml).toEqual([
      '<a href="https://example.edu/poster.pptx" rel="noopener noreferrer">Template</a>',
    ]);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/api/courses/cs598-genai-f24' });
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const second = await app.inject({
      url: '/api/courses/cs598-genai-f24',
      headers: { 'if-none-match': etag },
    });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
    // The same tag in strong form, or among others, matches too.
    const strong = etag.replace(/^W\//, '');
    const listed = await app.inject({
      url: '/api/courses/cs598-genai-f24',
      headers: { 'if-none-match': `"x", ${strong}` },
    });
    expect(listed.statusCode).toBe(304);
    const stale = await app.inject({
      url: '/api/courses/cs598-genai-f24',
      headers: { 'if-none-match': 'W/"old.1.-.0"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('serves a re-import made through another instance on the next request', async () => {
    const { db } = get();
    const before = (await app.inject({ url: '/api/courses/cs598-genai-f24' })).json() as CourseDetail;
    expect(before.title).toBe('Systems for Generative AI');
    await saveCourse(
      db,
      'cs598-genai-f24',
      buildCourse({ title: 'Systems for GenAI, revised' }),
      '2026-11-26T10:00:00.000Z',
    );
    const after = await app.inject({ url: '/api/courses/cs598-genai-f24', headers: { 'if-none-match': '' } });
    expect((after.json() as CourseDetail).title).toBe('Systems for GenAI, revised');
    expect(((await other.inject({ url: '/api/courses/cs598-genai-f24' })).json() as CourseDetail).title).toBe(
      'Systems for GenAI, revised',
    );
  });

  it('answers 404 JSON for an unknown course', async () => {
    const res = await app.inject({ url: '/api/courses/no-such-course' });
    expect(res.statusCode).toBe(404);
    expect(errorSchema.parse(res.json()).error.code).toBe('not_found');
  });

  it.each([
    ['../../etc', '/api/courses/..%2F..%2Fetc'],
    ['a NUL byte', '/api/courses/%00'],
    ['10 000 letters', `/api/courses/${'a'.repeat(10_000)}`],
    ['unicode', `/api/courses/${encodeURIComponent('cours-été-ü')}`],
    ['upper case', '/api/courses/CS598'],
    ['a broken escape', '/api/courses/%E0%A4%A'],
  ])('answers a hostile slug (%s) with a JSON 400/404, never a 500', async (_name, url) => {
    const res = await app.inject({ url });
    expect([400, 404]).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = errorSchema.parse(res.json());
    expect(body.error.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('never serves a file for a path that climbs out of the API', async () => {
    const res = await app.inject({ url: '/api/courses/../../etc/passwd' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toContain('root:');
  });

  it('compresses the detail for browsers that accept brotli', async () => {
    const res = await app.inject({
      url: '/api/courses/cs598-genai-f24',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
  });
});
