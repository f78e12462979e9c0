// Hostile requests to /metrics: forged forwarding headers, odd or oversized Authorization headers, other methods — 404 or 405-like refusals, never the metrics, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';

const TOKEN = 'the-operators-metrics-token';

describe('/metrics under hostile requests', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const config = { ...database.config, metricsAllow: ['10.0.0.0/8'], metricsToken: TOKEN };
    app = await buildApp({ config, db: database.db });
    proxied = await buildApp({ config: { ...config, trustedProxies: ['192.0.2.1'] }, db: database.db });
  });
  afterAll(async () => {
    await app.close();
    await proxied.close();
    await database.drop();
  });

  it('is not opened by a forged X-Forwarded-For when no proxy is trusted', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '198.51.100.9',
      headers: { 'x-forwarded-for': '10.0.0.1', 'x-real-ip': '10.0.0.1' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const via = (remoteAddress: string, forwarded: string) =>
      proxied.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
      });
    expect((await via('192.0.2.1', '10.0.0.1')).statusCode).toBe(200);
    expect((await via('192.0.2.1', '198.51.100.9')).statusCode).toBe(404);
    expect((await via('198.51.100.9', '10.0.0.1')).statusCode).toBe(404);
  });

  it('refuses odd Authorization headers with 404, never a 500', async () => {
    const headers = [
      'Bearer',
      'Bearer ',
      `bearer ${TOKEN}`,
      `Bearer  ${TOKEN}`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      `Bearer ${'A'.repeat(8000)}`,
      `Bearer ${TOKEN.slice(0, -1)}é`,
      `Bearer ${TOKEN}\u0000`,
    ];
    for (const authorization of headers) {
      const res = await app
        .inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.9', headers: { authorization } })
        .catch((error: Error) => ({ statusCode: 400, body: error.message }));
      expect([400, 404], authorization.slice(0, 40)).toContain(res.statusCode);
      expect(res.body).not.toContain('seminar_http');
    }
  });

  it('answers other methods and look-alike paths without the metrics, never a 500', async () => {
    for (const [method, url] of [
      ['POST', '/metrics'],
      ['DELETE', '/metrics'],
      ['GET', '/metrics/../metrics%00'],
      ['GET', '/api/metrics'],
      ['GET', '/METRICS'],
    ] as const) {
      const res = await app.inject({ method, url, remoteAddress: '198.51.100.9' });
      // (The web client may answer an unknown page path with its index page: never with the metrics.)
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(res.body).not.toContain('seminar_http');
    }
  });
});
