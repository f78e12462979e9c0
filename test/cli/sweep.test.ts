// `seminar sweep`: lists (--dry-run) and removes file blobs no row names and abandoned uploads, from the built CLI on SQLite.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { ensureBuilt } from '../support/built-seminar.js';
import { runSeminar } from './run-cli.js';

describe('seminar sweep', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let orphan = '';
  let blobPath = '';
  const env = () => ({ DATA_DIR: database.dataDir });
  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('sqlite');
    await database.db.destroy();
    const store = new BlobStore(database.config.filesDir);
    orphan = createHash('sha256').update('killed upload').digest('hex');
    blobPath = store.pathOf(orphan);
    mkdirSync(join(blobPath, '..'), { recursive: true });
    writeFileSync(blobPath, 'killed upload');
    const old = new Date(Date.now() - 3 * 3_600_000);
    utimesSync(blobPath, old, old);
  }, 180_000);
  afterAll(() => database.drop());

  it('lists the orphan with --dry-run and removes nothing', async () => {
    const run = await runSeminar(['sweep', '--dry-run'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`would remove blob ${orphan} (13 bytes)`);
    expect(run.stdout).toContain(
      '1 orphan blob(s), 0 abandoned upload(s), 13 bytes would be freed (dry run)',
    );
    expect(existsSync(blobPath)).toBe(true);
  });

  it('refuses a minimum age that is not a number of minutes (usage error)', async () => {
    const run = await runSeminar(['sweep', '--min-age', 'soon'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a whole number of minutes');
    expect(existsSync(blobPath)).toBe(true);
  });

  it('leaves the orphan while it is younger than --min-age, then removes it', async () => {
    const young = await runSeminar(['sweep', '--min-age', '600'], env());
    expect(young.stdout).toContain('0 orphan blob(s)');
    expect(existsSync(blobPath)).toBe(true);
    const run = await runSeminar(['sweep'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`removed blob ${orphan}`);
    expect(existsSync(blobPath)).toBe(false);
  });
});
