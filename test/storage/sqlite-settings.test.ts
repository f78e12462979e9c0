// What every SQLite connection Seminar opens is set to: the durability promise and the page cache a burst needs.
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createDb, sqliteHandle, type Db } from '../../src/storage/db.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

let temp: TempDir | null = null;
let db: Db | null = null;
afterEach(async () => {
  await db?.destroy();
  temp?.remove();
});

it('opens a file database in WAL mode, synchronous=FULL, foreign keys on, with a 64 MiB page cache', () => {
  temp = makeTempDir('seminar-settings-');
  db = createDb({ kind: 'sqlite', file: join(temp.path, 'seminar.db') });
  const raw = sqliteHandle(db)!;
  expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(raw.pragma('synchronous', { simple: true })).toBe(2);
  expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(raw.pragma('busy_timeout', { simple: true })).toBe(5000);
  // Negative: a size in KiB (SQLite's own default is -2000).
  expect(raw.pragma('cache_size', { simple: true })).toBe(-65536);
});
