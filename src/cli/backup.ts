// `seminar backup --out FILE`, `seminar restore FILE`, `seminar move --to postgres://…`: one archive of the database and files.
import type { Command } from 'commander';
import { CliError } from './main.js';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

async function open() {
  const { loadConfig } = await import('../config.js');
  const { createDb } = await import('../storage/db.js');
  const { blobStorageFor } = await import('../files/stores.js');
  const archive = await import('../backup/archive.js');
  const config = loadConfig();
  return { config, createDb, files: blobStorageFor(config), archive };
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the database and every file to one archive, while Seminar runs')
    .requiredOption('--out <file>', 'the archive to write (a .zip)')
    .action(async (opts: { out: string }) => {
      const { config, createDb, files, archive } = await open();
      const db = createDb(config.database);
      try {
        const m = await archive.backup({ db, files, now: new Date() }, opts.out);
        const rows = m.tables.reduce((n, t) => n + t.rows, 0);
        const { size } = await (await import('node:fs/promises')).stat(opts.out);
        process.stdout.write(
          `Backed up ${m.tables.length} tables (${rows} rows) and ${m.blobs.length} files to ${opts.out} (${mb(size)}).\n`,
        );
      } finally {
        await db.destroy();
      }
    });

  program
    .command('restore')
    .description('load an archive of `seminar backup` into an empty database and file store')
    .argument('<file>', 'the archive')
    .action(async (file: string) => {
      const { config, createDb, files, archive } = await open();
      const db = createDb(config.database);
      try {
        const r = await archive.restore({ db, files }, file).catch(rethrow(archive.BackupError));
        process.stdout.write(
          `Restored ${r.tables} tables (${r.rows} rows) and ${r.blobs} files (${mb(r.bytes)}); every sha-256 checked.\n`,
        );
      } finally {
        await db.destroy();
      }
    });

  program
    .command('move')
    .description('copy this SQLite instance (database and files) to an empty PostgreSQL database')
    .requiredOption('--to <url>', 'the PostgreSQL database, postgres://…')
    .action(async (opts: { to: string }) => {
      const { config, createDb, files, archive } = await open();
      if (!/^postgres(ql)?:\/\//.test(opts.to)) throw new CliError('--to must be a postgres:// URL.');
      if (config.database.kind !== 'sqlite')
        throw new CliError(
          'move copies a SQLite instance: unset DATABASE_URL so it reads DATA_DIR/seminar.db.',
        );
      const { BlobStore } = await import('../files/blob-store.js');
      const { mkdtemp, rm } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const work = await mkdtemp(join(tmpdir(), 'seminar-move-'));
      const source = createDb(config.database);
      const target = createDb({ kind: 'postgres', url: opts.to });
      try {
        // The SQLite instance keeps its files in DATA_DIR/files; with S3 set they are copied to the bucket.
        const file = join(work, 'move.zip');
        await archive.backup({ db: source, files: new BlobStore(config.filesDir), now: new Date() }, file);
        const r = await archive
          .restore({ db: target, files }, file, { blobs: config.s3 ? 'copy' : 'check' })
          .catch(rethrow(archive.BackupError));
        process.stdout.write(
          `Moved ${r.tables} tables (${r.rows} rows, counts checked) and ${r.blobs} files (${mb(r.bytes)}, sha-256 checked${config.s3 ? `, now in ${files.location}` : ', left in place'}).\n` +
            `Change one setting and restart Seminar:\nDATABASE_URL=${opts.to}\n`,
        );
      } finally {
        await source.destroy();
        await target.destroy();
        await rm(work, { recursive: true, force: true });
      }
    });
}

function rethrow(kind: new (...a: never[]) => Error) {
  return (error: unknown): never => {
    throw error instanceof kind ? new CliError(error.message) : error;
  };
}
