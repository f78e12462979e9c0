// Cuts a range of lines into blocks (headings, tables, paragraphs, lists, code) for the section readers.
import type { DocumentOutline, Heading } from './document.js';
import type { Table } from './tables.js';

export type Block =
  | { kind: 'heading'; heading: Heading; start: number; end: number }
  | { kind: 'table'; table: Table; start: number; end: number }
  | { kind: 'para' | 'list' | 'code'; start: number; end: number };

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+/;

export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line) && !/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line);
}

export function blocksOf(
  lines: string[],
  start: number,
  end: number,
  doc: DocumentOutline,
  tables: Table[],
): Block[] {
  const out: Block[] = [];
  const headingAt = new Map(doc.headings.map((h) => [h.index, h]));
  const tableAt = new Map(tables.map((t) => [t.start, t]));
  let i = start;
  while (i < end) {
    const h = headingAt.get(i);
    if (h) {
      out.push({ kind: 'heading', heading: h, start: i, end: i + h.span });
      i += h.span;
      continue;
    }
    const t = tableAt.get(i);
    if (t) {
      out.push({ kind: 'table', table: t, start: t.start, end: Math.min(t.end, end) });
      i = t.end;
      continue;
    }
    if (doc.fenced[i]) {
      const s = i;
      while (i < end && doc.fenced[i]) i++;
      out.push({ kind: 'code', start: s, end: i });
      continue;
    }
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const kind = isListItem(lines[i]!) ? 'list' : 'para';
    const s = i;
    i++;
    while (i < end && lines[i]!.trim() !== '' && !headingAt.has(i) && !tableAt.has(i) && !doc.fenced[i]) {
      if (kind === 'para' && isListItem(lines[i]!)) break;
      if (
        kind === 'list' &&
        !isListItem(lines[i]!) &&
        !/^\s/.test(lines[i]!) &&
        /^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:/.test(lines[i]!)
      )
        break;
      i++;
    }
    out.push({ kind, start: s, end: i });
  }
  return out;
}

/** Items of a list block: each item's text with its continuation lines joined. */
export function listItems(lines: string[], start: number, end: number): { text: string; line: number }[] {
  const items: { text: string; line: number }[] = [];
  for (let i = start; i < end; i++) {
    const m = LIST_ITEM.exec(lines[i]!);
    if (m && isListItem(lines[i]!)) items.push({ text: lines[i]!.slice(m[0]!.length).trim(), line: i + 1 });
    else if (items.length > 0) items[items.length - 1]!.text += ` ${lines[i]!.trim()}`;
  }
  return items;
}
