// CSV in and out through csv-parse and csv-stringify: spreadsheet text decoding, records with their line numbers, and cells a spreadsheet will not run as formulas.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type TextEncodingName = 'utf-8' | 'latin-1';

/**
 * Spreadsheet exports arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252/Latin-1.
 * Invalid UTF-8 is read as Latin-1 rather than turned into U+FFFD, so "José" survives either way.
 * Null for binary (or UTF-16 without a BOM).
 */
export function decodeSpreadsheetText(
  bytes: Uint8Array,
): { text: string; encoding: TextEncodingName } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-8' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-8' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'latin-1' };
  }
}

/** One record and the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; message: string };

/** The separator the first line uses most: comma, semicolon (European spreadsheets) or tab. */
function separatorOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return [',', ';', '\t'].reduce(
    (best, c) => (firstLine.split(c).length > firstLine.split(best).length ? c : best),
    ',',
  );
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * RFC 4180 records (quotes, doubled quotes, separators and line breaks inside quotes; CRLF or LF), cells
 * trimmed, blank lines skipped, rows of any length kept (the caller says what is wrong with them).
 * A file that cannot be read as CSV (a quote never closed) is refused with the line it starts on.
 */
export function readCsvRecords(text: string): CsvRead {
  try {
    const parsed = parse(text, {
      delimiter: separatorOf(text),
      bom: true,
      info: true,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
    // csv-parse gives the line a record ends on, counting a CRLF inside quotes as two; a record starts
    // as many lines earlier as its cells hold line breaks.
    let skew = 0;
    const count = (cells: string[], pattern: RegExp) =>
      cells.reduce((n, cell) => n + (cell.match(pattern)?.length ?? 0), 0);
    const records = parsed.map(({ record, info }) => {
      skew += count(record, /\r\n/g);
      return { line: info.lines - skew - count(record, /\r\n|\r|\n/g), cells: record };
    });
    return { ok: true, records: records.filter((r) => r.cells.some((c) => c !== '')) };
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const where = typeof lines === 'number' ? ` (line ${lines})` : '';
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      message:
        code === 'CSV_QUOTE_NOT_CLOSED'
          ? `A quoted field is never closed${where}; check the quotes in the file.`
          : `This file cannot be read as CSV${where}.`,
    };
  }
}

/** A leading = + - @ tab or carriage return makes a spreadsheet read the cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A cell safe to open in a spreadsheet: text that would start a formula gets a leading apostrophe
 * (OWASP's CSV injection advice); numbers such as -1.5 stay numbers.
 */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Rows as CSV text (CRLF line ends, quoted where needed), every cell made spreadsheet-safe. */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return stringify(
    rows.map((r) => r.map(spreadsheetSafe)),
    { record_delimiter: '\r\n' },
  );
}
