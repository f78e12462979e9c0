// Hostile syllabi and fixes sent to the import review: answered as text or refused with a 4xx, never a 500, nothing written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from '../http/auth-client.js';
import { fixturePath, readText } from '../syllabus/helpers.js';
import { HOSTILE_STRINGS } from './strings.js';

const NOW = new Date('2026-09-01T12:00:00Z');
const BASE = '/api/courses/cs500/syllabus';
const V1 = readText(fixturePath('review-v1.md'));

/** Files people upload by mistake or on purpose, as the browser would send their text. */
const FILES: Array<[string, string]> = [
  ['a PNG read as text', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000'.repeat(50)],
  [
    'a script in the title and readings',
    V1.replace('Reading Systems', '<script>alert(1)</script>').replace(
      'Paper A',
      '<img src=x onerror=alert(1)>',
    ),
  ],
  ['a javascript: reading link', V1.replace('https://a.example/a.pdf', 'javascript:alert(1)')],
  [
    '10 000 table rows',
    `# T (Fall 2024)\n\n| Date | Topic |\n|---|---|\n${'| Sep 3 | x |\n'.repeat(10_000)}`,
  ],
  [
    'deeply nested lists',
    `# T\n\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- Sep ${(i % 28) + 1}`).join('\n')}`,
  ],
  ['one 1 MB line', `# T\n\n${'|'.repeat(1024 * 1024)}`],
];

describeEachDialect('hostile input to the import review', (get, dialect) => {
  // Above the database the code is the same: PostgreSQL runs the strings that reach it differently.
  const STRINGS =
    dialect === 'sqlite'
      ? HOSTILE_STRINGS
      : HOSTILE_STRINGS.filter((s) => /NUL|surrogate|SQL|emoji|BOM|100k/i.test(s.name));
  let app: FastifyInstance;
  const prof = () => new TestClient(app);
  let client: TestClient;
  let version = 0;

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, 'cs500', buildCourse(), NOW.toISOString());
    const courseId = (await findCourseRef(db, 'cs500'))!.id;
    await makePerson(db, NOW, 'prof@example.edu', { courseId, role: 'instructor' });
    app = await buildApp({ config, db, clock: () => NOW });
    client = prof();
    await client.signIn('prof@example.edu');
    version = (await loadCourse(db, 'cs500'))!.version;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reads hostile files as text (or refuses them with a 4xx), never a 500', async () => {
    for (const [name, source] of FILES) {
      const res = await client.post(`${BASE}/read`, { source });
      expect([name, res.statusCode < 500]).toEqual([name, true]);
      if (res.statusCode >= 400) expect(res.json().error.message.length).toBeGreaterThan(10);
      else expect(Array.isArray(res.json().source)).toBe(true);
    }
    const script = await client.post(`${BASE}/read`, { source: FILES[1]![1] });
    expect(script.json().course.title).toBe('<script>alert(1)</script>');
    const unsafe = await client.post(`${BASE}/read`, { source: FILES[2]![1] });
    expect(unsafe.json().course.meetings[0].readings[0].url).toBeNull();
  });

  it('answers hostile strings in the fixes and addresses with a 4xx or as plain text (never a 500)', async () => {
    const failures: string[] = [];
    for (const s of STRINGS) {
      const bodies = [
        { source: V1, fixes: [{ kind: 'required', date: '2024-09-03', reading: s.value, required: true }] },
        { source: V1, fixes: [{ kind: 'milestone', date: '2024-09-03', title: s.value }] },
        { source: V1, fixes: [{ kind: 'zone', zone: s.value }] },
        { source: V1, fixes: [{ kind: 'merge', date: s.value, into: '2024-09-05' }] },
        { url: s.value },
        { source: V1, baseUrl: s.value },
      ];
      for (const body of bodies) {
        const res = await client.post(`${BASE}/read`, body);
        if (res.statusCode >= 500)
          failures.push(`${s.name}: ${res.statusCode} ${JSON.stringify(body).slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('stores no fix that does not apply: a hostile reading title or zone in an apply', async () => {
    for (const s of HOSTILE_STRINGS.filter((h) => /NUL|SQL|script|100k/i.test(h.name))) {
      const fixes = [
        { kind: 'required', date: '2024-09-03', reading: s.value, required: true },
        { kind: 'zone', zone: s.value },
      ];
      const res = await client.post(`${BASE}/apply`, { source: V1, fixes });
      expect([s.name, res.statusCode]).toEqual([s.name, 400]);
    }
  });

  it('refuses a file over 5 MB, and wrote nothing for any refused request', async () => {
    const res = await client.post(`${BASE}/read`, { source: 'a'.repeat(5 * 1024 * 1024 + 10) });
    expect([400, 413, 422]).toContain(res.statusCode);
    expect((await loadCourse(get().db, 'cs500'))!.version).toBe(version);
    expect((await client.get(`${BASE}/fixes`)).json().fixes).toEqual([]);
  });
});
