// Demo grades for `npm start`: past work graded with rubric scores and comments (some released, some not), some left ungraded, one regrade request — through the real use cases. Idempotent.
import { toMillis } from '../../domain/due.js';
import type { RubricCriterion } from '../../domain/rubrics.js';
import { listScoreRows } from '../../storage/repositories/grades.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import type { Db } from '../../storage/db.js';
import { enterScore, releaseItem } from '../grades/edit-grades.js';
import { loadGradeCourse, type StoredItem } from '../grades/load.js';
import { itemApplies } from '../grades/records.js';
import { requestRegrade } from '../grades/regrades.js';
import { loadWorkCourse } from '../work/context.js';

export interface SeedGradesReport {
  /** Items scored for every holder. */
  graded: number;
  /** Of those, released to students. */
  released: number;
  /** Past items left for the grading queue. */
  ungraded: number;
  regrades: number;
  skipped: boolean;
}

/** Who grades in the demo (the demo's TA), and who asks for a regrade. */
const GRADER_EMAIL = 'ta@example.edu';

const COMMENTS = [
  'Clear structure and a fair reading of the evaluation. **Next time**: say what the baseline leaves out.',
  'Good questions for the class. The cost argument needs one number to back it.',
  'Solid work. The second section repeats the paper; spend that space on your own view.',
  'Well argued; the limitations section is the strongest part.',
];

/** Rubric points: most criteria near full, one a little short, varied by a seed (decimals to the half point). */
function rubricScores(rubric: readonly RubricCriterion[], seed: number): Record<string, string> {
  return Object.fromEntries(
    rubric.map((c, i) => {
      const full = Number(c.points);
      const short = (seed + i) % 3 === 0 ? Math.min(full, 1 + ((seed + i) % 2)) * 0.5 : 0;
      return [c.key, String(Math.max(0, full - short))];
    }),
  );
}

/**
 * Grades the demo course as its TA at `now`: of the past items with a rubric (summaries, class
 * presentations), the older two thirds are scored for every holder with rubric scores and a comment;
 * the older half of those are released (students see them and are mailed), the rest wait unreleased;
 * the newest third stays ungraded for the grading queue. One student asks for a regrade of a released
 * item. A course that already holds scores is left alone.
 */
export async function seedGrades(db: Db, slug: string, now: Date): Promise<SeedGradesReport> {
  const report: SeedGradesReport = { graded: 0, released: 0, ungraded: 0, regrades: 0, skipped: false };
  const grader = await findUserByEmail(db, GRADER_EMAIL);
  if (!grader) return { ...report, skipped: true };
  const deps = { db, clock: () => now, publicUrl: '' };
  const work = await loadWorkCourse(deps, slug, { userId: grader.id, isAdmin: false });
  if ((await listScoreRows(db, work.course.id)).length > 0) return { ...report, skipped: true };
  const gc = await loadGradeCourse(deps, work);
  const past = gc.items
    .filter((i) => i.rubric !== null && i.dueAt !== null && toMillis(i.dueAt) < now.getTime())
    .sort((a, b) => toMillis(a.dueAt!) - toMillis(b.dueAt!));
  const gradedCount = Math.ceil((past.length * 2) / 3);
  const releasedCount = Math.ceil(gradedCount / 2);
  let seed = 0;
  const released: StoredItem[] = [];
  for (const [index, item] of past.entries()) {
    if (index >= gradedCount) {
      report.ungraded++;
      continue;
    }
    const subjects =
      item.audience === 'group'
        ? gc.groups
            .filter((g) => item.groupIds === null || item.groupIds.includes(g.id))
            .map((g) => ({ kind: 'group' as const, groupId: g.id }))
        : gc.students
            .filter((s) => s.active && itemApplies(item, s))
            .map((s) => ({ kind: 'student' as const, userId: s.id }));
    for (const subject of subjects) {
      seed++;
      await enterScore(deps, work, item.id, {
        subject,
        points: null,
        rubricScores: rubricScores(item.rubric!, seed),
        comment: COMMENTS[seed % COMMENTS.length]!,
      });
    }
    report.graded++;
    if (index < releasedCount) {
      await releaseItem(deps, work, item.id, true);
      released.push(item);
      report.released++;
    }
  }
  // One regrade request: the first holder of the newest released item asks.
  const item = released.at(-1);
  const asker = item && gc.students.find((s) => s.active && itemApplies(item, s));
  if (item && asker) {
    const as = await loadWorkCourse(deps, slug, { userId: asker.id, isAdmin: false });
    await requestRegrade(
      deps,
      as,
      item.id,
      'The rubric gives two points for the limitations, but our summary covers them in its last section.',
    );
    report.regrades++;
  }
  return report;
}
