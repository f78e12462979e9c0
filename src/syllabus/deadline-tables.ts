// Tables that are not the schedule: a "Summary of Deadlines" (or a grading table with a due date per row) gives
// milestones, not class meetings; a table of project teams is left to the policy text.
import { DateTime } from 'luxon';
import type { Meeting, Milestone } from '../domain/course.js';
import type { DocumentOutline } from './document.js';
import { parseClock, parseDateCell } from './dates.js';
import { deadlineInstant, END_OF_DAY_MINUTES } from './milestones.js';
import type { Table } from './tables.js';
import { plain, slugify } from './text.js';
import type { SyllabusWarning } from './types.js';

const DEADLINE_SECTION =
  /\b(deadlines?|due dates?|important dates|key dates|milestones?|assignments? and due dates)\b/i;
const DUE_HEADER = /^(due|deadline|due date|due on|due by|date due|deadlines?)$/i;
const TEAM_HEADER = /^(team|group|project team)s?( #| no\.?| number)?$/i;
const MEMBERS_HEADER = /\b(members?|students?|names?|people)\b/i;

function dateColumn(t: Table): number {
  const header = t.header.map((h) => plain(h));
  const due = header.findIndex((h) => DUE_HEADER.test(h));
  if (due >= 0) return due;
  for (let k = 0; k < header.length; k++) {
    const dated = t.rows.filter((r) => parseDateCell(r.cells[k] ?? '') !== null).length;
    if (dated > 0 && dated * 2 >= t.rows.length) return k;
  }
  return -1;
}

/** A table of deadlines: under a "Deadlines"/"Milestones" heading, or with a "Due" column, and a column of dates. */
export function isDeadlineTable(t: Table, sectionTitle: string): boolean {
  const header = t.header.map((h) => plain(h));
  if (!DEADLINE_SECTION.test(sectionTitle) && !header.some((h) => DUE_HEADER.test(h))) return false;
  return dateColumn(t) >= 0;
}

/** A table of project teams ("| Team | Members | Project |"): never a schedule. */
export function isTeamTable(t: Table): boolean {
  const header = t.header.map((h) => plain(h));
  return TEAM_HEADER.test(header[0] ?? '') && header.some((h) => MEMBERS_HEADER.test(h));
}

const CLOCK = /\b(\d{1,2}(?::\d{2})?\s*[ap]\.?\s*m\.?|noon|midnight)\b/i;
const ZONE_WORD = /\b(CDT|CST|CT|EDT|EST|ET|PDT|PST|PT|MDT|MST|MT|UTC|GMT|AoE)\b/;

/** One milestone per dated row: its name is the first cell that is not the date. */
export function readDeadlineTable(
  t: Table,
  meetings: Meeting[],
  timeZone: string,
  warnings: SyllabusWarning[],
): Milestone[] {
  const col = dateColumn(t);
  if (col < 0 || meetings.length === 0) return [];
  const span = { first: meetings[0]!.date, last: meetings[meetings.length - 1]!.date };
  const out: Milestone[] = [];
  for (const row of t.rows) {
    const when = parseDateCell(row.cells[col] ?? '');
    const name = plain(row.cells.find((c, k) => k !== col && plain(c) !== '') ?? '');
    const line = row.lines[0]!;
    if (!when || name === '') {
      if (row.cells.some((c) => plain(c) !== ''))
        warnings.push({ line, message: 'This deadline row has no date or no name; it was skipped.' });
      continue;
    }
    const text = row.cells.map((c) => plain(c)).join(' ');
    const clock = CLOCK.exec(text);
    const minutes = clock ? parseClock(clock[1]!.replace(/\s+/g, '')) : null;
    const zoneWord = ZONE_WORD.exec(text)?.[1] ?? null;
    const dueAt = deadlineInstant(
      { when, minutes: minutes ?? END_OF_DAY_MINUTES, zoneWord },
      span,
      timeZone,
      line,
      warnings,
    );
    if (!dueAt) continue;
    out.push({
      key: slugify(name),
      title: name,
      dueAt,
      meetingDates: [],
      source: `| ${row.cells.join(' | ')} |`,
    });
  }
  return out;
}

/** Title of the top-level section holding line `i` ('' in the preamble). */
export function sectionTitleAt(doc: DocumentOutline, i: number): string {
  return doc.sections.find((s) => i >= s.start && i < s.end)?.title ?? '';
}

/** Milestones of deadline tables first, then those read from sentences under other keys; in date order. */
export function mergeMilestones(tables: Milestone[], sentences: Milestone[], timeZone: string): Milestone[] {
  const keys = new Set<string>();
  const out: Milestone[] = [];
  for (const m of [...tables, ...sentences]) {
    if (keys.has(m.key)) {
      if (tables.includes(m)) {
        let n = 2;
        while (keys.has(`${m.key}-${n}`)) n++;
        m.key = `${m.key}-${n}`;
      } else continue;
    }
    keys.add(m.key);
    out.push(m);
  }
  const sortKey = (m: Milestone): string =>
    m.meetingDates[0] ?? (m.dueAt ? (DateTime.fromISO(m.dueAt).setZone(timeZone).toISODate() ?? '') : '9999');
  return out
    .map((m, k) => ({ m, k }))
    .sort((a, b) => sortKey(a.m).localeCompare(sortKey(b.m)) || a.k - b.k)
    .map((x) => x.m);
}
