// `seminar assign SLUG`: plan the role assignment and print it (--dry-run), or apply it and print the diff; the demo's groups step.
import { plural } from '../contracts/words.js';
import type { Command } from 'commander';
import type { RolePlanPreview } from '../services/assignment/plan-roles.js';
import type { CourseAccess } from '../services/enrollment/course-access.js';
import { DomainError } from '../services/errors.js';
import type { Seminar } from '../main.js';
import type { DemoContext } from './demo.js';
import { parseSlug } from './options.js';

interface AssignOptions {
  dryRun?: boolean;
  json?: boolean;
  timeLimit?: string;
  at?: string;
}

const ROLE_WORD = { presenter: 'presents', summarizer: 'summarizes', reviewer: 'reviews' } as const;

function describePlan(plan: RolePlanPreview): string[] {
  const lines = [
    `${plan.status === 'optimal' ? 'Optimal' : `Time limit reached (gap ${(plan.gap * 100).toFixed(1)}%)`} in ${Math.round(plan.solveTimeMs)} ms; mean presenter rank ${plan.meanRank.toFixed(2)}, worst ${plan.worstRank}, week clashes ${plan.weekClashes}.`,
    ...plan.notes.map((n) => `note: ${n}`),
    ...(plan.frozenClasses > 0
      ? [`${plan.frozenClasses} classes under way or past keep their roles; only the rest is planned.`]
      : []),
    ...plan.changes.map(
      (c) => `change: ${c.meetingLabel} ${c.role}: ${c.from ?? 'nobody'} -> ${c.to ?? 'nobody'} (${c.why})`,
    ),
    ...plan.groups.map((g) => `${g.groupName}: ${g.explanation}`),
  ];
  return lines;
}

function describeDiff(diff: RolePlanPreview['diff']): string[] {
  return [
    ...diff.added.map((a) => `+ ${a.groupName} ${ROLE_WORD[a.role]} ${a.meetingLabel}`),
    ...diff.removed.map((a) => `- ${a.groupName} ${ROLE_WORD[a.role]} ${a.meetingLabel}`),
    ...diff.changed.map((c) => `~ ${c.groupName} ${c.meetingLabel}: ${c.from} -> ${c.to}`),
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`,
  ];
}

export function registerAssign(program: Command): void {
  program
    .command('assign')
    .description(
      'plan the presenter/summary/reviewer roles of a course and apply them (--dry-run: print the plan only)',
    )
    .argument('<slug>', 'the course, e.g. cs598-genai-f24', parseSlug)
    .option('--dry-run', 'plan and print, change nothing')
    .option('--json', 'print the plan (and the diff) as JSON')
    .option('--time-limit <seconds>', 'solver time budget in seconds (default 20)')
    .option(
      '--at <instant>',
      'plan as at this ISO-8601 instant with offset (default now): classes under way then keep their roles',
    )
    .action(async (slug: string, opts: AssignOptions) => {
      // Loaded here so that other commands start without the solver and storage modules.
      const { loadConfig } = await import('../config.js');
      const { createDb } = await import('../storage/db.js');
      const { migrateToLatest } = await import('../storage/migrate.js');
      const { findCourseRef } = await import('../storage/repositories/enrollments.js');
      const { applyRolePlan, planRoles } = await import('../services/assignment/plan-roles.js');
      const config = loadConfig();
      const db = createDb(config.database);
      try {
        await migrateToLatest(db);
        const course = await findCourseRef(db, slug);
        if (!course) throw new DomainError('not_found', `No course "${slug}" here.`);
        // The CLI runs with the operator's authority (whoever can run it can read the database).
        const access: CourseAccess = {
          course,
          viewer: { userId: 'cli', isAdmin: true },
          membership: { role: null, dropped: false },
        };
        let deps: { db: typeof db; clock?: () => Date } = { db };
        if (opts.at !== undefined) {
          const at = /(Z|[+-]\d{2}:?\d{2})$/i.test(opts.at) ? new Date(opts.at) : new Date(Number.NaN);
          if (Number.isNaN(at.getTime()))
            throw new DomainError(
              'invalid_input',
              '--at takes an ISO-8601 instant with an offset, e.g. 2024-11-10T12:00:00-06:00.',
            );
          deps = { db, clock: () => at };
        }
        const seconds = opts.timeLimit ? Number(opts.timeLimit) : undefined;
        if (seconds !== undefined && !(seconds > 0 && seconds <= 3600))
          throw new DomainError(
            'invalid_input',
            '--time-limit takes a number of seconds between 1 and 3600.',
          );
        const plan = await planRoles(deps, access, seconds ? { timeLimitSeconds: seconds } : {});
        if (opts.dryRun) {
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(plan, null, 2)}\n`
              : `${describePlan(plan).join('\n')}\n${describeDiff(plan.diff).join('\n')}\n(dry run: nothing changed)\n`,
          );
          return;
        }
        const applied = await applyRolePlan(deps, access, plan.planId);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ plan, applied }, null, 2)}\n`
            : `${describePlan(plan).join('\n')}\n${describeDiff(applied.diff).join('\n')}\nApplied ${applied.applied} roles.\n`,
        );
      } finally {
        await db.destroy();
      }
    });
}

/** The demo's groups step (see demoSteps in demo.ts): students in groups with rankings, roles assigned and published. */
export async function demoGroupsStep(seminar: Seminar, ctx: DemoContext): Promise<void> {
  const { seedGroups } = await import('../services/demo/seed-groups.js');
  const report = await seedGroups({ db: seminar.db }, ctx.course.stored.slug, 2024);
  ctx.say(
    report.groupsCreated + report.rankingsCreated + report.rolesApplied > 0
      ? `Demo groups: ${plural(report.groupsCreated, 'group')} formed, ${plural(report.rankingsCreated, 'ranking')}, ${plural(report.rolesApplied, 'role')} assigned${report.published ? ' and published' : ''}.`
      : 'Demo groups, rankings and roles are in place.',
  );
}
