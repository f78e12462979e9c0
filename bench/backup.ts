// `seminar backup` and `seminar restore` of a course with 300 students and 5 000 hand-ins (a tenth of them files), on
// SQLite and on PostgreSQL: wall time of each command as an operator runs it, and the archive's size.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSeminar } from '../test/cli/run-cli.js';
import { createPgDatabase } from '../test/cluster/processes.js';
import { loadConfig } from '../src/config.js';
import { BlobStore } from '../src/files/blob-store.js';
import { createDb, type Db } from '../src/storage/db.js';
import { newId } from '../src/storage/ids.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { submissionWriterFor, type WriterItem } from '../src/storage/repositories/work-writer.js';
import { classDateSoon, seedHandInCourse } from './hand-ins.js';

const FILE_BYTES = 64 * 1024;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 300 students' hand-ins straight through the group-commit writer (the rows `seminar serve` writes, without HTTP):
 * questions on the meeting's two readings, many in several versions, and one slide deck (a file of random,
 * incompressible bytes, like a PDF) from each of `fileCount` students.
 */
async function fillCourse(
  db: Db,
  filesDir: string,
  studentCount: number,
  handIns: number,
  fileCount: number,
) {
  const classDate = classDateSoon();
  const { courseId, userIds } = await seedHandInCourse(db, classDate, studentCount);
  const writer = submissionWriterFor(db);
  const store = new BlobStore(filesDir);
  const now = new Date().toISOString();
  const items: Array<Promise<unknown>> = [];
  for (let i = 0; i < handIns; i++) {
    const userId = userIds[i % userIds.length]!;
    const base = {
      id: newId(),
      course_id: courseId,
      meeting_date: classDate,
      owner: `u:${userId}`,
      user_id: userId,
      group_id: null,
      submitted_at: now,
      due_at: now,
      late: 0,
      outcome: 'on-time' as const,
      late_by_ms: 0,
      warnings: '[]',
    };
    let item: WriterItem;
    if (i < fileCount) {
      const temp = await store.receiveBytes(randomBytes(FILE_BYTES));
      await store.commit(temp);
      const blob = { sha256: temp.sha256, size: temp.size, type: 'application/pdf', created_at: now };
      item = {
        row: {
          ...base,
          deliverable_key: 'slides',
          reading_index: null,
          slot: `${classDate}#-`,
          text: null,
          sha256: temp.sha256,
          size: temp.size,
        },
        files: [
          {
            position: 0,
            sha256: temp.sha256,
            name: 'talk.pdf',
            type: 'application/pdf',
            size: temp.size,
            pages: 12,
            readme: null,
          },
        ],
        blobs: [blob],
      };
    } else {
      const text = `Question ${i}: how does this scale to ${randomBytes(3).readUIntBE(0, 3)} GPUs, and what breaks first?`;
      item = {
        row: {
          ...base,
          deliverable_key: 'question',
          reading_index: i % 2,
          slot: `${classDate}#${i % 2}`,
          text,
          sha256: createHash('sha256').update(text).digest('hex'),
          size: Buffer.byteLength(text),
        },
        files: [],
        blobs: [],
      };
    }
    items.push(writer.write(item));
    if (items.length >= 200) await Promise.all(items.splice(0));
  }
  await Promise.all(items);
}

async function timed(
  args: string[],
  env: Record<string, string>,
): Promise<{ seconds: number; said: string }> {
  const t0 = performance.now();
  const run = await runSeminar(args, env);
  const seconds = round2((performance.now() - t0) / 1000);
  if (run.code !== 0)
    throw new Error(`seminar ${args.join(' ')} failed (${run.code}): ${run.stderr || run.stdout}`);
  return { seconds, said: run.stdout.trim() };
}

/** Backup of a filled course, then restore into an empty database and folder, for each dialect. */
export async function benchBackup(
  studentCount = 300,
  handIns = 5000,
  fileCount = 500,
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'seminar-bench-backup-'));
  const out: Record<string, unknown> = {
    students: studentCount,
    handIns,
    fileHandIns: fileCount,
    fileBytes: FILE_BYTES,
    timesAre: 'wall seconds of the `seminar` command, Node start included (about half a second)',
  };
  try {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const source = join(dir, `${dialect}-source`);
      const target = join(dir, `${dialect}-target`);
      const databases = dialect === 'postgres' ? [await createPgDatabase(), await createPgDatabase()] : [];
      try {
        const envOf = (dataDir: string, db?: { url: string }): Record<string, string> => ({
          DATA_DIR: dataDir,
          ...(db ? { DATABASE_URL: db.url } : {}),
        });
        const sourceEnv = envOf(source, databases[0]);
        const config = loadConfig(sourceEnv);
        const db = createDb(config.database);
        const t0 = performance.now();
        try {
          await migrateToLatest(db);
          await fillCourse(db, config.filesDir, studentCount, handIns, fileCount);
        } finally {
          await db.destroy();
        }
        const fillSeconds = round2((performance.now() - t0) / 1000);
        const archive = join(dir, `${dialect}.zip`);
        const loadBefore = round2(loadavg()[0]!);
        const backup = await timed(['backup', '--out', archive], sourceEnv);
        const restore = await timed(['restore', archive], envOf(target, databases[1]));
        out[dialect] = {
          fillSeconds,
          backupSeconds: backup.seconds,
          restoreSeconds: restore.seconds,
          archiveMB: round2(statSync(archive).size / 1048576),
          backupSaid: backup.said,
          restoreSaid: restore.said,
          load1: { before: loadBefore, after: round2(loadavg()[0]!) },
        };
      } finally {
        for (const d of databases) await d.drop();
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchBackup(), null, 2) + '\n');
}
