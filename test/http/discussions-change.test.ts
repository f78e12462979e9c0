// Discussions across change, on SQLite and PostgreSQL: a late joiner reads and posts, a dropped student cannot, the
// summary group in force after a re-plan and publish opens the class's discussion; mentions are queued only for those
// who may read the post and never name an anonymous author to a student; posts feed the participation score.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { editRole, publishRoles } from '../../src/services/assignment/edit-roles.js';
import {
  DISCUSSION_MENTION_MAIL,
  renderDiscussionMentionMail,
} from '../../src/services/discussions/mentions.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-28T18:00:00Z');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('discussions across change', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = START;
  let c: Record<string, TestClient> = {};
  let question = '';
  const api = `/api/courses/${SLUG}`;
  const tick = () => (now = new Date(now.getTime() + 60_000));
  const ask = (who: TestClient, payload: Json) => {
    tick();
    return who.post(`${api}/discussions`, { kind: 'question', category: 'papers', ...payload });
  };
  const replyTo = (who: TestClient, threadId: string, payload: Json) => {
    tick();
    return who.post(`${api}/discussions/${threadId}/posts`, payload);
  };
  const mentionJobs = async () =>
    (await listMailJobs(get().db)).filter((j) => j.kind === DISCUSSION_MENTION_MAIL);

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(
      db,
      START,
      buildCourse({
        components: [
          { key: 'participation', name: 'Participation', weight: 50 },
          { key: 'project-report', name: 'Project Report', weight: 50 },
        ],
      }),
    );
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    c = await signInWorld(app, world);
    question = (await ask(c.ada!, { title: 'Which paper first?', body: 'Any advice?' })).json().threadId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets a student who joins late read the earlier posts and post', async () => {
    now = new Date('2024-08-28T20:00:00Z');
    await makePerson(get().db, now, 'late@example.edu', {
      courseId: world.courseId,
      role: 'student',
      name: 'Lou',
    });
    const lou = new TestClient(app, '198.51.100.90');
    expect((await lou.signIn('late@example.edu')).statusCode).toBe(200);
    const t = (await lou.get(`${api}/discussions/${question}`)).json() as Json;
    expect(t.posts[0].bodyHtml).toBe('<p>Any advice?</p>');
    expect((await replyTo(lou, question, { body: 'Start with the survey.' })).statusCode).toBe(200);
  });

  it('refuses a dropped student, reading and posting', async () => {
    expect((await c.ta!.post(`${api}/roster/${world.ids.dan}/drop`)).statusCode).toBe(200);
    const res = await replyTo(c.dan!, question, { body: 'Still here?' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.blocker).toBe('dropped');
    expect((await c.dan!.get(`${api}/discussions/${question}`)).statusCode).toBe(403);
    expect((await ask(c.dan!, { title: 'Hello?', body: 'Anyone?' })).statusCode).toBe(403);
  });

  it('has the summary group in force after a re-plan and publish open the discussion', async () => {
    const { db } = get();
    const staff = await courseAccess(db, SLUG, { userId: world.ids.prof, isAdmin: false });
    const deps = { db, clock: () => now };
    const meetingId = world.meetingId('2024-09-04');
    await editRole(deps, staff, { meetingId, groupId: world.groups.beta, role: 'summarizer', confirm: true });
    await publishRoles(deps, staff, true);
    // Staff re-plan: Alpha writes the summary now. Until they publish, Beta is held to it.
    await editRole(deps, staff, {
      meetingId,
      groupId: world.groups.alpha,
      role: 'summarizer',
      confirm: true,
    });
    await editRole(deps, staff, { meetingId, groupId: world.groups.beta, role: null, confirm: true });
    const open = (who: TestClient) =>
      who.post(`${api}/discussions`, { kind: 'class', meetingId, body: 'Over to you.' });
    expect((await open(c.ada!)).statusCode).toBe(403);
    await publishRoles(deps, staff, true);
    now = new Date('2024-09-04T18:00:00Z');
    c = await signInWorld(app, world);
    const handIn = await c.ada!.post(`${api}/submissions`, {
      deliverableKey: 'summary',
      meetingDate: '2024-09-04',
      text: '# Summary\n\nScaling laws.',
      acknowledgePolicy: true,
    });
    expect(handIn.statusCode, handIn.body).toBe(201);
    expect((await open(c.cat!)).statusCode).toBe(403);
    const res = await open(c.ben!);
    expect(res.statusCode, res.body).toBe(200);
    const t = (await c.cat!.get(`${api}/discussions/${res.json().threadId}`)).json() as Json;
    expect(t.thread.summary.submissionId).toBe(handIn.json().id);
  });

  it('mails whom a post mentions, if they may read it, never naming an anonymous author to a student', async () => {
    const before = (await mentionJobs()).length;
    await replyTo(c.ben!, question, { body: 'Ask @Cat, or @prof about `@Ada`.' });
    await replyTo(c.cat!, question, { body: 'I agree with @ada.', anonymous: true });
    await replyTo(c.cat!, question, { body: 'Privately, @Ben and @TA: I am lost.', private: true });
    const jobs = (await mentionJobs()).slice(before);
    const to = (id: string) => jobs.filter((j) => j.user_id === id);
    expect(to(world.ids.cat)).toHaveLength(1);
    expect(to(world.ids.prof)).toHaveLength(1);
    expect(to(world.ids.ada)).toHaveLength(1);
    expect(to(world.ids.ben)).toEqual([]);
    expect(to(world.ids.ta)).toHaveLength(1);
    const toAda = (await renderDiscussionMentionMail(get().db, to(world.ids.ada)[0]!.payload))!;
    expect(toAda.subject).toBe(
      'Systems for Generative AI: A classmate mentioned you in “Which paper first?”',
    );
    expect(`${toAda.subject}\n${toAda.text}`).not.toContain('Cat');
    expect(toAda.text).toContain(`/courses/${SLUG}/discussions?thread=${question}`);
    const toTa = (await renderDiscussionMentionMail(get().db, to(world.ids.ta)[0]!.payload))!;
    expect(toTa.subject).toContain('Cat mentioned you');
  });

  it('counts posts toward participation when staff give posts a weight', async () => {
    const patch = await c.prof!.request({
      method: 'PATCH',
      url: `${api}/grades/settings`,
      payload: { participation: { attendance: 0, questions: 0, posts: 1, postsExpected: 4 } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const grades = (await c.ta!.get(`${api}/grades`)).json() as Json;
    const row = (name: string) => grades.students.find((s: Json) => s.name === name);
    // Cat: two replies (one anonymous, one private) of four expected; Ada: her question; Ben: a reply and a discussion.
    expect(row('Cat').participation).toMatchObject({ posts: 2, percent: '50.00' });
    expect(row('Ada').participation).toMatchObject({ posts: 1, percent: '25.00' });
    expect(row('Ben').participation).toMatchObject({ posts: 2, percent: '50.00' });
  });
});
