// The app around the routes: health, errors for bad input, OpenAPI document and docs, the web client with its SPA fallback.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { errorSchema } from '../../src/contracts/course.js';
import { buildApp } from '../../src/http/app.js';
import { describeEachDialect } from '../support/dialects.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

describeEachDialect('app', (get) => {
  let app: FastifyInstance;
  let web: TempDir;

  beforeAll(async () => {
    web = makeTempDir('seminar-web-');
    mkdirSync(join(web.path, 'assets'));
    writeFileSync(
      join(web.path, 'index.html'),
      '<!doctype html><title>Seminar client</title><div id="root"></div>',
    );
    writeFileSync(join(web.path, 'assets', 'index-abc123.js'), 'console.log("client");'.repeat(100));
    const { config, db } = get();
    app = await buildApp({ config, db, webDir: web.path });
    // A JSON route for body tests, added the way a later route plugin would be.
    app.post('/api/test-echo', async (request) => ({ got: request.body }));
  });
  afterAll(async () => {
    await app?.close();
    web?.remove();
  });

  it('reports health with a database check', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'] as const) {
      const res = await app.inject({ method, url: '/api/no-such-thing' });
      expect(res.statusCode).toBe(404);
      if (method !== 'HEAD') expect(errorSchema.parse(res.json()).error.code).toBe('not_found');
    }
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(res.statusCode).toBe(400);
    expect(errorSchema.parse(res.json()).error.code).toBe('invalid_json');
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(errorSchema.parse(res.json()).error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/x-nonsense' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(errorSchema.parse(res.json()).error.code).toBe('unsupported_media_type');
  });

  it('publishes an OpenAPI 3 document listing the course routes with their schemas', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, any>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/courses', '/api/courses/{slug}']),
    );
    const detail = doc.paths['/api/courses/{slug}']!.get;
    expect(detail.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'slug', in: 'path', required: true })]),
    );
    const schema = detail.responses['200'].content['application/json'].schema;
    expect(schema.properties.meetings.type).toBe('array');
    expect(schema.required).toEqual(
      expect.arrayContaining(['slug', 'meetings', 'nextMeetingId', 'abilities']),
    );
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('serves the API docs page', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers every page path with the client index.html (SPA fallback), never cached', async () => {
    for (const url of ['/', '/courses/cs598-genai-f24', '/courses/cs598-genai-f24/schedule?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Seminar client</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a year-long immutable cache, compressed when asked', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('app without a built web client', () => {
  it('tells to run npm run build:web on the home page', async () => {
    const empty = makeTempDir('seminar-noweb-');
    const db = await import('../support/dialects.js').then((m) => m.createTestDatabase('sqlite'));
    const app = await buildApp({ config: db.config, db: db.db, webDir: empty.path });
    try {
      const res = await app.inject({ url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build:web');
      expect((await app.inject({ url: '/api/courses' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.drop();
      empty.remove();
    }
  });
});
