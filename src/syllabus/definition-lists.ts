// Schedules written as definition lists (kramdown, Pandoc, many Jekyll course pages):
//   Sep 3
//   : Introduction. [Paper A](…)
// read as a two-column table (Date, Readings), one row per dated term.
import type { DocumentOutline } from './document.js';
import { itemCell, leadingDate } from './shaped-tables.js';
import type { Table, TableRow } from './tables.js';

const DEFINITION = /^\s{0,3}:\s+(\S.*)$/;

/** Definition lists with at least three dated terms, outside code and the given tables. */
export function definitionSchedules(
  lines: string[],
  doc: DocumentOutline,
  tables: readonly Table[],
): Table[] {
  const inTable = (i: number) => tables.some((t) => i >= t.start && i < t.end);
  const out: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (doc.fenced[i] || inTable(i) || !DEFINITION.test(lines[i + 1] ?? '') || lines[i]!.trim() === '') {
      i++;
      continue;
    }
    // A run of terms and definitions, blank lines allowed between entries.
    const start = i;
    const rows: TableRow[] = [];
    let dated = 0;
    let end = i;
    while (i < lines.length && !doc.fenced[i] && !inTable(i)) {
      const term = lines[i]!.trim();
      if (term === '' || DEFINITION.test(lines[i]!) || !DEFINITION.test(lines[i + 1] ?? '')) break;
      const lead = leadingDate(term);
      const defs: string[] = [];
      const rowLines = [i + 1];
      let j = i + 1;
      for (; j < lines.length && !doc.fenced[j]; j++) {
        const d = DEFINITION.exec(lines[j]!);
        if (d) defs.push(d[1]!.trim());
        else if (/^\s{2,}\S/.test(lines[j]!) && defs.length > 0)
          defs[defs.length - 1] += ` ${lines[j]!.trim()}`;
        else break;
        rowLines.push(j + 1);
      }
      const title = lead ? lead.rest.trim() : '';
      // Definitions without a link are the class's title, or a note when the term already gives one.
      const cell = defs
        .map((d, k) => (/\]\(/.test(d) ? d : title === '' && k === 0 ? itemCell(d) : `Note: ${d}`))
        .join('<br>');
      if (lead) {
        dated++;
        rows.push({ cells: [lead.date, title ? `${itemCell(title)}<br>${cell}` : cell], lines: rowLines });
      } else rows.push({ cells: ['', `**${term.replace(/[*_]{2}/g, '')}**`], lines: rowLines });
      end = j;
      i = j;
      while (i < lines.length && lines[i]!.trim() === '') i++;
    }
    if (dated >= 3) out.push({ header: ['Date', 'Readings'], headerLine: start + 1, rows, start, end });
    i = Math.max(i, start + 1);
  }
  return out;
}
