// Schedules written in other shapes than a pipe table, read as tables: HTML <table>s, and bulleted lists of dated items.
import type { DocumentOutline } from './document.js';
import { parseDateCell } from './dates.js';
import { isListItem } from './blocks.js';
import type { Table, TableRow } from './tables.js';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * `<a href="u">text</a>` as `[text](u)`, by bounded scans (a tag within 2 000 characters, its text within 5 000), so that
 * a file of unclosed tags stays linear.
 */
function convertLinks(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  for (let at = lower.indexOf('<a', i); at >= 0; at = lower.indexOf('<a', i)) {
    const tagEnd =
      at + 2 < html.length && /[\s>]/.test(html[at + 2]!) ? html.slice(at, at + 2000).indexOf('>') : -1;
    const textEnd = tagEnd < 0 ? -1 : lower.slice(at + tagEnd, at + tagEnd + 5000).indexOf('</a');
    const closeEnd =
      textEnd < 0 ? -1 : html.slice(at + tagEnd + textEnd, at + tagEnd + textEnd + 100).indexOf('>');
    if (closeEnd < 0) {
      out += html.slice(i, at + 2);
      i = at + 2;
      continue;
    }
    const tag = html.slice(at, at + tagEnd + 1);
    const text = html
      .slice(at + tagEnd + 1, at + tagEnd + textEnd)
      .replace(/<[^<>]{0,1000}>/g, '')
      .trim();
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1]?.trim();
    out += html.slice(i, at) + (href ? `[${text}](${href})` : text);
    i = at + tagEnd + textEnd + closeEnd + 1;
  }
  return out + html.slice(i);
}

/** The Markdown of an HTML table cell: links, bold, italics and line breaks kept; other tags dropped. */
function cellMarkdown(html: string): string {
  return decodeEntities(
    convertLinks(html)
      .replace(/<br\s*\/?>/gi, '\u0000')
      .replace(/<\/?(strong|b)\b[^<>]{0,500}>/gi, '**')
      .replace(/<\/?(em|i)\b[^<>]{0,500}>/gi, '*')
      .replace(/<\/(p|div|li)\s*>/gi, '\u0000')
      .replace(/<[^<>]{0,1000}>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .split('\u0000')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('<br>')
    .replace(/\|/g, '\\|');
}

/** HTML tables (`<table>` … `</table>`, outside code blocks) as tables; the first row is the header when it holds <th> cells. */
export function htmlTables(lines: string[], fenced: boolean[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i] || !/<table\b/i.test(lines[i]!)) continue;
    let j = i;
    while (j < lines.length && !fenced[j] && !/<\/table\s*>/i.test(lines[j]!) && j - i < 5000) j++;
    // No end within reach: no table starting before j can end earlier, so the scan goes on from there (linear).
    if (j >= lines.length || fenced[j] || !/<\/table\s*>/i.test(lines[j]!)) {
      i = j;
      continue;
    }
    // Offsets of each line in the joined block, to give every row its line number.
    const starts: number[] = [];
    let offset = 0;
    for (let k = i; k <= j; k++) {
      starts.push(offset);
      offset += lines[k]!.length + 1;
    }
    const lineAt = (at: number): number => {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > at) k--;
      return i + k + 1;
    };
    const html = lines.slice(i, j + 1).join('\n');
    const rows: Array<{ cells: string[]; header: boolean; line: number }> = [];
    for (const tr of html.matchAll(
      /<tr\b[^>]{0,500}>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/t(?:body|head|foot)\s*>|<\/table\s*>)/gi,
    )) {
      const cells = [...tr[1]!.matchAll(/<t([dh])\b[^>]{0,500}>([\s\S]*?)(?=<t[dh]\b|<\/t[dh]\s*>|$)/gi)];
      if (cells.length === 0) continue;
      rows.push({
        cells: cells.map((c) => cellMarkdown(c[2]!)),
        header: cells.every((c) => c[1]!.toLowerCase() === 'h'),
        line: lineAt(tr.index),
      });
    }
    if (rows.length > 0) {
      const first = rows[0]!;
      const width = Math.max(...rows.map((r) => r.cells.length));
      const header = first.header ? first.cells : Array.from({ length: width }, (_, k) => `Column ${k + 1}`);
      const body = (first.header ? rows.slice(1) : rows).map((r): TableRow => ({
        cells: r.cells,
        lines: [r.line],
      }));
      out.push({ header, headerLine: first.line, rows: body, start: i, end: j + 1 });
    }
    i = j;
  }
  return out;
}

/** Section titles under which a bulleted list of dated items is the schedule. */
const SCHEDULE_TITLE =
  /\b(schedule|calendar|plan|sessions|meetings|weeks?|weekly|topics|outline|readings|reading list|class by class)\b/i;
const NOT_SCHEDULE_TITLE =
  /\b(deadlines?|important dates|milestones?|due dates?|grading|assessment|polic(y|ies))\b/i;

const INDENTED = /^\s+/;

/** Splits "**Jan 27** — Dualism", "Feb 3: Functionalism …", "Tue 9/3 - Intro" into the date and the rest; null when no date leads. */
export function leadingDate(text: string): { date: string; rest: string } | null {
  const bold = /^(\*\*|__)(.{1,40}?)\1\s*(.*)$/.exec(text);
  if (bold && parseDateCell(bold[2]!)) return { date: bold[2]!, rest: bold[3]! };
  const sep = /^(.{1,40}?)(?:\s+[—–-]\s+|:\s+|\s*\|\s*)(.*)$/.exec(text);
  if (sep && parseDateCell(sep[1]!)) return { date: sep[1]!, rest: sep[2]! };
  if (parseDateCell(text) && text.length <= 40) return { date: text, rest: '' };
  return null;
}

function plainCell(cell: string): string {
  return cell.replace(/^\*\*(.*)\*\*$/, '$1');
}

/** The readings cell of a list item's text: a title before the first link (or the whole text without one) in bold, items split on ";". */
export function itemCell(rest: string): string {
  const text = rest.replace(/^[\s—–:,.-]+/, '').trim();
  if (text === '') return '';
  const link = text.search(/\[[^\]]*\]\(/);
  if (link < 0) return /^(\*\*|__).*\1$/.test(text) ? text : `**${text.replace(/[*_]{2}/g, '')}**`;
  const before = text.slice(0, link).trim();
  const after = text.slice(link);
  const parts = after.split(/;\s+(?=\[)/);
  if (before !== '' && /[:—–]$/.test(before))
    return [`**${before.replace(/\s*[:—–]$/, '').replace(/[*_]{2}/g, '')}**`, ...parts].join('<br>');
  // "Descartes, [Meditations](…)": the author before the link belongs to the reading's title.
  if (before !== '') parts[0] = `[${before.replace(/[*_]{2}/g, '')} ${parts[0]!.slice(1)}`;
  return parts.join('<br>');
}

/**
 * Bulleted schedules: in a section whose title names a schedule ("Weekly Plan", "Course Calendar"), a list whose
 * top-level items mostly begin with a date ("- **Jan 27** — Dualism") is read as a two-column table (Date, Readings);
 * indented sub-items add readings to the item above. Sections that already hold a table are left alone.
 */
export function listSchedules(lines: string[], doc: DocumentOutline, tables: readonly Table[]): Table[] {
  const out: Table[] = [];
  for (const section of doc.sections) {
    if (!SCHEDULE_TITLE.test(section.title) || NOT_SCHEDULE_TITLE.test(section.title)) continue;
    if (tables.some((t) => t.start >= section.start && t.start < section.end)) continue;
    let i = section.start;
    while (i < section.end) {
      if (doc.fenced[i] || !isListItem(lines[i]!) || INDENTED.test(lines[i]!)) {
        i++;
        continue;
      }
      // One list: top-level items, their indented sub-items and continuation lines, up to a blank line before a non-item.
      const start = i;
      const rows: TableRow[] = [];
      let top = 0;
      let dated = 0;
      let headerLine = i + 1;
      let topRow: TableRow | null = null;
      let nestedDepth = -1;
      const weekRows = new Set<TableRow>();
      for (; i < section.end && !doc.fenced[i]; i++) {
        const line = lines[i]!;
        if (line.trim() === '') {
          // Blank lines inside the list: go on only when the next non-blank line is another item.
          let next = i + 1;
          while (next < section.end && lines[next]!.trim() === '') next++;
          if (next >= section.end || doc.fenced[next] || !isListItem(lines[next]!)) break;
          i = next - 1;
          continue;
        }
        if (/^\s{0,3}#{1,6}\s/.test(line)) break;
        const itemText = line.replace(/^\s*([-*+]|\d{1,3}[.)])\s+/, '').trim();
        if (isListItem(line) && !INDENTED.test(line)) {
          top++;
          const lead = leadingDate(itemText);
          if (lead) {
            dated++;
            if (rows.length === 0) headerLine = i + 1;
            rows.push({ cells: [lead.date, itemCell(lead.rest)], lines: [i + 1] });
          } else rows.push({ cells: ['', itemCell(itemText)], lines: [i + 1] });
          topRow = rows[rows.length - 1]!;
          nestedDepth = -1;
          continue;
        }
        // Nested by week: "- Week 1" with dated sub-items ("  - Tue Sep 3: Introduction"): the week is a unit row,
        // each dated sub-item a row of its own, deeper items its readings.
        const depth = line.length - line.trimStart().length;
        const nestedLead =
          isListItem(`${line.trimStart()}`) && topRow?.cells[0] === '' ? leadingDate(itemText) : null;
        if (nestedLead && (nestedDepth < 0 || depth <= nestedDepth)) {
          nestedDepth = depth;
          dated++;
          top++;
          if (topRow) {
            weekRows.add(topRow);
            if (!topRow.cells[1]!.startsWith('**')) topRow.cells[1] = `**${plainCell(topRow.cells[1]!)}**`;
          }
          rows.push({ cells: [nestedLead.date, itemCell(nestedLead.rest)], lines: [i + 1] });
          continue;
        }
        const prev = rows[rows.length - 1];
        if (!prev) break;
        const piece = itemCell(itemText).replace(/^\*\*(.*)\*\*$/, '$1');
        prev.cells[1] = prev.cells[1] ? `${prev.cells[1]}<br>${piece}` : piece;
        prev.lines.push(i + 1);
      }
      // Week items that only group dated sub-items count as units, not as undated classes.
      const units = weekRows.size;
      if (dated >= 3 && dated * 3 >= (top - units) * 2) {
        out.push({ header: ['Date', 'Readings'], headerLine, rows, start, end: i });
      }
      if (i === start) i++;
    }
  }
  return out;
}

/**
 * A week-per-row table with one column per class day ("| Week | Tuesday | Thursday |", cells "Sep 3: Introduction"):
 * one row per dated cell, as a two-column table (Date, Readings). Tables with a column of bare dates are left alone.
 */
export function splitDayColumns(table: Table): Table {
  const width = table.header.length;
  const datedCells = (k: number) =>
    table.rows.filter((r) => (leadingDate(r.cells[k] ?? '')?.rest ?? '') !== '').length;
  const bareDates = (k: number) =>
    table.rows.filter((r) => {
      const d = leadingDate(r.cells[k] ?? '');
      return d !== null && d.rest === '';
    }).length;
  const filled = (k: number) => table.rows.filter((r) => (r.cells[k] ?? '') !== '').length;
  const columns: number[] = [];
  for (let k = 0; k < width; k++) {
    if (bareDates(k) * 2 > filled(k) && filled(k) > 0) return table;
    if (datedCells(k) > 0 && datedCells(k) * 2 >= filled(k)) columns.push(k);
  }
  if (columns.length < 2) return table;
  const rows: TableRow[] = [];
  for (const row of table.rows) {
    for (const k of columns) {
      const cell = row.cells[k] ?? '';
      if (cell === '') continue;
      const lead = leadingDate(cell);
      rows.push(
        lead
          ? { cells: [lead.date, itemCell(lead.rest)], lines: row.lines }
          : { cells: ['', cell], lines: row.lines },
      );
    }
  }
  return {
    header: ['Date', 'Readings'],
    headerLine: table.headerLine,
    rows,
    start: table.start,
    end: table.end,
  };
}
