// The Canvas and plain CSV exports hand no formula to a spreadsheet, whatever the names, and keep numbers as numbers.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { syntheticGradebook } from '../../bench/grades.js';
import { canvasCsv, gradeTable, plainCsv } from '../../src/services/grades/export-grades.js';
import { HOSTILE_STRINGS } from '../hostile/strings.js';

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

describe('grade exports with hostile names', () => {
  const { gc, facts } = syntheticGradebook(HOSTILE_STRINGS.length, 3);
  gc.students.forEach((s, i) => {
    s.name = Buffer.from(HOSTILE_STRINGS[i]!.value).toString();
    s.netId = HOSTILE_STRINGS[(i + 7) % HOSTILE_STRINGS.length]!.value.slice(0, 50);
  });
  gc.items[0]!.title = '=HYPERLINK("http://example.com","x")';
  const table = gradeTable(gc, facts, new Date('2024-12-20T00:00:00Z'));

  it('Canvas CSV: every text cell that would start a formula starts with an apostrophe, scores stay numbers', () => {
    const rows = parse(canvasCsv(gc, table), { relax_column_count: true }) as string[][];
    expect(rows[0]!.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    expect(rows[0]![5]).toBe(`'=HYPERLINK("http://example.com","x") (${gc.items[0]!.key})`);
    expect(rows[1]![0]).toBe('Points Possible');
    for (const row of rows) for (const cell of row) if (!NUMBER.test(cell)) expect(cell).not.toMatch(FORMULA);
    const byEmail = new Map(rows.slice(2).map((r) => [r[3], r]));
    for (const r of table) {
      const row = byEmail.get(r.student.email)!;
      expect([r.student.name, `'${r.student.name}`]).toContain(row[0]);
      // Every score cell is a plain number, EX or blank.
      for (const cell of row.slice(5)) expect(cell).toMatch(/^(\d+(\.\d{1,2})?|EX|)$/);
    }
  });

  it('plain CSV: the same guard on names, the category and final columns stay numbers', () => {
    const rows = parse(plainCsv(gc, table), { relax_column_count: true }) as string[][];
    for (const row of rows) for (const cell of row) if (!NUMBER.test(cell)) expect(cell).not.toMatch(FORMULA);
    const finals = rows.slice(1).map((r) => r.at(-2)!);
    for (const f of finals) expect(f).toMatch(/^\d+\.\d{2}$/);
  });
});
