// `seminar demo` and `seminar serve` as processes: the demo course is live mid-semester, a re-run duplicates nothing, SIGTERM stops cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDetail } from '../../src/contracts/course.js';
import { createDb } from '../../src/storage/db.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { ROOT } from './run-cli.js';
import { ensureBuilt } from '../support/built-seminar.js';

// The suite spawns bin/seminar.js, which runs dist/.
beforeAll(ensureBuilt, 180_000);

interface Running {
  url: string;
  stdout: string;
  child: ChildProcess;
}

function start(command: 'demo' | 'serve', dataDir: string): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/seminar.js', command], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /running at (http:\/\/[\d.:]+)/.exec(stdout);
      if (match) resolve({ url: match[1]!, stdout, child });
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => reject(new Error(`seminar ${command} exited with ${code}: ${stderr}`)));
  });
}

function stop(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGTERM');
  });
}

describe('seminar demo', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = makeTempDir('seminar-demo-');
  });
  afterAll(() => dir.remove());

  it('serves the demo course with today inside the semester, and a second run updates it in place', async () => {
    const first = await start('demo', dir.path);
    let firstIds: string[];
    try {
      expect(first.stdout).toMatch(
        /Imported the demo course cs598-genai-f24: first class \d{4}-\d{2}-\d{2}\./,
      );
      const res = await fetch(`${first.url}/api/courses/cs598-genai-f24`);
      expect(res.status).toBe(200);
      const course = (await res.json()) as CourseDetail;
      const now = Date.now();
      expect(Date.parse(course.meetings[0]!.date)).toBeLessThan(now);
      expect(Date.parse(course.meetings.at(-1)!.date)).toBeGreaterThan(now);
      expect(course.nextMeetingId).not.toBeNull();
      firstIds = course.meetings.map((m) => m.id);
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await start('demo', dir.path);
    try {
      expect(second.stdout).toContain('Updated the demo course cs598-genai-f24');
      const course = (await (
        await fetch(`${second.url}/api/courses/cs598-genai-f24`)
      ).json()) as CourseDetail;
      expect(course.meetings.map((m) => m.id)).toEqual(firstIds);
    } finally {
      expect(await stop(second)).toBe(0);
    }
    const db = createDb({ kind: 'sqlite', file: join(dir.path, 'seminar.db') });
    try {
      expect(await db.selectFrom('courses').select('slug').execute()).toEqual([{ slug: 'cs598-genai-f24' }]);
      expect(await db.selectFrom('meetings').select('id').execute()).toHaveLength(firstIds.length);
    } finally {
      await db.destroy();
    }
  }, 600_000);

  it('serves the same data with `seminar serve` and answers health', async () => {
    const running = await start('serve', dir.path);
    try {
      expect(await (await fetch(`${running.url}/api/health`)).json()).toEqual({
        status: 'ok',
        database: 'ok',
      });
      const list = (await (await fetch(`${running.url}/api/courses`)).json()) as {
        courses: Array<{ slug: string }>;
      };
      expect(list.courses.map((c) => c.slug)).toEqual(['cs598-genai-f24']);
    } finally {
      expect(await stop(running)).toBe(0);
    }
  }, 180_000);
});
