// `seminar export SLUG [--out FILE]`: write a stored course back as a Markdown syllabus.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseSlug } from './options.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a stored course as a Markdown syllabus (stdout, or --out FILE)')
    .argument('<slug>', 'course slug', parseSlug)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (slug: string, opts: { out?: string }) => {
      const { loadConfig } = await import('../config.js');
      const { exportCourse } = await import('../services/export-course.js');
      const { createDb } = await import('../storage/db.js');
      const { migrateToLatest } = await import('../storage/migrate.js');
      const config = loadConfig();
      const db = createDb(config.database);
      try {
        await migrateToLatest(db);
        const markdown = await exportCourse({ db }, slug);
        if (opts.out) {
          writeFileSync(opts.out, markdown);
          process.stderr.write(`wrote ${opts.out}\n`);
        } else {
          process.stdout.write(markdown);
        }
      } finally {
        await db.destroy();
      }
    });
}
