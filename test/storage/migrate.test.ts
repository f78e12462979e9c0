// The one migration folder runs up, down and up again on both dialects.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, it } from 'vitest';
import { listMigrations, migrateDown, migrateToLatest } from '../../src/storage/migrate.js';
import { createTestDatabase, describeEachDialect, testPgUrl } from '../support/dialects.js';

describeEachDialect('migrations', (get, dialect) => {
  it('has run every migration of the folder, oldest first', async () => {
    const all = await listMigrations(get().db);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((m) => m.executedAt !== null)).toBe(true);
    expect(all[0]!.name).toBe('2026_11_26_0001_courses');
    expect([...all.map((m) => m.name)].sort()).toEqual(all.map((m) => m.name));
  });

  it('undoes the newest migration and applies it again', async () => {
    const { db } = get();
    const names = (await listMigrations(db)).map((m) => m.name);
    const down = await migrateDown(db);
    expect(down.applied).toEqual([names.at(-1)]);
    const up = await migrateToLatest(db);
    expect(up.applied).toEqual([names.at(-1)]);
    expect(await migrateToLatest(db)).toEqual({ applied: [], direction: 'up' });
  });

  if (dialect === 'postgres') {
    it('migrates its own schema while another schema of the database keeps changing', async () => {
      // Other suites and instances create and drop tables in their own schemas while this one
      // migrates; nothing of theirs may be read (a table gone mid-read failed the migration).
      const other = `seminar_t_${Date.now().toString(36)}_other${randomBytes(3).toString('hex')}`;
      const columns = Array.from({ length: 40 }, (_, k) => `c${k} text`).join(', ');
      const admin = new pg.Client({ connectionString: testPgUrl });
      await admin.connect();
      let churning = true;
      const churn = (async () => {
        await admin.query(`create schema ${other}`);
        while (churning) {
          await admin.query(`create table ${other}.t (id serial primary key, ${columns})`);
          await admin.query(`drop table ${other}.t`);
        }
      })();
      try {
        for (let round = 0; round < 4; round++) {
          const fresh = await createTestDatabase('postgres');
          try {
            expect((await listMigrations(fresh.db)).every((m) => m.executedAt !== null)).toBe(true);
          } finally {
            await fresh.drop();
          }
        }
      } finally {
        churning = false;
        await churn;
        await admin.query(`drop schema if exists ${other} cascade`);
        await admin.end();
      }
    });
  }
});
