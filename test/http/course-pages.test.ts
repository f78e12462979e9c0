// The public course pages as server-rendered HTML: content and embedded data in the first response, 404s, members, hostile strings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { CourseDetail } from '../../src/contracts/course.js';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { buildCourse, buildMeeting, buildReading } from '../support/course-factory.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { assertWebBuilt } from '../e2e/site-server.js';
import { makePerson, TestClient } from './auth-client.js';

const NOW = new Date('2024-08-28T13:00:00Z');
const EVIL = "</script><script>window.__pwned=1</script><!-- $& $' <img src=x onerror=alert(1)>";

/** The JSON a page carries for hydration. */
function embedded(html: string): { slug: string; signedIn?: boolean; course: CourseDetail | null } {
  const match = /<script type="application\/json" id="seminar-page">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no embedded page data');
  return JSON.parse(match[1]!) as { slug: string; signedIn?: boolean; course: CourseDetail | null };
}

/** Text of the rendered app (between #root and the embedded data), tags removed. */
function rendered(html: string): string {
  const app = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script type="application/json"'));
  return app
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('server-rendered public course pages', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let app: FastifyInstance;
  let courseId = '';

  beforeAll(async () => {
    assertWebBuilt();
    database = await createTestDatabase('sqlite');
    courseId = (await saveCourse(database.db, 'cs598-genai-f24', buildCourse(), '2026-11-26T09:00:00.000Z'))
      .courseId;
    const hostile = buildCourse({
      title: EVIL,
      meetings: [
        buildMeeting({
          date: '2024-08-28',
          title: EVIL,
          readings: [buildReading({ title: EVIL, url: 'javascript:alert(1)' })],
        }),
      ],
    });
    await saveCourse(database.db, 'cs-666', hostile, '2026-11-26T09:00:00.000Z');
    app = await buildApp({ config: database.config, db: database.db, clock: () => NOW });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it.each([
    ['', 'CS 598 Systems for Generative AI · Seminar', 'Learning objectives'],
    [
      '/schedule',
      'Schedule · CS 598 Systems for Generative AI · Seminar',
      'Language Models are Few-Shot Learners',
    ],
    ['/grading', 'Grading · CS 598 Systems for Generative AI · Seminar', 'Grading'],
    ['/policies', 'Policies · CS 598 Systems for Generative AI · Seminar', 'Policies'],
    ['/project', 'Project · CS 598 Systems for Generative AI · Seminar', 'Project'],
    ['/resources', 'Resources · CS 598 Systems for Generative AI · Seminar', 'Resources'],
  ])('renders /courses/cs598-genai-f24%s with its content, title and data', async (path, title, text) => {
    const res = await app.inject({ url: `/courses/cs598-genai-f24${path}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(`<title>${title}</title>`);
    expect(rendered(res.body)).toContain(text);
    // The course navigation and the site frame are in the markup (readable without JavaScript).
    expect(res.body).toContain('aria-label="Course pages"');
    const data = embedded(res.body);
    expect(data.slug).toBe('cs598-genai-f24');
    expect(data.course?.title).toBe('Systems for Generative AI');
    // The page does not start a second request for what it carries.
    expect(res.body).not.toContain('prefetch.js');
  });

  it('says what comes next by the app’s clock, not the machine’s', async () => {
    // The clock stands on Wed Aug 28, 2024, 08:00 in Chicago: the next class is that morning’s, at 9:30.
    const text = rendered((await app.inject({ url: '/courses/cs598-genai-f24' })).body);
    expect(text).not.toContain('All classes of this course have taken place.');
    expect(text).toMatch(/Next class\s*Wed, Aug 28.*— in 2 hours/s);
  });

  it('puts every class, its title and its readings in the schedule’s markup', async () => {
    const res = await app.inject({ url: '/courses/cs598-genai-f24/schedule' });
    const text = rendered(res.body);
    const course = embedded(res.body).course!;
    for (const meeting of course.meetings) {
      if (meeting.title) expect(text).toContain(meeting.title);
      for (const reading of meeting.readings) expect(text).toContain(reading.title);
    }
    expect(text).toContain('Introduction');
  });

  it('links the page’s own stylesheets and scripts from its head, and a visitor’s home leaves the member parts out', async () => {
    const schedule = (await app.inject({ url: '/courses/cs598-genai-f24/schedule' })).body;
    const head = schedule.slice(0, schedule.indexOf('</head>'));
    // Styled at first paint (not restyled when the code asks for its stylesheets), its code fetched beside the entry.
    expect(head).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/assignment-[\w-]+\.css">/);
    expect(head).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/SchedulePage-[\w-]+\.js">/);
    const home = (await app.inject({ url: '/courses/cs598-genai-f24' })).body;
    const homeHead = home.slice(0, home.indexOf('</head>'));
    expect(homeHead).toMatch(
      /<link rel="modulepreload" crossorigin href="\/assets\/CourseHomePage-[\w-]+\.js">/,
    );
    expect(homeHead).not.toMatch(/CheckIn|AnnouncementsPage|work-/);
  });

  it('sends the page compressed, with an ETag that answers 304', async () => {
    const res = await app.inject({
      url: '/courses/cs598-genai-f24/schedule',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toContain('Language Models are Few-Shot Learners');
    const etag = String(res.headers.etag);
    const again = await app.inject({
      url: '/courses/cs598-genai-f24/schedule',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('answers 404 with a not-found page for an unknown or malformed slug', async () => {
    for (const slug of ['no-such-course', 'UPPER', '%3Cscript%3E']) {
      const res = await app.inject({ url: `/courses/${slug}/schedule` });
      expect(res.statusCode, slug).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(rendered(res.body)).toContain('No such course');
      expect(embedded(res.body).course).toBeNull();
      expect(res.body).not.toContain('<script>');
    }
  });

  it('leaves the other course pages to the client (its index.html)', async () => {
    const res = await app.inject({ url: '/courses/cs598-genai-f24/roster' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('id="seminar-page"');
    expect(res.body).toContain('<div id="root">');
  });

  it('renders a member’s own view (abilities) for a signed-in student', async () => {
    await makePerson(database.db, NOW, 'stu@example.edu', { courseId, role: 'student' });
    const client = new TestClient(app);
    expect((await client.signIn('stu@example.edu')).statusCode).toBe(200);
    const res = await client.get('/courses/cs598-genai-f24/schedule');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('private');
    expect(embedded(res.body).course?.abilities.viewOwnGrades).toBe(true);
    // A signed-in page is hydrated at once (web/src/main.tsx); a visitor's on the first sign of use.
    expect(embedded(res.body).signedIn).toBe(true);
    expect(res.body).toContain('My grades');
    const visitor = await app.inject({ url: '/courses/cs598-genai-f24/schedule' });
    expect(embedded(visitor.body).course?.abilities.viewOwnGrades).toBe(false);
    expect(embedded(visitor.body).signedIn).toBeUndefined();
    expect(visitor.body).not.toContain('My grades');
  });

  it('escapes hostile course strings: no tag breaks out of the markup or the embedded data', async () => {
    for (const path of ['', '/schedule']) {
      const res = await app.inject({ url: `/courses/cs-666${path}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<script>window.__pwned');
      expect(res.body).not.toContain('<img src=x');
      expect(res.body).not.toContain('href="javascript:');
      // Exactly the template's scripts: the app's module and the data element.
      expect(res.body.match(/<script/g)).toHaveLength(2);
      const data = embedded(res.body);
      expect(data.course?.title).toBe(EVIL);
      expect(rendered(res.body)).toContain(
        EVIL.replace(/<[^>]+>/g, ' ')
          .trim()
          .slice(0, 5),
      );
    }
    const schedule = await app.inject({ url: '/courses/cs-666/schedule' });
    expect(embedded(schedule.body).course?.meetings[0]?.readings[0]?.title).toBe(EVIL);
  });
});
