// Live updates over real HTTP connections: a member's Server-Sent Events stream announces new threads and posts;
// on PostgreSQL a post written through one instance reaches a client of the other (LISTEN/NOTIFY), on SQLite the
// same instance; a classmate's private question is never announced to another student.
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createSession } from '../../src/services/auth/sessions.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { describeEachDialect } from '../support/dialects.js';
import { NOW, SLUG, twoInstancesOnOneDb } from './two-instances.js';

describeEachDialect('live discussion updates', (get, dialect) => {
  const world = twoInstancesOnOneDb(get, 'live-test');

  async function headersOf(email: string) {
    const user = (await findUserByEmail(get().db, email))!;
    const s = await createSession(get().db, user.id, NOW, { ip: null, userAgent: 'live-test' });
    return { cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`, 'x-csrf-token': s.csrfToken };
  }

  /** Reads the stream's events (and the "connected" comment) as they arrive. */
  function eventsOf(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    return async function next(): Promise<{ event: string; data: string } | 'connected'> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(': connected')) return 'connected';
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) return { event, data };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
  }

  it('streams the posts a student may see, from the other instance on PostgreSQL, never a private question', async () => {
    const [listening, writing] =
      dialect === 'postgres' ? [world.apps[0]!, world.apps[1]!] : [world.apps[0]!, world.apps[0]!];
    await listening.listen({ port: 0, host: '127.0.0.1' });
    const { port } = listening.server.address() as AddressInfo;
    const reader = await headersOf('s0@example.edu');
    const asker = await headersOf('s1@example.edu');
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/courses/${SLUG}/discussions/events`, {
      headers: { ...reader, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const next = eventsOf(res.body!);
    expect(await next()).toBe('connected');
    const ask = (payload: Record<string, unknown>) =>
      writing.inject({
        method: 'POST',
        url: `/api/courses/${SLUG}/discussions`,
        headers: asker,
        payload: { kind: 'question', category: 'other', body: 'Hello?', ...payload },
      });
    const secret = await ask({ title: 'Private', private: true });
    expect(secret.statusCode).toBe(200);
    const open = await ask({ title: 'Public' });
    expect(open.statusCode).toBe(200);
    const got = await next();
    expect(got).toEqual({
      event: 'discussion',
      data: JSON.stringify({ threadId: open.json().threadId, postId: open.json().postId, kind: 'thread' }),
    });
    const reply = await writing.inject({
      method: 'POST',
      url: `/api/courses/${SLUG}/discussions/${open.json().threadId}/posts`,
      headers: world.headers,
      payload: { body: 'Hello to you.' },
    });
    expect(reply.statusCode).toBe(200);
    const second = await next();
    expect(second).toMatchObject({ event: 'discussion' });
    expect(JSON.parse((second as { data: string }).data)).toMatchObject({
      kind: 'post',
      postId: reply.json().postId,
    });
    abort.abort();
  });

  it('answers at once, without a stream, when the client does not ask for one; refuses non-members', async () => {
    const app = world.apps[1]!;
    const res = await app.inject({ url: `/api/courses/${SLUG}/discussions/events`, headers: world.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stream: false });
    const anonymous = await app.inject({
      url: `/api/courses/${SLUG}/discussions/events`,
      headers: { accept: 'text/event-stream' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
