// The gradebook table: one row per student, item columns grouped by category with the category's percent after them, then the final percent and letter.
import { memo, useState, type UIEvent } from 'react';
import type { BookCategory, BookItem, BookStudent, GradeCell } from './gradebook-client.js';

export type Column = { kind: 'item'; item: BookItem } | { kind: 'category'; category: BookCategory };

/** A cell in words: every state reads as text, colour only repeats it. */
export function cellWords(cell: GradeCell | undefined): { text: string; tone: string } {
  if (!cell) return { text: 'n/a', tone: 'na' };
  switch (cell.state) {
    case 'scored':
      return { text: `${trimPoints(cell.points)}${cell.overridden ? ' *' : ''}`, tone: 'scored' };
    case 'late-zero':
      return { text: '0 late', tone: 'zero' };
    case 'missing':
      return { text: '0 missing', tone: 'zero' };
    case 'excused':
      return { text: 'excused', tone: 'out' };
    case 'before-joined':
      return { text: 'before joined', tone: 'out' };
    case 'not-member':
      return { text: 'n/a', tone: 'na' };
    case 'ungraded':
      return { text: 'to grade', tone: 'todo' };
    case 'not-due':
      return { text: 'not due', tone: 'na' };
    case 'hidden':
      return { text: 'hidden', tone: 'na' };
  }
}

/** "87.50" → "87.5", "87.00" → "87". */
function trimPoints(points: string | null): string {
  if (points === null) return '';
  return points.includes('.') ? points.replace(/0+$/, '').replace(/\.$/, '') : points;
}

const Row = memo(function Row({ student, columns }: { student: BookStudent; columns: Column[] }) {
  return (
    <tr>
      <th scope="row">
        {student.name}
        <span className="book-sub">{student.group?.name ?? 'No group'}</span>
      </th>
      {columns.map((c) => {
        if (c.kind === 'category') {
          const p = student.categories[c.category.key] ?? null;
          return (
            <td key={`c-${c.category.key}`} className="book-cat">
              {p ?? '—'}
            </td>
          );
        }
        const { text, tone } = cellWords(student.cells[c.item.id]);
        return (
          <td key={c.item.id} className={`cell-${tone}${c.item.released ? '' : ' unreleased'}`}>
            {text}
          </td>
        );
      })}
      <td className="book-final">{student.final ?? '—'}</td>
      <td className="book-final">{student.final === null ? '—' : student.letter}</td>
    </tr>
  );
});

/** Row height in px (gradebook.css keeps rows at this height so a long table can draw only what is in view). */
const ROW = 44;
/** Up to this many students every row is drawn (the browser's find sees them all); above, only those near the view. */
const ALL_ROWS = 80;
const OVERSCAN = 15;

export function GradeTable({ students, columns }: { students: BookStudent[]; columns: Column[] }) {
  const [top, setTop] = useState(0);
  const windowed = students.length > ALL_ROWS;
  const first = windowed ? Math.max(0, Math.floor(top / ROW) - OVERSCAN) : 0;
  const last = windowed
    ? Math.min(students.length, Math.ceil((top + 1200) / ROW) + OVERSCAN)
    : students.length;
  const span = columns.length + 3;
  const onScroll = windowed ? (e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop) : undefined;
  return (
    <div
      className="table-scroll book-scroll"
      data-scroll-container=""
      tabIndex={0}
      role="region"
      aria-label="Gradebook: students by items, scrolls both ways"
      onScroll={onScroll}
    >
      <table className={`book-table${windowed ? ' book-windowed' : ''}`} aria-rowcount={students.length + 1}>
        <thead>
          <tr>
            <th scope="col">Student</th>
            {columns.map((c) =>
              c.kind === 'category' ? (
                <th key={`c-${c.category.key}`} scope="col" className="book-cat">
                  {c.category.name} %<span className="book-sub">weight {c.category.weight} %</span>
                </th>
              ) : (
                <th key={c.item.id} scope="col" className={c.item.released ? '' : 'unreleased'}>
                  {c.item.title}
                  <span className="book-sub">
                    / {c.item.pointsPossible} · {c.item.released ? 'released' : 'not released'}
                  </span>
                </th>
              ),
            )}
            <th scope="col" className="book-final">
              Final %
            </th>
            <th scope="col" className="book-final">
              Letter
            </th>
          </tr>
        </thead>
        <tbody>
          {first > 0 ? (
            <tr aria-hidden="true" className="book-spacer">
              <td colSpan={span} style={{ height: `${first * ROW}px` }} />
            </tr>
          ) : null}
          {students.slice(first, last).map((s) => (
            <Row key={s.id} student={s} columns={columns} />
          ))}
          {last < students.length ? (
            <tr aria-hidden="true" className="book-spacer">
              <td colSpan={span} style={{ height: `${(students.length - last) * ROW}px` }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
