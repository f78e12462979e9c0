// Readiness for a balancer: /api/ready answers 200 only when the database answers with this version's migrations,
// 503 with the reason otherwise and while draining; a database newer than the code is refused by the migrator.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createDb } from '../../src/storage/db.js';
import { migrateToLatest, SchemaNewerError } from '../../src/storage/migrate.js';
import { describeEachDialect } from '../support/dialects.js';

const FUTURE = '2099_01_01_0000_from_a_newer_version';

describeEachDialect('readiness', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const { config, db } = get();
    app = await buildApp({ config, db });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is ready on a migrated database, and says so without caching', async () => {
    const res = await app.inject({ url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 with the reason when the database lacks a migration of this version', async () => {
    const { db } = get();
    const { rows } = await sql<{
      name: string;
    }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    const last = rows[0]!.name;
    await sql`delete from kysely_migration where name = ${last}`.execute(db);
    try {
      const res = await app.inject({ url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('migrations_pending');
      expect(res.json().error.message).toContain('seminar migrate');
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${new Date().toISOString()})`.execute(
        db,
      );
    }
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(200);
  });

  it('answers 503 when a newer version upgraded the database, and the migrator refuses to run on it', async () => {
    const { db, config } = get();
    await sql`insert into kysely_migration (name, timestamp) values (${FUTURE}, ${new Date().toISOString()})`.execute(
      db,
    );
    const other = createDb(config.database, { poolSize: 1 });
    try {
      const res = await app.inject({ url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'schema_newer' });
      expect(res.json().error.message).toContain(FUTURE);
      const refused = await migrateToLatest(other).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SchemaNewerError);
      expect((refused as Error).message).toMatch(/upgraded by a newer version of Seminar .*2099_01_01_0000/);
      // Liveness is not readiness: the process and the database are up.
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await other.destroy();
      await sql`delete from kysely_migration where name = ${FUTURE}`.execute(db);
    }
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(200);
  });

  it('answers 503 while draining, and every response then closes its connection', async () => {
    app.deps.lifecycle.draining = true;
    try {
      const ready = await app.inject({ url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.code).toBe('draining');
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.headers.connection).toBe('close');
    } finally {
      app.deps.lifecycle.draining = false;
    }
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers.connection).not.toBe('close');
  });
});
