// 2 000 queued reminders sent through a local SMTP server by a worker process that is killed with SIGKILL halfway and
// started again: how many arrive, how many twice (as raw messages and as distinct Message-IDs), how many are missing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config.js';
import { notifyPeople } from '../src/services/notifications/notify.js';
import { createUser } from '../src/services/auth/users.js';
import { createDb, writeTransaction } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';

const COUNT = 2000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'bench/reminder-mail-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

export async function benchReminderMail(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'seminar-bench-mail-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const db = createDb(config.database);
  const received: Array<{ messageId: string; n: number }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? '',
          n: Number(/Reminder #(\d+)/.exec(raw)?.[1] ?? -1),
        });
        callback();
      });
    },
  });
  try {
    await migrateToLatest(db);
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++)
      ids.push(
        (
          await createUser(db, now, {
            email: `r${i}@example.edu`,
            name: `R ${i}`,
            passwordHash: null,
            isAdmin: false,
          })
        ).id,
      );
    const byUser = new Map(ids.map((id, i) => [id, i]));
    await writeTransaction(db, (trx) =>
      notifyPeople(trx, { publicUrl: 'http://seminar.test', now }, ids, (userId) => ({
        kind: 'reminders',
        subject: `Reminder #${byUser.get(userId)}`,
        text: `Reminder #${byUser.get(userId)}: your summary is due in 2 hours.`,
      })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const env = {
      SEMINAR_DB: JSON.stringify(config.database),
      SMTP_URL: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    };
    const started = performance.now();
    const first = startWorker(env);
    while (received.length < COUNT / 2) await new Promise((r) => setTimeout(r, 5));
    first.kill('SIGKILL');
    await exited(first);
    const atKill = received.length;
    const second = startWorker(env);
    const code = await exited(second);
    const seconds = (performance.now() - started) / 1000;
    const distinct = new Set(received.map((r) => r.n));
    const messageIds = new Set(received.map((r) => r.messageId));
    let missing = 0;
    for (let i = 0; i < COUNT; i++) if (!distinct.has(i)) missing++;
    return {
      queued: COUNT,
      receivedAtKill: atKill,
      restartExit: code,
      rawMessages: received.length,
      distinctReminders: distinct.size,
      distinctMessageIds: messageIds.size,
      duplicateMessageIds: received.length - messageIds.size,
      missing,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(received.length / seconds),
      note: 'a resent message carries the Message-ID of its queue job: raw resends after the kill are the same message',
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
