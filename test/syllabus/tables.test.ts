// The lenient GFM table reader: outer pipes optional, ragged rows, escaped pipes, rows broken over lines.
import { describe, expect, it } from 'vitest';
import { findTables, splitRow } from '../../src/syllabus/tables.js';

const read = (text: string) => {
  const lines = text.split('\n');
  return findTables(
    lines,
    0,
    lines.length,
    lines.map(() => false),
  );
};

describe('reading pipe tables', () => {
  it('splits cells on unescaped pipes and keeps escaped ones', () => {
    expect(splitRow('| a | b \\| c |  d  ')).toEqual(['a', 'b | c', 'd']);
    expect(splitRow('a|b')).toEqual(['a', 'b']);
    expect(splitRow('\t| x\t|\ty |')).toEqual(['x', 'y']);
  });

  it('reads rows without outer pipes and rows with fewer or more cells', () => {
    const [t] = read('Date | Topic | Notes\n--- | --- | ---\nSep 1 | A\nSep 2 | B | n | extra');
    expect(t!.header).toEqual(['Date', 'Topic', 'Notes']);
    expect(t!.rows.map((r) => r.cells)).toEqual([
      ['Sep 1', 'A'],
      ['Sep 2', 'B', 'n', 'extra'],
    ]);
    expect(t!.rows.map((r) => r.lines)).toEqual([[3], [4]]);
  });

  it('merges a line that does not open with a pipe into the open row above', () => {
    const [t] = read(
      '| Date | Readings | Presenter |\n| --- | --- | --- |\n| Sep 1 | [A](a)\n[B](b) (Required) | Team 1 |\n| Sep 3 | C |',
    );
    expect(t!.rows.map((r) => r.cells)).toEqual([
      ['Sep 1', '[A](a)<br>[B](b) (Required)', 'Team 1'],
      ['Sep 3', 'C'],
    ]);
    expect(t!.rows[0]!.lines).toEqual([3, 4]);
  });

  it('joins with a space inside a link broken over two lines', () => {
    const [t] = read('| Date | Readings |\n| --- | --- |\n| Sep 1 | [A long\ntitle](a) |');
    expect(t!.rows[0]!.cells).toEqual(['Sep 1', '[A long title](a)']);
  });

  it('treats "| Team 1 | Team 2 |" after an open row as the rest of that row', () => {
    const [t] = read(
      '| Date | Readings | Presenter | Summary |\n| --- | --- | --- | --- |\n| Sep 1 | [A](a)\n| Team 1 | Team 2 |',
    );
    expect(t!.rows).toHaveLength(1);
    expect(t!.rows[0]!.cells).toEqual(['Sep 1', '[A](a)', 'Team 1', 'Team 2']);
  });

  it('keeps a unit row after an open row as its own row, not as the Summary of the row above', () => {
    const [t] = read(
      '| Date | Readings | Presenter | Summary |\n| --- | --- | --- | --- |\n| Aug 26 | **Introduction**<br>[A](a) \n |         |  **GenAI Basics** |   \n| Aug 28 | [B](b) |',
    );
    expect(t!.rows.map((r) => r.cells)).toEqual([
      ['Aug 26', '**Introduction**<br>[A](a)'],
      ['', '**GenAI Basics**'],
      ['Aug 28', '[B](b)'],
    ]);
  });

  it('keeps complete rows without trailing pipes apart (the demo staff table)', () => {
    const [t] = read(
      '| Member | Role | Office Hours |\n| :--- | :--- | :--- |\n| A (a) | Instructor | W 11-12\n| B (b) | TA | TBD',
    );
    expect(t!.rows.map((r) => r.cells[0])).toEqual(['A (a)', 'B (b)']);
  });

  it('ends a table at a blank line or a heading', () => {
    const tables = read(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |\n## Next\n| 5 | 6 |',
    );
    expect(tables.map((t) => t.rows.length)).toEqual([1, 1]);
  });
});
