// Request ids in the JSON logs: answered in X-Request-Id, kept on the mail a request queues, and logged when that mail is sent; no per-request line unless LOG_REQUESTS.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSeminar, type Seminar } from '../../src/main.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { describeEachDialect } from '../support/dialects.js';
import { TestClient } from './auth-client.js';
import { buildWorkWorld, SLUG } from './work-helpers.js';

const NOW = new Date('2024-08-27T12:00:00Z');
type Line = Record<string, unknown>;

describeEachDialect('request ids in logs and mail', (get) => {
  let seminar: Seminar;
  const lines: Line[] = [];
  const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as Line) };
  beforeAll(async () => {
    await buildWorkWorld(get().db, NOW);
    seminar = await createSeminar(get().config, {
      clock: () => NOW,
      logLevel: 'info',
      logStream,
      mailQueue: { pollMs: 50, maxDeferMs: 50 },
      sweep: false,
    });
  });
  afterAll(() => seminar.close());

  const sentLineOf = async (mailIds: string[]): Promise<Line[]> => {
    for (let i = 0; i < 200; i++) {
      const found = lines.filter((l) => l.msg === 'mail sent' && mailIds.includes(l.mailId as string));
      if (found.length === mailIds.length) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no "mail sent" line for ${mailIds.join(', ')}`);
  };

  it('logs the request id of a password reset request with the reset mail it sends', async () => {
    const client = new TestClient(seminar.app, '198.51.100.20');
    await client.get('/api/auth/session');
    const res = await client.post('/api/auth/password-reset', { email: 'ada@example.edu' });
    expect(res.statusCode).toBeLessThan(300);
    const requestId = res.headers['x-request-id'] as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const jobs = (await listMailJobs(get().db)).filter((j) => j.request_id === requestId);
    expect(jobs).toHaveLength(1);
    const [sent] = await sentLineOf(jobs.map((j) => j.id));
    expect(sent).toMatchObject({ level: 30, requestId, kind: jobs[0]!.kind });
  });

  it('keeps a balancer’s X-Request-Id on the receipt of a hand-in (written in a batch with others)', async () => {
    const ada = new TestClient(seminar.app, '198.51.100.21');
    expect((await ada.signIn('ada@example.edu')).statusCode).toBe(200);
    const ids = ['lb-0001-handin-a', 'lb-0002-handin-b', 'lb-0003-handin-c'];
    const answers = await Promise.all(
      ids.map((id, i) =>
        ada.request({
          method: 'POST',
          url: `/api/courses/${SLUG}/submissions`,
          headers: { 'x-request-id': id },
          payload: {
            deliverableKey: 'question',
            meetingDate: '2024-08-28',
            readingIndex: 0,
            text: `Version ${i}: what limits the context window?`,
            acknowledgePolicy: true,
          },
        }),
      ),
    );
    expect(answers.map((a) => [a.statusCode, a.headers['x-request-id']])).toEqual(ids.map((id) => [201, id]));
    const jobs = (await listMailJobs(get().db)).filter((j) => ids.includes(j.request_id ?? ''));
    expect(jobs.map((j) => j.request_id).sort()).toEqual(ids);
    const sent = await sentLineOf(jobs.map((j) => j.id));
    expect(sent.map((l) => l.requestId).sort()).toEqual(ids);
  });

  it('refuses an outlandish X-Request-Id and makes its own', async () => {
    const res = await seminar.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'x'.repeat(500) },
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the request id on the request lines when LOG_REQUESTS is on', async () => {
    const own: Line[] = [];
    const logged = await createSeminar(
      { ...get().config, logRequests: true },
      {
        clock: () => NOW,
        logLevel: 'info',
        logStream: { write: (line: string) => void own.push(JSON.parse(line) as Line) },
        mailQueue: false,
        sweep: false,
        writerThread: false,
        checkpoints: false,
      },
    );
    try {
      const res = await logged.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': 'balancer-id-42' },
      });
      expect(res.statusCode).toBe(200);
      const requestLines = own.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed');
      expect(requestLines.map((l) => [l.msg, l.requestId])).toEqual([
        ['incoming request', 'balancer-id-42'],
        ['request completed', 'balancer-id-42'],
      ]);
    } finally {
      await logged.close();
    }
  });

  it('writes no per-request line at info level (LOG_REQUESTS is off)', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
  });
});
