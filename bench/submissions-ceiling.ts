// The ceiling of the stack for bench/submissions.ts: same request shape, a bare durable insert (same ids, same group-commit
// writer and writer thread), no session, no rules, no mail.
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { Checkpointer } from '../src/storage/checkpointer.js';
import { createDb, PAGE_CACHE_KIB } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { newId } from '../src/storage/ids.js';
import { submissionWriterFor } from '../src/storage/repositories/work-writer.js';
import { threadStatements } from '../src/storage/repositories/work-writer-sqlite.js';
import { WriterThread } from '../src/storage/writer-thread.js';

const [dataDir, courseId, userId, databaseUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string | undefined,
];
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const db = createDb(config.database);
await migrateToLatest(db);
const writer = submissionWriterFor(db);
// The server's storage as it runs: its writer thread and its WAL checkpoint thread too.
const writerThread = WriterThread.start(db, threadStatements(), PAGE_CACHE_KIB);
writer.useThread(writerThread);
const checkpointer = Checkpointer.start(db);
const app = Fastify({ logger: false });
app.post('/api/courses/:slug/submissions', async (request, reply) => {
  const body = request.body as { text: string; meetingDate: string; readingIndex: number };
  const now = new Date().toISOString();
  const row = await writer.write({
    row: {
      id: newId(),
      course_id: courseId,
      deliverable_key: 'question',
      meeting_date: body.meetingDate,
      reading_index: body.readingIndex,
      slot: `${body.meetingDate}#${body.readingIndex}`,
      // One owner per student, as in the real hand-ins (the session cookie tells them apart).
      owner: `u:${userId}:${String(request.headers.cookie ?? '').slice(16, 40)}`,
      user_id: userId,
      group_id: null,
      submitted_at: now,
      due_at: now,
      text: body.text,
      late: 0,
      outcome: 'on-time',
      late_by_ms: 0,
      sha256: createHash('sha256').update(body.text).digest('hex'),
      size: Buffer.byteLength(body.text),
      warnings: '[]',
    },
    files: [],
    blobs: [],
  });
  return reply.code(201).send({ id: row.id, sha256: row.sha256 });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(
  `running at http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`,
);
// Exit cleanly on SIGTERM (the bench's stop), so that a --cpu-prof profile is written.
process.once(
  'SIGTERM',
  () =>
    void app.close().then(async () => {
      await writerThread?.stop();
      await checkpointer?.stop();
      process.exit(0);
    }),
);
