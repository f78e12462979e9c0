// Grades out: the Canvas gradebook import CSV, a plain CSV with category and final columns, and JSON — one computation, three shapes.
import { stringify } from 'csv-stringify/sync';
import { formatFixed, roundHalfUp, toDecimal, type Ratio } from '../../domain/exact.js';
import type { ItemState } from '../../domain/grading.js';
import { authorize } from '../enrollment/course-access.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';
import { loadGradeCourse, type GradeCourse } from './load.js';
import { gradeOf, loadGradeFacts } from './records.js';

export type GradeExportFormat = 'canvas' | 'csv' | 'json';

export interface GradeExport {
  filename: string;
  contentType: string;
  body: string;
}

/** A cell as Canvas reads it: points (rounded half up to 2 decimals), "EX" for excused, blank for not graded. */
function canvasCell(state: ItemState, points: string | null): string {
  if (state === 'excused' || state === 'before-joined' || state === 'not-member') return 'EX';
  return points ?? '';
}

/**
 * Canvas's gradebook import: `Student,ID,SIS User ID,SIS Login ID,Section,` then `Title (id)` per item, a
 * `Points Possible` row, then one row per student. Canvas matches students by SIS Login ID (the e-mail here).
 */
export function canvasCsv(gc: GradeCourse, table: ReturnType<typeof gradeTable>): string {
  const header = [
    'Student',
    'ID',
    'SIS User ID',
    'SIS Login ID',
    'Section',
    ...gc.items.map((i) => `${i.title} (${i.key})`),
  ];
  const possible = ['Points Possible', '', '', '', '', ...gc.items.map((i) => i.points)];
  const rows = table.map((r) => [
    r.student.name,
    '',
    r.student.netId ?? '',
    r.student.email,
    r.student.group?.name ?? '',
    ...gc.items.map((i) =>
      r.cells.has(i.id) ? canvasCell(r.cells.get(i.id)!.state, r.cells.get(i.id)!.points) : '',
    ),
  ]);
  return stringify([header, possible, ...rows], { record_delimiter: '\r\n' });
}

/** Plain CSV: the items, then each category's percent, the final percent and the letter. */
export function plainCsv(gc: GradeCourse, table: ReturnType<typeof gradeTable>): string {
  const header = [
    'Student',
    'Email',
    'NetID',
    'Group',
    ...gc.items.map((i) => `${i.title} (${i.points})`),
    ...gc.categories.map((c) => `${c.name} (${c.weightText} %)`),
    'Final %',
    'Letter',
  ];
  const rows = table.map((r) => [
    r.student.name,
    r.student.email,
    r.student.netId ?? '',
    r.student.group?.name ?? '',
    ...gc.items.map((i) =>
      r.cells.has(i.id) ? canvasCell(r.cells.get(i.id)!.state, r.cells.get(i.id)!.points) : '',
    ),
    ...gc.categories.map((c) => r.categories.get(c.key) ?? ''),
    r.final ?? '',
    r.letter ?? '',
  ]);
  return stringify([header, ...rows], { record_delimiter: '\r\n' });
}

const shown = new WeakMap<Ratio, string>();

/** Points as a cell shows them: rounded half up to 2 decimals, no trailing zeros (the same stored ratios recur, so each is formatted once). */
function pointsText(points: Ratio): string {
  let text = shown.get(points);
  if (text === undefined) {
    text = toDecimal(roundHalfUp(points));
    shown.set(points, text);
  }
  return text;
}

/** Every active student's grade, staff view. */
export function gradeTable(gc: GradeCourse, facts: Awaited<ReturnType<typeof loadGradeFacts>>, now: Date) {
  return gc.students
    .filter((s) => s.active)
    .map((student) => {
      const { items, resolved, grade } = gradeOf(gc, facts, student, now, 'staff');
      const cells = new Map(
        items.map((i) => {
          const p = resolved.get(i.id)!.record.points;
          const state = grade.states.get(i.id)!;
          const counted =
            state === 'missing' || state === 'late-zero' ? '0' : p === null ? null : pointsText(p);
          return [i.id, { state, points: state === 'scored' || counted === '0' ? counted : null }];
        }),
      );
      return {
        student,
        cells,
        categories: new Map(
          grade.categories.map((c) => [c.key, c.percent === null ? null : formatFixed(c.percent)]),
        ),
        final: grade.percent === null ? null : formatFixed(grade.percent),
        letter: grade.letter,
      };
    });
}

export async function exportGrades(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  format: GradeExportFormat,
): Promise<GradeExport> {
  authorize(work.access, 'exportGrades');
  const now = deps.clock();
  const gc = await loadGradeCourse(deps, work);
  const facts = await loadGradeFacts(deps.db, gc, now);
  const table = gradeTable(gc, facts, now);
  const base = `${work.course.slug}-grades`;
  if (format === 'canvas')
    return {
      filename: `${base}-canvas.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: canvasCsv(gc, table),
    };
  if (format === 'csv')
    return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: plainCsv(gc, table) };
  const json = {
    course: work.course.slug,
    exportedAt: now.toISOString(),
    categories: gc.categories.map((c) => ({ key: c.key, name: c.name, weight: c.weightText })),
    items: gc.items.map((i) => ({
      id: i.id,
      key: i.key,
      title: i.title,
      categoryKey: i.categoryKey,
      pointsPossible: i.points,
    })),
    students: table.map((r) => ({
      name: r.student.name,
      email: r.student.email,
      netId: r.student.netId,
      group: r.student.group?.name ?? null,
      items: Object.fromEntries([...r.cells].map(([id, c]) => [id, c])),
      categories: Object.fromEntries(r.categories),
      final: r.final,
      letter: r.letter,
    })),
  };
  return {
    filename: `${base}.json`,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(json, null, 2) + '\n',
  };
}
