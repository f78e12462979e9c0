// Discussions and Q&A over HTTP on SQLite and PostgreSQL: a class's summary group opens its discussion once the summary
// is in, threaded replies, anonymous and private posts never reach classmates, edits keep history, deletes leave a
// tombstone, reactions toggle, staff pin, close, hide (audited) and endorse, the asker accepts an answer, unread counts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { describeEachDialect } from '../support/dialects.js';
import { TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-28T18:00:00Z');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('discussions over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = START;
  let c: Record<string, TestClient> = {};
  const api = `/api/courses/${SLUG}`;
  const tick = () => (now = new Date(now.getTime() + 60_000));
  const ask = (who: TestClient, payload: Json) => {
    tick();
    return who.post(`${api}/discussions`, { kind: 'question', category: 'logistics', ...payload });
  };
  const replyTo = (who: TestClient, threadId: string, payload: Json) => {
    tick();
    return who.post(`${api}/discussions/${threadId}/posts`, payload);
  };
  const thread = async (who: TestClient, id: string) =>
    (await who.get(`${api}/discussions/${id}`)).json() as Json;
  let classThread = '';
  let anonQuestion = '';
  let privateQuestion = '';

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, START);
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    c = await signInWorld(app, world);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets the summary group open its class discussion only once the summary is handed in, linking it', async () => {
    const meetingId = world.meetingId('2024-08-28');
    const open = (who: TestClient) =>
      who.post(`${api}/discussions`, {
        kind: 'class',
        meetingId,
        body: 'What did you make of **attention**?',
      });
    const early = await open(c.cat!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Hand in the summary first/);
    const ada = await open(c.ada!);
    expect(ada.statusCode).toBe(403);
    expect(ada.json().error.message).toMatch(/group writing this class's summary/);
    const summary = await c.cat!.post(`${api}/submissions`, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      text: '# Summary\n\nAttention is all you need.',
      acknowledgePolicy: true,
    });
    expect(summary.statusCode, summary.body).toBe(201);
    const res = await open(c.cat!);
    expect(res.statusCode, res.body).toBe(200);
    classThread = res.json().threadId;
    expect((await open(c.prof!)).statusCode).toBe(409);
    const t = await thread(c.dan!, classThread);
    expect(t.thread).toMatchObject({ kind: 'class', closed: false });
    expect(t.thread.summary.url).toBe(`${api}/submissions/${summary.json().id}/download`);
    expect(t.posts[0].bodyHtml).toBe('<p>What did you make of <strong>attention</strong>?</p>');
    expect(t.posts[0].author).toMatchObject({ name: 'Cat', anonymous: false });
    const list = (await c.dan!.get(`${api}/discussions?kind=class`)).json() as Json;
    expect(list.classes.find((x: Json) => x.meetingId === meetingId).threadId).toBe(classThread);
  });

  it('threads replies under their parent, renders hostile Markdown inert', async () => {
    const first = await replyTo(c.dan!, classThread, { body: 'Nice. <script>alert(1)</script> `code`' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await replyTo(c.ada!, classThread, {
      parentId: first.json().postId,
      body: '[x](javascript:alert(1))\n\n```\nlet a = 1;\n```',
    });
    expect(second.statusCode).toBe(200);
    const t = await thread(c.ben!, classThread);
    const [, r1, r2] = t.posts;
    expect(r1.parentId).toBe(t.thread.openingPostId);
    expect(r2.parentId).toBe(r1.id);
    expect(r1.bodyHtml).not.toContain('<script');
    expect(r1.bodyHtml).toContain('<code>code</code>');
    expect(r2.bodyHtml).not.toMatch(/href="javascript/i);
    expect(r2.bodyHtml).toContain('<pre><code>let a = 1;');
    const bad = await replyTo(c.ben!, classThread, { parentId: 'no-such-post', body: 'Hm' });
    expect(bad.statusCode).toBe(404);
    expect((await replyTo(c.ben!, classThread, { body: '   ' })).statusCode).toBe(400);
  });

  it('never shows classmates who asked anonymously, through any route; staff and the asker see it', async () => {
    const res = await ask(c.dan!, {
      title: 'Is the zebra project due Friday?',
      category: 'project',
      body: 'Asking about the zebra milestone.',
      anonymous: true,
    });
    expect(res.statusCode).toBe(200);
    anonQuestion = res.json().threadId;
    const bodies = [
      (await c.ada!.get(`${api}/discussions`)).body,
      (await c.ada!.get(`${api}/discussions/${anonQuestion}`)).body,
      (await c.ada!.get(`${api}/discussions/search?q=zebra`)).body,
    ];
    for (const body of bodies) {
      expect(body).toContain('zebra');
      expect(body).not.toContain('Dan');
      expect(body).not.toContain(world.ids.dan);
    }
    const seen = await thread(c.ada!, anonQuestion);
    expect(seen.posts[0].author).toEqual({
      id: null,
      name: 'Anonymous classmate',
      anonymous: true,
      mine: false,
    });
    expect((await thread(c.ta!, anonQuestion)).posts[0].author).toMatchObject({
      name: 'Dan',
      anonymous: true,
    });
    expect((await thread(c.dan!, anonQuestion)).posts[0].author).toMatchObject({
      mine: true,
      anonymous: true,
    });
    const staffAnon = await ask(c.ta!, { title: 'Staff', body: 'x', anonymous: true });
    expect(staffAnon.statusCode).toBe(400);
  });

  it('keeps "private to staff" questions and their replies from classmates, including search and counts', async () => {
    const res = await ask(c.ben!, {
      title: 'Private quokka matter',
      body: 'My quokka ate my laptop.',
      private: true,
    });
    privateQuestion = res.json().threadId;
    const answer = await replyTo(c.ta!, privateQuestion, { body: 'Sorry about the quokka.' });
    expect(answer.json().private).toBe(true);
    for (const who of [c.ada!, c.cat!]) {
      expect((await who.get(`${api}/discussions/${privateQuestion}`)).statusCode).toBe(404);
      expect((await who.get(`${api}/discussions`)).body).not.toContain('quokka');
      expect((await who.get(`${api}/discussions/search?q=quokka`)).json().results).toEqual([]);
      expect((await replyTo(who, privateQuestion, { body: 'Me?' })).statusCode).toBe(404);
    }
    expect((await thread(c.ben!, privateQuestion)).posts).toHaveLength(2);
    expect((await c.prof!.get(`${api}/discussions/search?q=quokka`)).json().results).toHaveLength(2);
    // A private reply in a public thread: the author and staff only.
    const pr = await replyTo(c.ada!, anonQuestion, { body: 'Private walrus note.', private: true });
    expect(pr.statusCode).toBe(200);
    expect((await c.cat!.get(`${api}/discussions/${anonQuestion}`)).body).not.toContain('walrus');
    expect((await c.ta!.get(`${api}/discussions/${anonQuestion}`)).body).toContain('walrus');
  });

  it('keeps earlier versions for the author and staff, and leaves a tombstone on delete', async () => {
    const r = await replyTo(c.cat!, anonQuestion, { body: 'Friday, I think.' });
    const postId = r.json().postId;
    tick();
    const edit = await c.cat!.request({
      method: 'PATCH',
      url: `${api}/posts/${postId}`,
      payload: { body: 'Thursday.' },
    });
    expect(edit.statusCode).toBe(200);
    expect(
      (await c.dan!.request({ method: 'PATCH', url: `${api}/posts/${postId}`, payload: { body: 'X' } }))
        .statusCode,
    ).toBe(403);
    expect((await c.dan!.get(`${api}/posts/${postId}/history`)).statusCode).toBe(403);
    for (const who of [c.cat!, c.ta!]) {
      const h = (await who.get(`${api}/posts/${postId}/history`)).json() as Json;
      expect(h.versions.map((v: Json) => v.body)).toEqual(['Friday, I think.']);
    }
    const shown = (await thread(c.dan!, anonQuestion)).posts.find((p: Json) => p.id === postId);
    expect(shown).toMatchObject({ bodyHtml: '<p>Thursday.</p>', hasHistory: false });
    expect(shown.editedAt).not.toBeNull();
    const del = await c.cat!.request({ method: 'DELETE', url: `${api}/posts/${postId}` });
    expect(del.statusCode).toBe(200);
    const gone = (await thread(c.dan!, anonQuestion)).posts.find((p: Json) => p.id === postId);
    expect(gone).toMatchObject({ state: 'deleted', body: null, bodyHtml: null, author: null });
    expect((await c.ta!.get(`${api}/discussions/search?q=thursday`)).json().results).toEqual([]);
  });

  it('toggles one reaction of a kind per person', async () => {
    const opening = (await thread(c.ada!, classThread)).thread.openingPostId;
    const toggle = (who: TestClient) => who.post(`${api}/posts/${opening}/reactions`, { kind: 'thanks' });
    expect((await toggle(c.ada!)).json().on).toBe(true);
    expect((await toggle(c.ben!)).json().on).toBe(true);
    expect((await toggle(c.ada!)).json().on).toBe(false);
    expect((await toggle(c.ada!)).json().on).toBe(true);
    const post = (await thread(c.ada!, classThread)).posts[0];
    expect(post.reactions).toEqual([{ kind: 'thanks', count: 2, mine: true }]);
    expect((await c.ada!.post(`${api}/posts/${opening}/reactions`, { kind: 'angry' })).statusCode).toBe(400);
  });

  it('lets staff pin, close and hide (audited), endorse; the asker accepts an answer', async () => {
    const patch = (who: TestClient, id: string, payload: Json) =>
      who.request({ method: 'PATCH', url: `${api}/discussions/${id}`, payload });
    expect((await patch(c.ada!, classThread, { pinned: true })).statusCode).toBe(403);
    expect((await patch(c.ta!, classThread, { pinned: true, closed: true })).statusCode).toBe(200);
    const closed = await replyTo(c.ada!, classThread, { body: 'Late thought' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/closed/);
    const list = (await c.ada!.get(`${api}/discussions`)).json() as Json;
    expect(list.threads[0]).toMatchObject({ id: classThread, pinned: true, closed: true });

    const answer = (await replyTo(c.ta!, anonQuestion, { body: 'Due Friday at noon.' })).json().postId;
    expect((await c.ada!.post(`${api}/posts/${answer}/moderation`, { endorsed: true })).statusCode).toBe(403);
    expect((await c.prof!.post(`${api}/posts/${answer}/moderation`, { endorsed: true })).statusCode).toBe(
      200,
    );
    expect((await patch(c.ada!, anonQuestion, { acceptedPostId: answer })).statusCode).toBe(403);
    expect((await patch(c.dan!, anonQuestion, { acceptedPostId: answer })).statusCode).toBe(200);
    const t = await thread(c.ada!, anonQuestion);
    expect(t.thread).toMatchObject({ resolved: true, acceptedPostId: answer });
    expect(t.posts.find((p: Json) => p.id === answer)).toMatchObject({ endorsed: true, byStaff: true });
    const resolved = (await c.ada!.get(`${api}/discussions?kind=question&resolved=true`)).json() as Json;
    expect(resolved.threads.map((x: Json) => x.id)).toEqual([anonQuestion]);
    const projects = (await c.ada!.get(`${api}/discussions?kind=question&category=logistics`)).json() as Json;
    expect(projects.threads.map((x: Json) => x.id)).not.toContain(anonQuestion);

    const rude = (await replyTo(c.ben!, anonQuestion, { body: 'A rude narwhal remark.' })).json().postId;
    expect((await c.ta!.post(`${api}/posts/${rude}/moderation`, { hidden: true })).statusCode).toBe(200);
    const hidden = (await thread(c.cat!, anonQuestion)).posts.find((p: Json) => p.id === rude);
    expect(hidden).toMatchObject({ state: 'hidden', bodyHtml: null, author: null });
    expect((await c.cat!.get(`${api}/discussions/search?q=narwhal`)).json().results).toEqual([]);
    expect((await c.ta!.get(`${api}/discussions/search?q=narwhal`)).json().results).toHaveLength(1);
    const audit = await listAudit(get().db, { courseId: world.courseId, limit: 100 });
    expect(audit.filter((a) => a.action === 'discussion-post-hidden').map((a) => a.target)).toEqual([
      'Is the zebra project due Friday?',
    ]);
  });

  it('counts unread posts per person and clears them on reading', async () => {
    await thread(c.ada!, anonQuestion);
    const before = (await c.ada!.get(`${api}/discussions`)).json() as Json;
    expect(before.threads.find((x: Json) => x.id === anonQuestion).unread).toBe(0);
    await replyTo(c.dan!, anonQuestion, { body: 'Thanks!' });
    const after = (await c.ada!.get(`${api}/discussions`)).json() as Json;
    expect(after.threads.find((x: Json) => x.id === anonQuestion).unread).toBe(1);
    const t = await thread(c.ada!, anonQuestion);
    expect(t.posts.filter((p: Json) => p.unread).length).toBe(1);
    const read = (await c.ada!.get(`${api}/discussions`)).json() as Json;
    expect(read.threads.find((x: Json) => x.id === anonQuestion).unread).toBe(0);
  });
});
