// The `seminar` command as a user runs it: import --json, import --course twice, bad files, export/import round trip, usage errors.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toCourseModel } from '../../src/domain/stored-course.js';
import { getCourse } from '../../src/services/get-course.js';
import { listCourses } from '../../src/services/list-courses.js';
import { readSyllabus } from '../../src/services/import-syllabus.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { fixtureBytes, FIXTURE_PATH } from '../support/fixture.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { runSeminar } from './run-cli.js';

const zone = 'America/Chicago';
const parsed = readSyllabus({ source: fixtureBytes(), timeZone: zone });

// Each test starts node + tsx once or twice: slow on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

describe('seminar import / export', () => {
  let dir: TempDir;
  let env: Record<string, string>;
  const openDb = (): Db => createDb({ kind: 'sqlite', file: join(dir.path, 'data', 'seminar.db') });

  beforeAll(() => {
    dir = makeTempDir('seminar-cli-');
    env = { DATA_DIR: join(dir.path, 'data'), TIME_ZONE: zone };
  });
  afterAll(() => dir.remove());

  it('prints the course model as JSON and the warnings as file:line: message, storing nothing', async () => {
    const run = await runSeminar(['import', 'examples/cs598-genai-f24.md', '--json'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { course: typeof parsed.course; warnings: typeof parsed.warnings };
    expect(out.course.title).toBe('Systems for Generative AI');
    expect(out.course.meetings).toHaveLength(parsed.course.meetings.length);
    expect(out.course.meetings.flatMap((m) => m.readings)).toHaveLength(
      parsed.course.meetings.flatMap((m) => m.readings).length,
    );
    expect(out.course.components).toHaveLength(parsed.course.components.length);
    expect(out.warnings).toEqual(parsed.warnings);
    const lines = run.stderr.trim().split('\n').filter(Boolean);
    expect(lines).toHaveLength(parsed.warnings.length);
    for (const line of lines) expect(line).toMatch(/^examples\/cs598-genai-f24\.md:\d+: \S/);
    expect(existsSync(join(dir.path, 'data', 'seminar.db'))).toBe(false);
  });

  it('resolves relative links against --base-url, and refuses a base that is not an http(s) address', async () => {
    const base = 'https://github.com/example-org/cs598-genai-f24/blob/main/';
    const run = await runSeminar(
      ['import', 'examples/cs598-genai-f24.md', '--json', '--base-url', base],
      env,
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { course: typeof parsed.course };
    expect(out.course.resources.map((r) => r.url)).toContain(`${base}Resources/Starting%20with%20Cloudlab`);
    const bad = await runSeminar(
      ['import', 'examples/cs598-genai-f24.md', '--base-url', 'javascript:x'],
      env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^seminar: The base URL \(--base-url\) must be the http\(s\) address .*\n$/);
  });

  it('stores the course with --course, then updates it in place without duplicates', async () => {
    const first = await runSeminar(['import', FIXTURE_PATH, '--course', 'cs598-genai-f24'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created course cs598-genai-f24: /);
    const db = openDb();
    try {
      const before = await getCourse({ db }, 'cs598-genai-f24');
      const second = await runSeminar(['import', FIXTURE_PATH, '--course', 'cs598-genai-f24'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^updated course cs598-genai-f24: /);
      const after = await getCourse({ db }, 'cs598-genai-f24');
      expect(after.id).toBe(before.id);
      expect(after.meetings.map((m) => m.id)).toEqual(before.meetings.map((m) => m.id));
      expect(await db.selectFrom('meetings').select('id').execute()).toHaveLength(
        parsed.course.meetings.length,
      );
      expect(await db.selectFrom('courses').select('id').execute()).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });

  it.each([
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0])],
    ['an empty file', Buffer.alloc(0)],
    ['a file that is not a syllabus', Buffer.from('# Shopping\n\n- eggs\n- milk\n')],
  ])('refuses %s with exit 1, one clear line, nothing stored', async (name, bytes) => {
    const file = join(dir.path, `${name.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, bytes);
    const run = await runSeminar(['import', file, '--course', 'bad-input'], env);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.at(-1)).toMatch(/^seminar: .{10,}$/);
    // A Markdown file without a schedule is read anyway (its header), said on the line before the refusal.
    expect(lines.slice(0, -1)).toEqual(
      name === 'a file that is not a syllabus'
        ? [expect.stringContaining(`${file}: read anyway: Shopping: 0 staff members`)]
        : [],
    );
    expect(run.stdout).toBe('');
    const db = openDb();
    try {
      expect((await listCourses({ db })).map((c) => c.slug)).not.toContain('bad-input');
    } finally {
      await db.destroy();
    }
  });

  it('says so when the file does not exist (exit 1)', async () => {
    const run = await runSeminar(['import', join(dir.path, 'missing.md'), '--json'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing.md: no such file');
  });

  it('exports a course whose import gives the same course back', async () => {
    const out = join(dir.path, 'export.md');
    const exported = await runSeminar(['export', 'cs598-genai-f24', '--out', out], env);
    expect(exported.code).toBe(0);
    const again = await runSeminar(['import', out, '--course', 'round-trip'], env);
    expect(again.code).toBe(0);
    const db = openDb();
    try {
      expect(toCourseModel(await getCourse({ db }, 'round-trip'))).toEqual(
        toCourseModel(await getCourse({ db }, 'cs598-genai-f24')),
      );
    } finally {
      await db.destroy();
    }
  });

  it('answers an unknown course on export with exit 1', async () => {
    const run = await runSeminar(['export', 'no-such-course'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('seminar: No course "no-such-course" here.\n');
  });

  it.each([
    [['import']],
    [['import', 'x.md', '--shift-to', 'next monday']],
    [['import', 'x.md', '--course', 'Not A Slug']],
  ])('treats %j as a usage error (exit 2)', async (args) => {
    const run = await runSeminar(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('seminar --help');
  });

  it('migrates an up-to-date database without changes', async () => {
    const run = await runSeminar(['migrate'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Database is up to date.\n');
  });
});
