// Where each item of a course as read sits in its source (for the import review): 1-based lines, or null when not found.
import type { CourseModel } from '../domain/course.js';
import { plain } from './text.js';

export interface SourceLines {
  /** Per meeting: the lines of its row(s) (given by the reader, kept through fixes). */
  meetings: number[][];
  /** Per meeting, per reading: the line that names the reading. */
  readings: (number | null)[][];
  staff: (number | null)[];
  units: (number | null)[];
  milestones: (number | null)[];
}

/** A search key of some text: its plain words, lower case, at most 40 characters (long titles wrap or get cut). */
function keyOf(text: string): string {
  return plain(text).replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 40);
}

export function sourceLines(
  course: CourseModel,
  lines: readonly string[],
  meetingLines: readonly number[][],
): SourceLines {
  const folded = lines.map((l) => plain(l).replace(/\s+/g, ' ').toLowerCase());
  const find = (text: string, from = 0, to = folded.length): number | null => {
    const key = keyOf(text);
    if (key === '') return null;
    for (let i = Math.max(0, from); i < Math.min(to, folded.length); i++)
      if (folded[i]!.includes(key)) return i + 1;
    return null;
  };
  // A row's readings are on its line or the lines after it, before the next row of the schedule.
  const starts = [...new Set(meetingLines.flat())].sort((a, b) => a - b);
  const rowEnd = (line: number) => starts.find((s) => s > line) ?? Math.min(folded.length + 1, line + 40);
  const readings = course.meetings.map((m, k) =>
    m.readings.map((r) => {
      for (const line of meetingLines[k] ?? []) {
        const at = find(r.title, line - 1, rowEnd(line) - 1);
        if (at !== null) return at;
      }
      return null;
    }),
  );
  return {
    meetings: course.meetings.map((_, k) => [...(meetingLines[k] ?? [])]),
    readings,
    staff: course.staff.map((s) => find(s.name)),
    units: course.units.map((u) => find(u.title)),
    milestones: course.milestones.map((m) => find(m.source) ?? find(m.title)),
  };
}
