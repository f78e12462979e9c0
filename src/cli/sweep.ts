// `seminar sweep [--dry-run]`: remove file blobs no row names and uploads abandoned by a killed server.
import type { Command } from 'commander';
import { parseMinutes } from './options.js';

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('remove stored files no hand-in names and abandoned uploads (--dry-run lists them)')
    .option('--dry-run', 'list what would be removed, remove nothing')
    .option('--min-age <minutes>', 'leave files written in the last MINUTES alone', parseMinutes, 15)
    .action(async (opts: { dryRun?: boolean; minAge: number }) => {
      const { loadConfig } = await import('../config.js');
      const { blobStorageFor } = await import('../files/stores.js');
      const { sweepOrphans } = await import('../services/files/sweep.js');
      const { createDb } = await import('../storage/db.js');
      const { migrateToLatest } = await import('../storage/migrate.js');
      const config = loadConfig();
      const db = createDb(config.database);
      try {
        await migrateToLatest(db);
        const report = await sweepOrphans({ db }, blobStorageFor(config), {
          dryRun: opts.dryRun === true,
          blobMinAgeMs: opts.minAge * 60_000,
        });
        const verb = report.dryRun ? 'would remove' : 'removed';
        for (const b of report.blobs) process.stdout.write(`${verb} blob ${b.sha256} (${b.size} bytes)\n`);
        for (const t of report.temp) process.stdout.write(`${verb} upload tmp/${t.name} (${t.size} bytes)\n`);
        process.stdout.write(
          `${report.blobs.length} orphan blob(s), ${report.temp.length} abandoned upload(s), ${report.bytes} bytes ${report.dryRun ? 'would be freed (dry run)' : 'freed'}; ${report.kept} blob(s) kept.\n`,
        );
      } finally {
        await db.destroy();
      }
    });
}
