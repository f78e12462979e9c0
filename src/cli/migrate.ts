// `seminar migrate [--down]`: bring the database schema up to date, or undo the last migration.
import type { Command } from 'commander';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('run pending database migrations (or undo the most recent one with --down)')
    .option('--down', 'undo the most recent migration')
    .action(async (opts: { down?: boolean }) => {
      const { loadConfig } = await import('../config.js');
      const { createDb } = await import('../storage/db.js');
      const { migrateDown, migrateToLatest } = await import('../storage/migrate.js');
      const config = loadConfig();
      const db = createDb(config.database);
      try {
        const result = opts.down ? await migrateDown(db) : await migrateToLatest(db);
        if (result.applied.length === 0)
          process.stdout.write(opts.down ? 'No migration to undo.\n' : 'Database is up to date.\n');
        for (const name of result.applied)
          process.stdout.write(`${opts.down ? 'undone' : 'applied'} ${name}\n`);
      } finally {
        await db.destroy();
      }
    });
}
