// A real server over TCP on both dialects, as load balancers and browsers see it: demo course, health, compression, ETag.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CourseDetail } from '../../src/contracts/course.js';
import { describeEachDialect } from '../support/dialects.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Monday Oct 13 2025, 10:00 in Chicago: the demo course starts six weeks earlier, on Sep 1.
const NOW = new Date('2025-10-13T15:00:00Z');

describeEachDialect('server over TCP', (_get, dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect, clock: () => NOW, demo: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the demo course shifted so that the clock falls mid-semester', async () => {
    const res = await fetch(`${server.url}/api/courses/cs598-genai-f24`);
    expect(res.status).toBe(200);
    const course = (await res.json()) as CourseDetail;
    expect(course.meetings[0]!.date).toBe('2025-09-01');
    const next = course.meetings.find((m) => m.id === course.nextMeetingId)!;
    expect(Date.parse(next.endsAt!)).toBeGreaterThan(NOW.getTime());
    expect(
      course.meetings.filter((m) => m.endsAt !== null && Date.parse(m.endsAt) <= NOW.getTime()).length,
    ).toBeGreaterThan(5);
  });

  it('answers a repeated request with 304 and a compressed body to browsers', async () => {
    const first = await fetch(`${server.url}/api/courses/cs598-genai-f24`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(first.headers.get('content-encoding')).toBe('br');
    // fetch decodes the body: it is the whole course.
    expect(((await first.json()) as CourseDetail).slug).toBe('cs598-genai-f24');
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/api/courses/cs598-genai-f24`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    await again.arrayBuffer();
  });
});
