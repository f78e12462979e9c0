// The one migration folder runs up, down and up again on both dialects.
import { expect, it } from 'vitest';
import { listMigrations, migrateDown, migrateToLatest } from '../../src/storage/migrate.js';
import { describeEachDialect } from '../support/dialects.js';

describeEachDialect('migrations', (get) => {
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
});
