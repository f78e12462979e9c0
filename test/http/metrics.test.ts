// GET /metrics: Prometheus text by route pattern, hand-ins counted, the mail queue read from the database; only for METRICS_ALLOW or METRICS_TOKEN, else 404.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { countPendingMail } from '../../src/storage/repositories/mail-queue.js';
import { describeEachDialect } from '../support/dialects.js';
import { TestClient } from './auth-client.js';
import { buildWorkWorld, SLUG } from './work-helpers.js';

const NOW = new Date('2024-08-27T12:00:00Z');
const TOKEN = 'a-long-enough-metrics-token';

describeEachDialect('/metrics', (get) => {
  let app: FastifyInstance;
  let closed: FastifyInstance;
  beforeAll(async () => {
    const { config, db } = get();
    await buildWorkWorld(db, NOW);
    app = await buildApp({
      config: { ...config, metricsAllow: ['10.0.0.0/8', '2001:db8::/32'], metricsToken: TOKEN },
      db,
      clock: () => NOW,
    });
    closed = await buildApp({
      config: { ...config, metricsAllow: [], metricsToken: null },
      db,
      clock: () => NOW,
    });
  });
  afterAll(async () => {
    await app.close();
    await closed.close();
  });
  const scrape = (target: FastifyInstance, remoteAddress: string, authorization?: string) =>
    target.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress,
      ...(authorization ? { headers: { authorization } } : {}),
    });
  const value = (text: string, series: string): number | null => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? null : Number(line.slice(series.length + 1));
  };

  it('answers 404 (as for any unknown address) outside the allowed ranges without the token', async () => {
    for (const [ip, auth] of [
      ['198.51.100.7', undefined],
      ['198.51.100.7', 'Bearer wrong-token-of-some-length'],
      ['198.51.100.7', `Bearer ${TOKEN}x`],
      ['198.51.100.7', TOKEN],
      ['127.0.0.1', undefined],
      ['2001:db9::1', undefined],
    ] as const) {
      const res = await scrape(app, ip, auth);
      expect(res.statusCode, `${ip} ${auth}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      expect(res.body).not.toContain('seminar_');
    }
  });

  it('answers 404 to everyone, token or not, when neither METRICS_ALLOW nor METRICS_TOKEN is set', async () => {
    expect((await scrape(closed, '127.0.0.1')).statusCode).toBe(404);
    expect((await scrape(closed, '10.0.0.1', `Bearer ${TOKEN}`)).statusCode).toBe(404);
  });

  it('serves Prometheus text to an allowed address (IPv4, IPv6) and to the bearer token', async () => {
    for (const [ip, auth] of [
      ['10.1.2.3', undefined],
      ['2001:db8::5', undefined],
      ['198.51.100.7', `Bearer ${TOKEN}`],
    ] as const) {
      const res = await scrape(app, ip, auth);
      expect(res.statusCode, ip).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).toContain('# TYPE seminar_http_request_duration_seconds histogram');
      expect(res.body).toContain('seminar_process_cpu_seconds_total');
    }
  });

  it('counts requests by route pattern, never by raw URL', async () => {
    for (const slug of ['no-such-course-a', 'no-such-course-b'])
      expect((await app.inject({ method: 'GET', url: `/api/courses/${slug}` })).statusCode).toBe(404);
    const text = (await scrape(app, '10.0.0.1')).body;
    expect(
      value(text, 'seminar_http_requests_total{method="GET",route="/api/courses/:slug",status="404"}'),
    ).toBe(2);
    expect(text).not.toContain('no-such-course');
  });

  it('counts accepted hand-ins and reads the mail queue depth from the database', async () => {
    const before = (await scrape(app, '10.0.0.1')).body;
    expect(value(before, 'seminar_handins_total{kind="text"}')).toBe(null);
    const ada = new TestClient(app, '198.51.100.10');
    expect((await ada.signIn('ada@example.edu')).statusCode).toBe(200);
    const send = () =>
      ada.post(`/api/courses/${SLUG}/submissions`, {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        readingIndex: 0,
        text: 'Why does attention scale quadratically?',
        acknowledgePolicy: true,
      });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const refused = await ada.post(`/api/courses/${SLUG}/submissions`, { deliverableKey: 'question' });
    expect(refused.statusCode).toBe(400);
    const text = (await scrape(app, '10.0.0.1')).body;
    expect(value(text, 'seminar_handins_total{kind="text"}')).toBe(2);
    expect(value(text, 'seminar_mail_queue{state="pending"}')).toBe(await countPendingMail(get().db));
    expect(value(text, 'seminar_mail_queue{state="failed"}')).toBe(0);
    expect(value(text, 'seminar_reminder_lag_seconds')).toBe(-1);
  });
});
