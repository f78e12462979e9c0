// `seminar assign SLUG --dry-run --json` prints the plan and changes nothing; without --dry-run it applies and prints the diff.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { listRoles } from '../../src/storage/repositories/roles.js';

const run = promisify(execFile);
const SLUG = 'cs598-genai-f24';

describe('seminar assign', () => {
  let dataDir = '';
  let courseId = '';
  const env = () => ({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const roles = async () => {
    const db = createDb(loadConfig({ DATA_DIR: dataDir }).database);
    try {
      return await listRoles(db, courseId, { publishedOnly: false });
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'seminar-cli-assign-'));
    const db = createDb(loadConfig({ DATA_DIR: dataDir }).database);
    try {
      await migrateToLatest(db);
      const imported = await importSyllabus(
        { db },
        { source: readFileSync('examples/cs598-genai-f24.md'), slug: SLUG, timeZone: 'America/Chicago' },
      );
      courseId = imported.stored.id;
      await seedDemoAccounts(db, new Date(), courseId);
      await seedGroups({ db }, SLUG, 11);
    } finally {
      await db.destroy();
    }
  }, 120_000);
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the same plan as the one applied (same input, same plan) as JSON and changes nothing', async () => {
    const before = await roles();
    // Before the term: no class is under way, so the whole term is planned again (and comes out the same).
    const { stdout } = await run(
      'node',
      ['bin/seminar.js', 'assign', SLUG, '--dry-run', '--json', '--at', '2024-08-01T00:00:00Z'],
      { env: env() },
    );
    const plan = JSON.parse(stdout) as {
      status: string;
      assignments: unknown[];
      diff: { added: unknown[]; removed: unknown[]; changed: unknown[]; unchanged: number };
      groups: { explanation: string }[];
    };
    expect(plan.status).toBe('optimal');
    expect(plan.groups).toHaveLength(4);
    expect(plan.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: before.length });
    expect(plan).toMatchObject({ changes: [], frozenClasses: 0 });
    expect(await roles()).toEqual(before);
  }, 120_000);

  it('plans nothing of a term that is over: every class keeps its roles and the change list is empty', async () => {
    const before = await roles();
    const { stdout } = await run('node', ['bin/seminar.js', 'assign', SLUG, '--dry-run', '--json'], {
      env: env(),
    });
    const plan = JSON.parse(stdout) as { changes: unknown[]; frozenClasses: number; assignments: unknown[] };
    expect(plan.changes).toEqual([]);
    expect(plan.assignments).toEqual([]);
    expect(plan.frozenClasses).toBe(new Set(before.map((r) => r.meetingId)).size);
    expect(await roles()).toEqual(before);
    const bad = await run('node', ['bin/seminar.js', 'assign', SLUG, '--dry-run', '--at', 'Nov 10'], {
      env: env(),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toMatch(/--at takes an ISO-8601 instant/);
  }, 120_000);

  it('applies without --dry-run and prints the diff in words', async () => {
    const { stdout } = await run('node', ['bin/seminar.js', 'assign', SLUG], { env: env() });
    expect(stdout).toMatch(/0 added, 0 removed, 0 changed, \d+ unchanged\./);
    expect(stdout).toMatch(/Applied \d+ roles\./);
  }, 120_000);

  it('fails with one line for an unknown course', async () => {
    const failure = await run('node', ['bin/seminar.js', 'assign', 'no-such-course', '--dry-run'], {
      env: env(),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim()).toBe('seminar: No course "no-such-course" here.');
  }, 120_000);
});
