// CSV through csv-parse and csv-stringify: encodings, records with their lines, refusals, and cells a spreadsheet will not run.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeSpreadsheetText, readCsvRecords, spreadsheetSafe, writeCsv } from '../../src/files/csv.js';
import { HOSTILE_STRINGS } from '../hostile/strings.js';

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

describe('reading spreadsheet text', () => {
  it('decodes UTF-16 with either byte order, UTF-8 with or without BOM, and Windows-1252', () => {
    const text = 'email,name\njose@example.edu,José Núñez – “quoted”\n';
    expect(decodeSpreadsheetText(utf16le(text))?.text).toBe(text);
    expect(decodeSpreadsheetText(utf16be(text))?.text).toBe(text);
    expect(decodeSpreadsheetText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    const latin1 = new Uint8Array([...Buffer.from('Caf'), 0xe9, 0x20, 0xd1, 0x75]);
    expect(decodeSpreadsheetText(latin1)).toEqual({ text: 'Café Ñu', encoding: 'latin-1' });
    expect(decodeSpreadsheetText(new Uint8Array([0x50, 0x4b, 0, 0]))).toBeNull();
  });

  it('numbers each record by the line it starts on, across quoted line breaks and blank lines', () => {
    const read = readCsvRecords('a,b\r\n"one\r\ntwo",x\r\n\r\nc, "d, e" \r\n');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['one\r\ntwo', 'x'] },
        { line: 5, cells: ['c', 'd, e'] },
      ],
    });
  });

  it('reads semicolon- and tab-separated exports', () => {
    expect(readCsvRecords('a;b\nc;"d;e"\n')).toMatchObject({
      records: [{ cells: ['a', 'b'] }, { cells: ['c', 'd;e'] }],
    });
    expect(readCsvRecords('a\tb\nc\td\n')).toMatchObject({ records: [{}, { cells: ['c', 'd'] }] });
  });

  it('refuses a quote never closed, naming the line', () => {
    expect(readCsvRecords('a,b\nc,d\n"open,e\nf,g\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/quoted field is never closed \(line \d\)/) as string,
    });
  });
});

describe('writing cells a spreadsheet opens safely', () => {
  it('puts an apostrophe before = + - @ tab and carriage return, but leaves numbers as numbers', () => {
    expect(spreadsheetSafe('=1+1')).toBe("'=1+1");
    expect(spreadsheetSafe('+1+cmd')).toBe("'+1+cmd");
    expect(spreadsheetSafe('-2+3')).toBe("'-2+3");
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('\t=1')).toBe("'\t=1");
    expect(spreadsheetSafe('\r=1')).toBe("'\r=1");
    for (const number of ['-1.5', '-0', '+2', '12.25', '-.5']) expect(spreadsheetSafe(number)).toBe(number);
    expect(spreadsheetSafe('Ada Lovelace')).toBe('Ada Lovelace');
  });

  it('writes every hostile string so that it reads back whole and never as a formula', () => {
    const rows = HOSTILE_STRINGS.map((h) => [h.name, Buffer.from(h.value).toString(), '-1.5']);
    const back = parse(writeCsv(rows), { relax_column_count: true }) as string[][];
    expect(back).toHaveLength(rows.length);
    back.forEach((row, i) => {
      // Lone surrogates cannot be written as UTF-8; they come back as U+FFFD like any text would.
      const value = Buffer.from(HOSTILE_STRINGS[i]!.value).toString();
      expect(row[1]).toBe(spreadsheetSafe(value));
      expect([value, `'${value}`]).toContain(row[1]);
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(row[1]!)) expect(row[1]).not.toMatch(/^[=+\-@\t\r]/);
      expect(row[2]).toBe('-1.5');
    });
  });
});
