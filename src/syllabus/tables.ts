// Reads GFM pipe tables leniently: missing outer pipes, ragged rows, tabs, and rows broken over several lines.
import { parseDateCell } from './dates.js';
import { boldOnly } from './text.js';

export interface TableRow {
  /** Cell texts, trimmed, escaped pipes unescaped. May be shorter or longer than the header. */
  cells: string[];
  /** 1-based line numbers the row spans. */
  lines: number[];
}

export interface Table {
  header: string[];
  /** 1-based line of the header row. */
  headerLine: number;
  rows: TableRow[];
  /** 0-based [start, end) line range covered by the table. */
  start: number;
  end: number;
}

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const BLOCK_START = /^\s{0,3}(#{1,6}\s|>|```|~~~)/;

function hasPipe(line: string): boolean {
  const at = line.indexOf('|');
  if (at < 0) return false;
  return !line.includes('\\|') || /(^|[^\\])\|/.test(line);
}

function endsWithPipe(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith('|') && !t.endsWith('\\|');
}

/** Splits a row line on unescaped pipes; drops the outer ones. Cells are trimmed. */
export function splitRow(line: string): string[] {
  let s = line.replace(/\t/g, ' ').trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (endsWithPipe(s)) s = s.replace(/\|\s*$/, '');
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && s[i + 1]! === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function isDelimiter(line: string, header: string): boolean {
  return DELIMITER.test(line) && (line.includes('|') || header.includes('|')) && line.includes('-');
}

/** Joins a continuation onto a cell: with <br> between whole items, with a space inside an open link. */
function joinCell(prev: string, more: string): string {
  if (prev === '') return more;
  if (more === '') return prev;
  const open =
    (prev.match(/\[/g)?.length ?? 0) > (prev.match(/\]/g)?.length ?? 0) ||
    (prev.match(/\(/g)?.length ?? 0) > (prev.match(/\)/g)?.length ?? 0);
  if (open) return `${prev} ${more}`;
  if (/<br\s*\/?>$/i.test(prev) || /^<br\s*\/?>/i.test(more)) return prev + more;
  return `${prev}<br>${more}`;
}

/** Finds every table in lines [start, end), skipping fenced lines. */
export function findTables(lines: string[], start: number, end: number, fenced: boolean[]): Table[] {
  const tables: Table[] = [];
  for (let i = start; i + 1 < end; i++) {
    if (
      fenced[i] ||
      !lines[i + 1]!.includes('-') ||
      !hasPipe(lines[i]!) ||
      !isDelimiter(lines[i + 1]!, lines[i]!)
    )
      continue;
    if (DELIMITER.test(lines[i]!)) continue;
    const header = splitRow(lines[i]!);
    const outer = lines[i]!.trim().startsWith('|');
    const rows: TableRow[] = [];
    let open = false;
    let j = i + 2;
    for (; j < end; j++) {
      const line = lines[j]!;
      if (fenced[j] || line.trim() === '' || BLOCK_START.test(line)) break;
      const trimmed = line.trim();
      const prev = rows[rows.length - 1];
      const piped = hasPipe(line);
      const continuation =
        prev !== undefined &&
        ((outer && open && !trimmed.startsWith('|')) ||
          (outer && open && prev.cells.length < header.length && closesOpenCell(trimmed)) ||
          (!piped && open && prev.cells.length < header.length) ||
          (!piped && outer && open));
      if (continuation) {
        const parts = piped ? splitContinuation(trimmed) : [trimmed];
        prev.cells[prev.cells.length - 1] = joinCell(prev.cells[prev.cells.length - 1]!, parts[0]!);
        prev.cells.push(...parts.slice(1));
        prev.lines.push(j + 1);
        open = !endsWithPipe(trimmed);
        continue;
      }
      if (!piped) break;
      rows.push({ cells: splitRow(line), lines: [j + 1] });
      open = !endsWithPipe(trimmed) || !outer;
    }
    tables.push({ header, headerLine: i + 1, rows, start: i, end: j });
    i = j - 1;
  }
  return tables;
}

/**
 * "| Team 1 | Team 2 |" after a row left open: the leading pipe closes the open cell when what follows
 * cannot start a row (a row starts with an empty cell, a date, or a bold unit title).
 */
function closesOpenCell(line: string): boolean {
  const first = splitRow(line)[0] ?? '';
  return first !== '' && parseDateCell(first) === null && boldOnly(first) === null;
}

/** A continuation line: text up to the first pipe continues the open cell, the rest are further cells. */
function splitContinuation(s: string): string[] {
  const cells = splitRow(`|${s}`);
  return cells;
}
