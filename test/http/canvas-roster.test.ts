// Canvas roster/gradebook import over HTTP on both dialects: preview (matched by SIS Login ID or e-mail, unmatched and why, what changes), confirm (stored, audited), the Canvas CSV written back with the ids.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef, listCanvasIds } from '../../src/storage/repositories/enrollments.js';
import { updateUser } from '../../src/storage/repositories/users.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';

const clock = new Date('2026-09-01T12:00:00Z');
const COURSE = '/api/courses/cs598-genai-f24';

/** A Canvas gradebook export: the fixed columns, an assignment, the Points Possible row, then students. */
const GRADEBOOK = [
  'Student,ID,SIS User ID,SIS Login ID,Section,Summary 1 (123)',
  '    Points Possible,,,,,20',
  '"Lovelace, Ada",1001,U-ada,ada@example.edu,CS 598,18',
  '"Hopper, Grace",1002,U-grace,ghopper,CS 598,17',
  '"Turing, Alan",1003,U-alan,alan.t@canvas.example,CS 598,',
  '"Student, Test",9999,,,CS 598,',
  '"Plum, Prof",1005,,prof@example.edu,CS 598,',
  '"Lovelace, Ada (again)",1006,,ADA@example.edu,CS 598,',
  '',
].join('\r\n');

describeEachDialect('Canvas roster import', (get) => {
  let app: FastifyInstance;
  let prof: TestClient;
  let student: TestClient;
  let courseId = '';
  const send = (client: TestClient, path: string, body: string) =>
    client.request({
      method: 'POST',
      url: `${COURSE}${path}`,
      payload: body,
      headers: { 'content-type': 'text/csv' },
    });

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, 'cs598-genai-f24', buildCourse(), clock.toISOString());
    courseId = (await findCourseRef(db, 'cs598-genai-f24'))!.id;
    await makePerson(db, clock, 'prof@example.edu', { courseId, role: 'instructor', name: 'Prof Plum' });
    await makePerson(db, clock, 'ada@example.edu', { courseId, role: 'student', name: 'Ada Lovelace' });
    const grace = await makePerson(db, clock, 'grace@example.edu', {
      courseId,
      role: 'student',
      name: 'Grace Hopper',
    });
    await makePerson(db, clock, 'edsger@example.edu', { courseId, role: 'student', name: 'Edsger Dijkstra' });
    await updateUser(db, grace.id, { net_id: 'ghopper', updated_at: clock.toISOString() });
    app = await buildApp({ config, db, clock: () => clock });
    prof = new TestClient(app);
    student = new TestClient(app);
    await prof.signIn('prof@example.edu');
    await student.signIn('ada@example.edu');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('previews: who matched and by what, which rows did not and why, what would change; writes nothing', async () => {
    const res = await send(prof, '/roster/canvas/preview', GRADEBOOK);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(
      plan.matched.map((m: { line: number; email: string; matchedBy: string }) => [
        m.line,
        m.email,
        m.matchedBy,
      ]),
    ).toEqual([
      [3, 'ada@example.edu', 'sis-login-id'],
      [4, 'grace@example.edu', 'sis-login-id'],
    ]);
    expect(plan.matched[0].changes).toEqual([
      { field: 'canvasId', from: null, to: '1001' },
      { field: 'sisUserId', from: null, to: 'U-ada' },
      { field: 'sisLoginId', from: null, to: 'ada@example.edu' },
    ]);
    expect(plan.unmatched.map((u: { line: number; why: string }) => [u.line, u.why])).toEqual([
      [5, 'No one in this course has the SIS Login ID, e-mail or NetID “alan.t@canvas.example”.'],
      [6, 'Canvas’s test student; it has no place here.'],
      [7, 'Prof Plum is an instructor here, not a student.'],
      [8, 'Line 3 already matched Ada Lovelace.'],
    ]);
    expect(plan.notInFile.map((p: { email: string }) => p.email)).toEqual(['edsger@example.edu']);
    expect(plan.counts).toEqual({ matched: 2, changed: 2, unmatched: 4, notInFile: 1 });
    const stored = await listCanvasIds(get().db, courseId);
    expect(stored.every((s) => s.canvas_id === null && s.sis_login_id === null)).toBe(true);
  });

  it('confirms: stores the ids, audits, and the Canvas gradebook CSV writes them back; a stale preview is refused', async () => {
    const plan = (await send(prof, '/roster/canvas/preview', GRADEBOOK)).json();
    const stale = await send(prof, '/roster/canvas/confirm?fingerprint=0000', GRADEBOOK);
    expect(stale.statusCode).toBe(409);
    const res = await send(prof, `/roster/canvas/confirm?fingerprint=${plan.fingerprint}`, GRADEBOOK);
    expect(res.statusCode).toBe(200);
    expect(res.json().updated).toBe(2);
    const grace = (await listCanvasIds(get().db, courseId)).find((s) => s.email === 'grace@example.edu')!;
    expect([grace.canvas_id, grace.sis_user_id, grace.sis_login_id]).toEqual(['1002', 'U-grace', 'ghopper']);
    const audit = (await prof.get(`${COURSE}/audit`)).json();
    expect(JSON.stringify(audit)).toContain('canvas-roster-imported');
    // Again: matched by the stored SIS Login ID, nothing left to change.
    const again = (await send(prof, '/roster/canvas/preview', GRADEBOOK)).json();
    expect(again.counts).toMatchObject({ matched: 2, changed: 0 });
    expect(again.applicable).toBe(false);
    const canvas = await prof.get(`${COURSE}/grades/export?format=canvas`);
    expect(canvas.statusCode).toBe(200);
    const line = canvas.body.split('\r\n').find((l) => l.startsWith('Grace Hopper'));
    expect(line).toMatch(/^Grace Hopper,1002,U-grace,ghopper,/);
    expect(canvas.body).toMatch(/\r\nEdsger Dijkstra,,,edsger@example\.edu,/);
  });

  it('refuses a file that is not a Canvas export, and students', async () => {
    const wrong = await send(prof, '/roster/canvas/preview', 'Assignment,Score\nSummary 1,18\n');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/not a Canvas export/);
    expect((await send(student, '/roster/canvas/preview', GRADEBOOK)).statusCode).toBe(403);
  });
});
