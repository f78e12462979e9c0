// Reads the schedule tables: dated meetings, unit rows, continuation rows, kinds, readings and extra columns.
import type { MeetingKind, Reading } from '../domain/course.js';
import { parseDateCell, type MonthDay } from './dates.js';
import { parseDateList, parseWeekCell, type WeekCell } from './weeks.js';
import { readCell, splitItems, type ReadingDefaults } from './readings.js';
import type { Table, TableRow } from './tables.js';
import { boldOnly, plain } from './text.js';
import type { SyllabusWarning } from './types.js';

/** A meeting before its year is resolved. */
export interface RawMeeting {
  when: MonthDay;
  dateText: string;
  line: number;
  title: string | null;
  startTime: string | null;
  endTime: string | null;
  unit: string | null;
  readings: Reading[];
  notes: string[];
  extra: Record<string, string>;
  /** A row dated by its week ("Week 3 (Tue)"): its date is set once the first day of classes is known. */
  week?: WeekCell;
  /** "Week of Sep 9": the date is the first class day of that week. */
  weekOf?: boolean;
}

export interface ScheduleParts {
  units: string[];
  meetings: RawMeeting[];
}

interface Columns {
  date: number;
  title: number | null;
  readings: { index: number; required: boolean | null }[];
  extra: { index: number; name: string }[];
  /** The date column is headed "Week" (a bare "3" in it is week 3). */
  weekHeader: boolean;
  /** The only other column holds topics, no links or marks: each cell is the class's title, not a reading. */
  topicsOnly: boolean;
}

const DATE_HEADER = /^(date|dates|day|when|class date|lecture date)\b|\bdate\b/i;
const TITLE_HEADER = /\b(topic|topics|title|subject|theme|lecture|session|agenda|content|unit)\b/i;
const READING_HEADER =
  /\b(reading|readings|paper|papers|material|materials|literature|assigned|prep|preparation)\b/i;
const WEIGHT_HEADER = /\b(weight|percent|%|points)\b/i;

function headerName(h: string, k: number): string {
  return plain(h) || `Column ${k + 1}`;
}

/** Decides which column holds what; null when the table is not a schedule. */
export function scheduleColumns(table: Table): Columns | null {
  const header = table.header.map((h) => plain(h));
  if (header.some((h) => WEIGHT_HEADER.test(h))) return null;
  const weekHeader = (k: number): boolean => /^(week|wk)\b/i.test(header[k] ?? '');
  const datesIn = (k: number): number =>
    table.rows.filter((r) => parseDateCell(r.cells[k]! ?? '') !== null).length;
  const weeksIn = (k: number): number =>
    table.rows.filter((r) => parseWeekCell(r.cells[k]! ?? '', weekHeader(k)) !== null).length;
  let date = header.findIndex((h) => DATE_HEADER.test(h));
  if (date < 0 || datesIn(date) === 0) {
    date = -1;
    for (let k = 0; k < header.length; k++) {
      if (datesIn(k) > 0 && datesIn(k) * 2 >= table.rows.filter((r) => (r.cells[k]! ?? '') !== '').length) {
        date = k;
        break;
      }
    }
  }
  if (date < 0) {
    const filled = (k: number) => table.rows.filter((r) => (r.cells[k]! ?? '') !== '').length;
    date = header.findIndex((_, k) => weeksIn(k) > 0 && weeksIn(k) * 2 >= filled(k));
  }
  if (date < 0) return null;
  const rest = header.map((_, k) => k).filter((k) => k !== date);
  const readings = rest
    .filter((k) => READING_HEADER.test(header[k]!))
    .map((k) => ({
      index: k,
      required: /optional|additional|further|supplementary/i.test(header[k]!)
        ? false
        : /required|mandatory/i.test(header[k]!)
          ? true
          : null,
    }));
  let title: number | null =
    rest.find((k) => TITLE_HEADER.test(header[k]!) && !readings.some((r) => r.index === k)) ?? null;
  let topicsOnly = false;
  if (readings.length === 0) {
    const k = title ?? rest[0];
    if (k === undefined) return null;
    readings.push({ index: k, required: null });
    topicsOnly = table.rows.every(
      (r) => !/\]\(|https?:\/\/|\b(required|optional|mandatory)\b/i.test(r.cells[k] ?? ''),
    );
    title = null;
  }
  const used = new Set([date, title ?? -1, ...readings.map((r) => r.index)]);
  const extra = rest
    .filter((k) => !used.has(k))
    .map((k) => ({ index: k, name: headerName(table.header[k]!, k) }));
  return { date, title, readings, extra, weekHeader: weekHeader(date), topicsOnly };
}

const UNIT_WORDS = /^(unit|module|part|week|topic|section|theme)\b/i;

export function kindOf(title: string | null): MeetingKind {
  const t = (title ?? '').toLowerCase();
  if (
    /\bno (class|classes|lecture|lectures|meeting|session)\b|\bcancel+ed\b|\bholiday\b|thanksgiving|\b(spring|fall|autumn|winter|study|mid-?term|semester) break\b|\breading (day|period)\b|\brecess\b|\bno school\b|\blabor day\b|\bmemorial day\b|\bclass(es)? (is |are )?cancel/.test(
      t,
    )
  )
    return 'no_class';
  if (/\bbuffer\b|\bcatch[- ]?up\b|\bslack (day|week)\b/.test(t)) return 'buffer';
  if (/\bposter/.test(t)) return 'poster';
  if (
    /\bpresentations\b|\bproject presentation|\bdemo day\b|\bfinal presentation|\bmid-?(semester|term) presentation|\bprogress presentation/.test(
      t,
    )
  )
    return 'presentations';
  return 'lecture';
}

/** Lectures given by staff rather than students: introductions, overviews, exams, lectures without readings. */
export function isStaffLed(title: string | null, readings: number): boolean {
  if (readings === 0) return true;
  const t = (title ?? '').toLowerCase().trim();
  return (
    /^(course )?(introduction|intro|overview|welcome|orientation|kick-?off|logistics|wrap[- ]?up|conclusions?|course review|review session|guest lecture|exam|mid-?term|final exam|quiz)\b/.test(
      t,
    ) ||
    /^course (intro|introduction|overview)\b/.test(t) ||
    /\b(exam|quiz)\b/.test(t)
  );
}

/** "Sep 3 & 5", "Sep 10, 12", "9/17–9/19": a week row naming two class days (read as its first one only). */
function namesTwoDates(dateText: string): boolean {
  const t = plain(dateText).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return false;
  return /\d\s*(?:&|\+|,|\band\b|–|—|-)\s*(?:[a-z]{3,9}\.?\s+)?\d{1,2}(?:\/\d{1,2})?$/i.test(t);
}

function sameDay(a: MonthDay, b: MonthDay): boolean {
  return a.month === b.month && a.day === b.day && (a.year === b.year || a.year === null || b.year === null);
}

function emptyRow(row: TableRow, skip: number[]): boolean {
  return row.cells.every((c, k) => skip.includes(k) || c === '');
}

/** Reads the schedule tables of a section, in order, with any sub-headings between them as units. */
export function readSchedule(
  blocks: (
    { kind: 'table'; table: Table; columns: Columns } | { kind: 'unit'; title: string; line: number }
  )[],
  defaults: ReadingDefaults,
  warnings: SyllabusWarning[],
): ScheduleParts {
  const units: string[] = [];
  const meetings: RawMeeting[] = [];
  let unit: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'unit') {
      units.push(block.title);
      unit = block.title;
      continue;
    }
    const { table, columns } = block;
    const width = table.header.length;
    for (const row of table.rows) {
      const line = row.lines[0]!;
      const cells = row.cells.slice(0, width);
      while (cells.length < width) cells.push('');
      const overflow = row.cells.slice(width).filter((c) => c !== '');
      if (overflow.length > 0) {
        warnings.push({
          line,
          message: `This row has ${row.cells.length} cells but the table has ${width} columns; the extra text was kept as notes.`,
        });
      }
      const dateText = cells[columns.date]!;
      const list = parseDateList(dateText);
      const others = cells.filter((c, k) => k !== columns.date && c !== '');
      const week = others.length > 0 ? parseWeekCell(dateText, columns.weekHeader) : null;
      const when =
        list?.[0] ??
        parseDateCell(dateText) ??
        (week ? { month: 1, day: 1, year: null, weekday: null } : null);
      if (!when) {
        if (dateText !== '' && others.length === 0) {
          const b = boldOnly(dateText);
          if (b !== null || UNIT_WORDS.test(plain(dateText))) {
            unit = b ?? plain(dateText);
            units.push(unit);
            continue;
          }
        }
        if (
          dateText === '' &&
          others.length === 1 &&
          boldOnly(others[0]!) !== null &&
          splitItems(others[0]!).length === 1
        ) {
          unit = boldOnly(others[0]!);
          units.push(unit as string);
          continue;
        }
        if (dateText === '' && emptyRow(row, [])) continue;
        const prev = meetings[meetings.length - 1];
        if (dateText === '' && prev) {
          addTo(prev, cells, columns, defaults);
          prev.notes.push(...overflow.flatMap(splitItems));
          continue;
        }
        warnings.push({
          line,
          message:
            dateText === ''
              ? 'This schedule row has no date and follows no dated row; it was skipped.'
              : `Could not read the date "${plain(dateText)}"; the row was skipped.`,
        });
        continue;
      }
      if (!list && !week && namesTwoDates(dateText)) {
        warnings.push({
          line,
          message: `"${plain(dateText)}" names more than one date; the row was read as one class on the first. Give each class its own row.`,
        });
      }
      const m: RawMeeting = {
        when,
        dateText,
        line,
        title: null,
        startTime: null,
        endTime: null,
        unit,
        readings: [],
        notes: [],
        extra: {},
      };
      if (week) m.week = week;
      if (/\bweek of\b/i.test(dateText)) m.weekOf = true;
      const prev = meetings[meetings.length - 1];
      if (!list && !week && prev && !prev.week && sameDay(prev.when, when)) {
        // Consecutive rows of one date (a row per paper or per presenter) are one meeting.
        addTo(prev, cells, columns, defaults);
        prev.notes.push(...overflow.flatMap(splitItems));
        continue;
      }
      addTo(m, cells, columns, defaults);
      m.notes.push(...overflow.flatMap(splitItems));
      meetings.push(m);
      if (list) {
        // "28/30 Aug", "Sep 3 & 5": one class per date, the row's title on each, its readings on the first.
        for (const other of list.slice(1))
          meetings.push({ ...m, when: other, readings: [], notes: [], extra: {} });
        warnings.push({
          line,
          message: `"${plain(dateText)}" names ${list.length} classes: each became a meeting with the row's title; its readings and notes went to the first.`,
        });
      }
    }
  }
  return { units, meetings };
}

function addTo(m: RawMeeting, cells: string[], columns: Columns, defaults: ReadingDefaults): void {
  if (columns.title !== null && cells[columns.title]! !== '') {
    // "[Reasoning]": a bracketed topic label without a link.
    const t = plain(cells[columns.title]!).replace(/^\[([^[\]]+)\]$/, '$1');
    if (m.title === null) m.title = t;
    else m.notes.push(...splitItems(cells[columns.title]!));
  }
  for (const col of columns.readings) {
    if (columns.topicsOnly) {
      // A schedule of topics only ("Intro to federated learning", "Q&A"): the topic is the title, nothing is read.
      for (const item of splitItems(cells[col.index]!)) {
        const t = plain(item);
        if (m.title === null) m.title = t;
        else m.notes.push(item);
      }
      continue;
    }
    const content = readCell(
      cells[col.index]!,
      col.required === null ? defaults : { ...defaults, unmarkedRequired: col.required },
    );
    for (const t of content.titles) {
      if (m.title === null) m.title = t;
      else m.notes.push(`**${t}**`);
    }
    for (const t of content.times) {
      if (m.startTime === null) {
        m.startTime = t.start;
        m.endTime = t.end;
      } else m.notes.push(`(${t.start} - ${t.end})`);
    }
    m.readings.push(...content.readings);
    m.notes.push(...content.notes);
  }
  for (const col of columns.extra) {
    const v = cells[col.index]!;
    if (v === '') continue;
    m.extra[col.name] = m.extra[col.name] ? `${m.extra[col.name]}<br>${v}` : v;
  }
}
