// Every registered API route (from Fastify's own route table) × six actors, against an expected outcome; a new route without one fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appPlugins, buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, PASSWORD } from './auth-client.js';

const NOW = new Date('2026-09-01T12:00:00Z');
const ACTORS = ['anonymous', 'student', 'otherStudent', 'ta', 'instructor', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

/** Who gets past authorization: the actors listed; everyone else is refused (401 anonymous, 403 signed in). */
const WHO = {
  everyone: ACTORS,
  signedIn: ['student', 'otherStudent', 'ta', 'instructor', 'admin'],
  members: ['student', 'ta', 'instructor', 'admin'],
  staff: ['ta', 'instructor', 'admin'],
  instructors: ['instructor', 'admin'],
  admin: ['admin'],
  student: ['student'],
} satisfies Record<string, readonly Actor[]>;

interface Expectation {
  who: keyof typeof WHO;
  /** A body that passes validation, so that authorization (not the schema) decides. */
  body?: unknown;
  contentType?: string;
}

/** Placeholders in route URLs: the course of the student/TA/instructor, the target person, a link id. */
const COURSE = 'cs598-genai-f24';

/**
 * The expectation of every API route. Adding a route means adding a line here, saying who may
 * call it: the suite fails for any registered route that is missing (and for any line left over).
 */
const EXPECTED: Record<string, Expectation> = {
  'GET /api/health': { who: 'everyone' },
  'GET /api/ready': { who: 'everyone' },
  'GET /api/courses': { who: 'everyone' },
  'GET /api/courses/:slug': { who: 'everyone' },
  'GET /api/openapi.json': { who: 'everyone' },
  // (/api/docs/* of swagger-ui are registered before app plugins run: static documentation pages.)
  'GET /api/auth/session': { who: 'everyone' },
  // An incomplete form: a wrong password would answer 401 by design, which is not an authorization refusal.
  'POST /api/auth/sign-in': { who: 'everyone', body: { email: 'nobody@example.edu' } },
  'POST /api/auth/sign-out': { who: 'everyone' },
  'POST /api/auth/password-reset': { who: 'everyone', body: { email: 'nobody@example.edu' } },
  'POST /api/auth/link-status': { who: 'everyone', body: { purpose: 'reset', token: 'not-a-token' } },
  'POST /api/auth/password-reset/complete': {
    who: 'everyone',
    body: { token: 'not-a-token', password: 'long enough password' },
  },
  'POST /api/auth/invitation/accept': {
    who: 'everyone',
    body: { token: 'not-a-token', password: 'long enough password' },
  },
  'POST /api/auth/setup': {
    who: 'everyone',
    body: { token: 'not-a-token', email: 'a@b.edu', name: 'A', password: 'long enough password' },
  },
  'GET /api/account': { who: 'signedIn' },
  'PATCH /api/account': { who: 'signedIn', body: { name: 'Same Name' } },
  'POST /api/account/password': {
    who: 'signedIn',
    body: { currentPassword: PASSWORD, newPassword: PASSWORD },
  },
  'POST /api/account/sign-out-everywhere': { who: 'signedIn' },
  'POST /api/join/status': { who: 'everyone', body: { token: 'not-a-token' } },
  'POST /api/join': { who: 'signedIn', body: { token: 'not-a-token' } },
  'POST /api/join/request': {
    who: 'everyone',
    body: { token: 'not-a-token', email: 'x@example.edu', name: 'X' },
  },
  'POST /api/join/confirm/status': { who: 'everyone', body: { token: 'not-a-token' } },
  'POST /api/join/confirm': {
    who: 'everyone',
    body: { token: 'not-a-token', password: 'long enough password' },
  },
  'GET /api/courses/:slug/join-links': { who: 'staff' },
  'POST /api/courses/:slug/join-links': { who: 'staff', body: { days: 7 } },
  'DELETE /api/courses/:slug/join-links/:linkId': { who: 'staff' },
  'GET /api/courses/:slug/roster': { who: 'staff' },
  'GET /api/courses/:slug/classmates': { who: 'members' },
  'PATCH /api/courses/:slug/roster/:userId': { who: 'instructors', body: { role: 'student' } },
  'POST /api/courses/:slug/roster/:userId/drop': { who: 'staff' },
  'POST /api/courses/:slug/roster/:userId/restore': { who: 'staff' },
  'PUT /api/courses/:slug/roster/:userId/start': { who: 'staff', body: { date: '2024-09-01' } },
  'POST /api/courses/:slug/roster/import/preview': {
    who: 'staff',
    body: 'email,name\nnew@example.edu,New Person\n',
    contentType: 'text/csv',
  },
  'POST /api/courses/:slug/roster/import/apply': {
    who: 'staff',
    body: 'email,name\nnew@example.edu,New Person\n',
    contentType: 'text/csv',
  },
  'POST /api/courses/:slug/roster/canvas/preview': {
    who: 'staff',
    body: 'Student,ID,SIS User ID,SIS Login ID,Section\nNew Person,1,,new@example.edu,A\n',
    contentType: 'text/csv',
  },
  'POST /api/courses/:slug/roster/canvas/confirm': {
    who: 'staff',
    body: 'Student,ID,SIS User ID,SIS Login ID,Section\nNew Person,1,,new@example.edu,A\n',
    contentType: 'text/csv',
  },
  'GET /api/courses/:slug/audit': { who: 'instructors' },
  'GET /api/admin/audit': { who: 'admin' },
  'POST /api/admin/courses': { who: 'admin', body: { slug: 'not-a-syllabus', syllabus: 'no schedule here' } },
  'POST /api/admin/courses/:slug/instructors': {
    who: 'admin',
    body: { email: 'named@example.edu', name: 'Named Instructor' },
  },
  // Deliverables and hand-ins (issue 5). Students hand in; staff see everyone's work; members read questions.
  'GET /api/courses/:slug/deliverables': { who: 'members' },
  'PATCH /api/courses/:slug/deliverables/:key': { who: 'staff', body: { graceMinutes: 0 } },
  'POST /api/courses/:slug/deliverables/:key/extensions': {
    who: 'staff',
    body: { target: { kind: 'student', userId: 'nobody' }, dueAt: '2030-01-01T00:00:00Z' },
  },
  'GET /api/courses/:slug/deliverables/:key/status': { who: 'staff' },
  'GET /api/courses/:slug/deliverables/:key/hand-ins': { who: 'staff' },
  'GET /api/courses/:slug/extensions': { who: 'staff' },
  'DELETE /api/courses/:slug/extensions/:extensionId': { who: 'staff' },
  'GET /api/courses/:slug/deliverables/:key/download': { who: 'staff' },
  'POST /api/courses/:slug/submissions': {
    who: 'student',
    body: { deliverableKey: 'no-such-deliverable', text: 'Why?' },
  },
  'POST /api/courses/:slug/submissions/upload': { who: 'student' },
  'POST /api/courses/:slug/submissions/:submissionId/reviews': {
    who: 'staff',
    body: { decision: 'comment', body: 'Good.' },
  },
  'POST /api/courses/:slug/submissions/:submissionId/count': { who: 'staff' },
  'DELETE /api/courses/:slug/submissions/:submissionId/count': { who: 'staff' },
  'GET /api/courses/:slug/submissions/:submissionId/download': { who: 'members' },
  'GET /api/courses/:slug/meetings/:date/questions': { who: 'members' },
  'GET /api/courses/:slug/meetings/:date/download': { who: 'staff' },
  'GET /api/courses/:slug/meetings/:date/attendance': { who: 'staff' },
  'PUT /api/courses/:slug/meetings/:date/attendance': {
    who: 'staff',
    body: { marks: [{ userId: 'nobody', status: 'present' }] },
  },
  'POST /api/courses/:slug/meetings/:date/check-in-code': { who: 'staff' },
  'POST /api/courses/:slug/meetings/:date/check-in': { who: 'student', body: { code: 'ABC123' } },
  'GET /api/courses/:slug/meetings/:date/dashboard': { who: 'staff' },
  'GET /api/courses/:slug/today': { who: 'staff' },
  'GET /api/courses/:slug/dashboard': { who: 'student' },
  // Groups, rankings and the role assignment (issue 4): students act on their own group, staff on everyone's.
  'GET /api/courses/:slug/groups': { who: 'members' },
  'POST /api/courses/:slug/groups': { who: 'student', body: {} },
  'POST /api/courses/:slug/groups/mine/invitations': { who: 'student', body: { userId: 'nobody' } },
  'POST /api/courses/:slug/groups/mine/leave': { who: 'student' },
  'POST /api/courses/:slug/invitations/:invitationId/accept': { who: 'student' },
  'POST /api/courses/:slug/invitations/:invitationId/decline': { who: 'student' },
  'POST /api/courses/:slug/groups/move': { who: 'staff', body: { userId: 'nobody', target: null } },
  'POST /api/courses/:slug/groups/formation/plan': { who: 'staff', body: { seed: 1 } },
  'POST /api/courses/:slug/groups/formation/apply': { who: 'staff', body: { planId: 'no-such-plan' } },
  'GET /api/courses/:slug/groups/mine/preferences': { who: 'student' },
  'PUT /api/courses/:slug/groups/mine/preferences': { who: 'student', body: { meetingIds: [] } },
  'GET /api/courses/:slug/preferences': { who: 'staff' },
  'GET /api/courses/:slug/assignment': { who: 'everyone' },
  'GET /api/courses/:slug/assignment/staff': { who: 'staff' },
  'POST /api/courses/:slug/assignment/plan': { who: 'staff', body: { timeLimitSeconds: 5 } },
  'POST /api/courses/:slug/assignment/apply': { who: 'staff', body: { planId: 'no-such-plan' } },
  'PUT /api/courses/:slug/assignment/roles': {
    who: 'staff',
    body: { meetingId: 'no-such-meeting', groupId: 'no-such-group', role: 'presenter' },
  },
  'POST /api/courses/:slug/assignment/locks': {
    who: 'staff',
    body: { meetingId: 'no-such-meeting', groupId: 'no-such-group', locked: true },
  },
  'POST /api/courses/:slug/assignment/exclusions': {
    who: 'staff',
    body: { meetingId: 'no-such-meeting', groupId: 'no-such-group', excluded: true },
  },
  'POST /api/courses/:slug/assignment/publish': { who: 'staff', body: { published: false } },
  'PATCH /api/courses/:slug/assignment/settings': { who: 'staff', body: {} },
  'GET /api/courses/:slug/my-roles': { who: 'student' },
  // Talk slots of the presentation days (mid-semester presentations): staff place groups, students read their day.
  'GET /api/courses/:slug/talk-slots': { who: 'staff' },
  'POST /api/courses/:slug/talk-slots/:key/plan': { who: 'staff', body: {} },
  'POST /api/courses/:slug/talk-slots/:key/apply': { who: 'staff', body: { fingerprint: 'stale' } },
  'PUT /api/courses/:slug/talk-slots/:key/groups/:groupId': {
    who: 'staff',
    body: { meetingId: 'no-such-meeting' },
  },
  'DELETE /api/courses/:slug/talk-slots/:key/groups/:groupId': { who: 'staff' },
  'PATCH /api/courses/:slug/talk-slots/:key/settings': { who: 'staff', body: {} },
  'POST /api/courses/:slug/talk-slots/:key/publish': { who: 'staff', body: { published: false } },
  'GET /api/courses/:slug/my-talk-slot': { who: 'student' },
  // Grades: staff grade and release; a student reads only their own released scores; instructors export.
  'GET /api/courses/:slug/grades': { who: 'staff' },
  'PATCH /api/courses/:slug/grades/categories/:key': { who: 'staff', body: { weight: '10' } },
  'PATCH /api/courses/:slug/grades/settings': { who: 'staff', body: {} },
  'POST /api/courses/:slug/grades/items': {
    who: 'staff',
    body: { categoryKey: 'no-such-category', title: 'Adjustment', pointsPossible: '5' },
  },
  'GET /api/courses/:slug/grades/items/:itemId': { who: 'staff' },
  'PATCH /api/courses/:slug/grades/items/:itemId': { who: 'staff', body: {} },
  'DELETE /api/courses/:slug/grades/items/:itemId': { who: 'staff' },
  'PUT /api/courses/:slug/grades/items/:itemId/scores': {
    who: 'staff',
    body: { subject: { kind: 'student', userId: 'nobody' }, points: '1' },
  },
  'POST /api/courses/:slug/grades/items/:itemId/release': { who: 'staff', body: { released: false } },
  'GET /api/courses/:slug/grades/mine': { who: 'student' },
  'GET /api/courses/:slug/grades/mine/what-if': { who: 'student' },
  'POST /api/courses/:slug/grades/items/:itemId/regrades': {
    who: 'student',
    body: { reason: 'Please look again.' },
  },
  'GET /api/courses/:slug/grades/regrades': { who: 'staff' },
  'POST /api/courses/:slug/grades/regrades/:regradeId/answer': { who: 'staff', body: { answer: 'Kept.' } },
  'GET /api/courses/:slug/grades/export': { who: 'instructors' },
  // Peer feedback: classmates rate a class; presenters read it without names; staff read all and set the weight.
  'GET /api/courses/:slug/peer-feedback': { who: 'members' },
  'GET /api/courses/:slug/meetings/:date/peer-feedback': { who: 'members' },
  'PUT /api/courses/:slug/meetings/:date/peer-feedback': {
    who: 'student',
    body: { scores: { content: 4, clarity: 4, timing: 4, questions: 4 }, comment: 'Good.' },
  },
  'PATCH /api/courses/:slug/peer-feedback/settings': { who: 'staff', body: { weight: '20' } },
  // Discussions and Q&A: members read, ask and reply (a missing thread or post answers 404 after authorization);
  // staff moderate. Which posts reach whom (private, anonymous, hidden) is tested in test/http/discussions*.test.ts.
  'GET /api/courses/:slug/discussions': { who: 'members' },
  'POST /api/courses/:slug/discussions': {
    who: 'members',
    body: { kind: 'question', title: 'When is the project due?', category: 'logistics', body: 'Asking.' },
  },
  'GET /api/courses/:slug/discussions/search': { who: 'members' },
  // Without "Accept: text/event-stream" the live feed answers at once (a stream is tested in discussions-live).
  'GET /api/courses/:slug/discussions/events': { who: 'members' },
  'GET /api/courses/:slug/discussions/:threadId': { who: 'members' },
  'PATCH /api/courses/:slug/discussions/:threadId': { who: 'members', body: { resolved: true } },
  'POST /api/courses/:slug/discussions/:threadId/posts': { who: 'members', body: { body: 'A reply.' } },
  'PATCH /api/courses/:slug/posts/:postId': { who: 'members', body: { body: 'Edited.' } },
  'DELETE /api/courses/:slug/posts/:postId': { who: 'members' },
  'GET /api/courses/:slug/posts/:postId/history': { who: 'members' },
  'POST /api/courses/:slug/posts/:postId/reactions': { who: 'members', body: { kind: 'thanks' } },
  'POST /api/courses/:slug/posts/:postId/moderation': { who: 'staff', body: { hidden: true } },
  // Comments on summary passages: members get past the course check; the summary's own group and staff only are
  // then let in (classmates refused: test/http/summary-comments.test.ts).
  'GET /api/courses/:slug/deliverables/:key/meetings/:date/comments': { who: 'members' },
  'POST /api/courses/:slug/deliverables/:key/meetings/:date/comments': {
    who: 'members',
    body: { version: 1, quote: { exact: 'attention', prefix: '', suffix: '' }, body: 'Why?' },
  },
  'POST /api/courses/:slug/comments/:threadId/replies': { who: 'members', body: { body: 'Good.' } },
  'PATCH /api/courses/:slug/comments/:threadId': { who: 'members', body: { resolved: true } },
  'GET /api/courses/:slug/announcements': { who: 'members' },
  'POST /api/courses/:slug/announcements': {
    who: 'staff',
    body: { title: 'Room change', body: 'We meet in 1302.' },
  },
  // A placeholder id: staff get past authorization to a 404.
  'PATCH /api/courses/:slug/announcements/:id': {
    who: 'staff',
    body: { title: 'Room change', body: 'In 1302.' },
  },
  'DELETE /api/courses/:slug/announcements/:id': { who: 'staff' },
  'GET /api/account/notifications': { who: 'signedIn' },
  'PUT /api/account/notifications': { who: 'signedIn', body: { modes: { replies: 'digest' } } },
  // The signed token is the credential (no session, no CSRF header): a made-up one is a 4xx for anyone.
  'POST /api/unsubscribe/:token': { who: 'everyone' },
  'GET /api/courses/:slug/reminders': { who: 'staff' },
  'PUT /api/courses/:slug/reminders': { who: 'staff', body: { summary: { on: false } } },
  // Calendars: the course's feed is public like its schedule; a personal feed answers its secret URL only
  // (an unknown one is 404 for everyone); members make, rotate and turn off their own.
  'GET /api/courses/:slug/calendar.ics': { who: 'everyone' },
  'GET /api/calendar/:file': { who: 'everyone' },
  'GET /api/courses/:slug/calendar/personal': { who: 'members' },
  'POST /api/courses/:slug/calendar/personal': { who: 'members' },
  'DELETE /api/courses/:slug/calendar/personal': { who: 'members' },
  // Import review (issue 12): instructors re-import their course's syllabus; the administrator reads a new one.
  'GET /api/courses/:slug/syllabus/fixes': { who: 'instructors' },
  'POST /api/courses/:slug/syllabus/read': { who: 'instructors', body: { source: 'no schedule here' } },
  // A refused file (422 past authorization): the course of the matrix stays as it is.
  'POST /api/courses/:slug/syllabus/apply': { who: 'instructors', body: { source: 'no schedule here' } },
  'POST /api/admin/syllabus/read': { who: 'admin', body: { source: 'no schedule here' } },
  // Editing the course in the browser: staff only. A placeholder class id: staff get past authorization to a 404.
  'GET /api/courses/:slug/edit': { who: 'staff' },
  'POST /api/courses/:slug/edit/classes': {
    who: 'staff',
    body: { date: '2026-12-24', startTime: null, endTime: null, title: 'Extra', unit: null },
  },
  'PATCH /api/courses/:slug/edit/classes/:meetingId': {
    who: 'staff',
    body: { date: '2026-12-25', startTime: null, endTime: null, title: null, unit: null },
  },
  'GET /api/courses/:slug/edit/classes/:meetingId/attached': { who: 'staff' },
  'POST /api/courses/:slug/edit/classes/:meetingId/cancel': { who: 'staff', body: { confirm: true } },
  'PUT /api/courses/:slug/edit/classes/:meetingId/readings': { who: 'staff', body: { readings: [] } },
  'PUT /api/courses/:slug/edit/units': { who: 'staff', body: { units: [{ title: 'Basics' }] } },
  'PUT /api/courses/:slug/edit/staff': {
    who: 'staff',
    body: { staff: [{ name: 'Ada', role: 'instructor' }] },
  },
  'PUT /api/courses/:slug/edit/policies': { who: 'staff', body: { policies: [] } },
  // The class room: members get past the course check, then the class (here a placeholder date: 404) and the
  // viewer's part in it decide (test/http/room.test.ts); its settings are staff's.
  'GET /api/courses/:slug/meetings/:date/room': { who: 'members' },
  'GET /api/courses/:slug/meetings/:date/room/events': { who: 'members' },
  'POST /api/courses/:slug/meetings/:date/room/timer': { who: 'members', body: { action: 'start' } },
  'POST /api/courses/:slug/meetings/:date/room/phase': { who: 'members', body: { phase: 'panel' } },
  'POST /api/courses/:slug/meetings/:date/room/questions': {
    who: 'members',
    body: { paperIndex: 0, text: 'Why?' },
  },
  'PUT /api/courses/:slug/meetings/:date/room/questions/:questionId/vote': { who: 'members' },
  'DELETE /api/courses/:slug/meetings/:date/room/questions/:questionId/vote': { who: 'members' },
  'POST /api/courses/:slug/meetings/:date/room/questions/:questionId/status': {
    who: 'members',
    body: { status: 'answered' },
  },
  'POST /api/courses/:slug/meetings/:date/room/critique': {
    who: 'members',
    body: { text: 'Weak baselines.' },
  },
  'PATCH /api/courses/:slug/meetings/:date/room/critique/:pointId': {
    who: 'members',
    body: { ticked: true },
  },
  'DELETE /api/courses/:slug/meetings/:date/room/critique/:pointId': { who: 'members' },
  'POST /api/courses/:slug/meetings/:date/room/projector': {
    who: 'members',
    body: { showCheckInCode: true },
  },
  'GET /api/courses/:slug/room-settings': { who: 'staff' },
  'PUT /api/courses/:slug/room-settings': { who: 'staff', body: { anonymousQuestions: false } },
};

// Collects the route table as Fastify registers it (runs before every route plugin).
const registered: Array<{ method: string; url: string }> = [];
appPlugins.unshift(async (app) => {
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.url.startsWith('/api')) registered.push({ method, url: route.url });
    }
  });
});

describeEachDialect('authorization matrix', (get) => {
  let app: FastifyInstance;
  const ids: Partial<Record<Actor | 'target', string>> = {};

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, COURSE, buildCourse(), NOW.toISOString());
    await saveCourse(db, 'other-course', buildCourse({ title: 'Another Seminar' }), NOW.toISOString());
    const course = (await findCourseRef(db, COURSE))!;
    const other = (await findCourseRef(db, 'other-course'))!;
    ids.student = (
      await makePerson(db, NOW, 'student@example.edu', { courseId: course.id, role: 'student' })
    ).id;
    ids.otherStudent = (
      await makePerson(db, NOW, 'other@example.edu', { courseId: other.id, role: 'student' })
    ).id;
    ids.ta = (await makePerson(db, NOW, 'ta@example.edu', { courseId: course.id, role: 'ta' })).id;
    ids.instructor = (
      await makePerson(db, NOW, 'prof@example.edu', { courseId: course.id, role: 'instructor' })
    ).id;
    ids.admin = (await makePerson(db, NOW, 'admin@example.edu', { admin: true })).id;
    ids.target = (
      await makePerson(db, NOW, 'target@example.edu', { courseId: course.id, role: 'student' })
    ).id;
    // The other course's instructor, so that "staff see their course only" is checked from both sides.
    await makePerson(db, NOW, 'otherprof@example.edu', { courseId: other.id, role: 'instructor' });
    registered.length = 0;
    app = await buildApp({ config, db, clock: () => NOW });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A fresh session per request (no argon2 on the way), so that sign-out routes do not spill over. */
  async function call(actor: Actor, method: string, url: string, exp: Expectation, n: number) {
    const headers: Record<string, string> = { 'x-csrf-token': 'anon-csrf-token-0123456789' };
    let cookie = `seminar_csrf=${headers['x-csrf-token']}`;
    if (actor !== 'anonymous') {
      const session = await createSession(get().db, ids[actor]!, NOW, { ip: null, userAgent: 'matrix' });
      headers['x-csrf-token'] = session.csrfToken;
      cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
    }
    headers.cookie = cookie;
    if (exp.contentType) headers['content-type'] = exp.contentType;
    const path = url
      .replace(':slug', COURSE)
      .replace(':userId', ids.target!)
      .replace(':linkId', '01JAAAAAAAAAAAAAAAAAAAAAAA')
      .replace(':invitationId', '01JAAAAAAAAAAAAAAAAAAAAAAA')
      .replace('/*', '/index.html');
    const query = /\/(import\/apply|canvas\/confirm)$/.test(url)
      ? '?fingerprint=stale'
      : url.endsWith('/what-if')
        ? '?itemId=no-such-item&points=1'
        : '';
    return app.inject({
      method: method as never,
      url: path + query,
      headers,
      remoteAddress: `10.9.${Math.floor(n / 250)}.${n % 250}`,
      ...(exp.body === undefined ? {} : { payload: exp.body as never }),
    });
  }

  it('has an expectation for every registered API route, and no expectation for a route that is gone', () => {
    const keys = [...new Set(registered.map((r) => `${r.method} ${r.url}`))].sort();
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('answers GET /metrics 404 to every actor, admin included: a session opens nothing there (METRICS_ALLOW or METRICS_TOKEN do)', async () => {
    const statuses = [];
    for (const [i, actor] of ACTORS.entries())
      statuses.push((await call(actor, 'GET', '/metrics', { who: 'admin' }, 9000 + i)).statusCode);
    expect(statuses).toEqual(ACTORS.map(() => 404));
  });

  describe.each(ACTORS)('as %s', (actor) => {
    it('reaches exactly the routes it may, and is refused the others with 401/403 (never a 500)', async () => {
      const failures: string[] = [];
      let n = ACTORS.indexOf(actor) * 1000;
      for (const key of [...new Set(registered.map((r) => `${r.method} ${r.url}`))].sort()) {
        const exp = EXPECTED[key];
        if (!exp) continue;
        const [method, url] = key.split(' ') as [string, string];
        const res = await call(actor, method, url, exp, n++);
        const allowed = (WHO[exp.who] as readonly Actor[]).includes(actor);
        const status = res.statusCode;
        if (status >= 500) failures.push(`${key}: ${status} ${res.body.slice(0, 200)}`);
        else if (allowed && (status === 401 || status === 403))
          failures.push(`${key}: refused (${status}) but ${actor} may call it: ${res.body.slice(0, 200)}`);
        else if (!allowed && status !== (actor === 'anonymous' ? 401 : 403))
          failures.push(`${key}: answered ${status} but ${actor} must be refused`);
      }
      expect(failures).toEqual([]);
    });
  });
});
