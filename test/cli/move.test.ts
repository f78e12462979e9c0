// `seminar move --to postgres://…` from the built CLI: a SQLite instance with hand-ins (text and a file) is copied
// into an empty PostgreSQL database; every API read and download then matches, and a second move into it is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { ensureBuilt } from '../support/built-seminar.js';
import { createTestDatabase, inCi, pgUnavailable, type TestDatabase } from '../support/dialects.js';
import { buildWorkWorld, type WorkWorld } from '../http/work-helpers.js';
import { blobHashes, handInSome, NOW, reads } from '../storage/backup-world.js';
import { runSeminar } from './run-cli.js';

const run = pgUnavailable && !inCi ? describe.skip : describe;

run('seminar move', () => {
  let source: TestDatabase & { drop(): Promise<void> };
  let target: TestDatabase & { drop(): Promise<void> };
  let world: WorkWorld;
  let ids: string[];
  let before: Record<string, unknown>;

  beforeAll(async () => {
    await ensureBuilt();
    if (pgUnavailable) throw new Error(`PostgreSQL is needed (CI=true): ${pgUnavailable}`);
    source = await createTestDatabase('sqlite');
    target = await createTestDatabase('postgres');
    world = await buildWorkWorld(source.db, NOW);
    const app = await buildApp({ config: source.config, db: source.db, clock: () => NOW });
    await app.ready();
    ids = await handInSome(app, world);
    before = await reads(app, world, ids);
    await app.close();
  }, 180_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  const move = () =>
    runSeminar(
      ['move', '--to', target.config.database.kind === 'postgres' ? target.config.database.url : ''],
      {
        DATA_DIR: source.dataDir,
      },
    );

  it('copies the SQLite instance into PostgreSQL and prints the one setting to change', async () => {
    const moved = await move();
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/Moved \d+ tables \(\d+ rows, counts checked\) and 1 files/);
    expect(moved.stdout).toContain('DATABASE_URL=postgres');
    // The files stay in DATA_DIR/files: the PostgreSQL instance reads them from the same folder.
    const config = { ...target.config, filesDir: source.config.filesDir };
    const app = await buildApp({ config, db: target.db, clock: () => NOW });
    await app.ready();
    expect(await reads(app, world, ids)).toEqual(before);
    await app.close();
    // Every blob the rows name is still in the folder, whole (blobHashes reads each one).
    expect(await blobHashes(source.config.filesDir)).toHaveLength(1);
  });

  it('refuses a target that already holds data, with a message', async () => {
    const again = await move();
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not empty/);
  });

  it('refuses an address that is not PostgreSQL', async () => {
    const wrong = await runSeminar(['move', '--to', 'mysql://root@127.0.0.1/x'], {
      DATA_DIR: source.dataDir,
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--to must be a postgres:// URL.');
  });
});
