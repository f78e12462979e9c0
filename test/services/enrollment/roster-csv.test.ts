// Reading roster files: headers, encodings, and one clear problem per bad row.
import { describe, expect, it } from 'vitest';
import { readRosterCsv } from '../../../src/services/enrollment/roster-csv.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('roster CSV', () => {
  it('reads email, name, NetID and role, defaulting the role to student', () => {
    const parsed = readRosterCsv(
      utf8(
        'Email,Name,NetID,Role\nada@example.edu,Ada Lovelace,ada1,student\nALAN@Example.edu,"Turing, Alan",,TA\ngrace@example.edu,Grace Hopper,,\n',
      ),
    );
    expect(parsed).toMatchObject({ ok: true, problems: [] });
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual([
      { line: 2, email: 'ada@example.edu', name: 'Ada Lovelace', netId: 'ada1', role: 'student' },
      { line: 3, email: 'alan@example.edu', name: 'Turing, Alan', netId: null, role: 'ta' },
      { line: 4, email: 'grace@example.edu', name: 'Grace Hopper', netId: null, role: 'student' },
    ]);
  });

  it('refuses a file whose header is not a roster, naming what is expected', () => {
    const parsed = readRosterCsv(utf8('mail,fullname\nada@example.edu,Ada\n'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/missing email and name/);
    expect(parsed.message).toMatch(/unknown column "mail", "fullname"/);
    expect(parsed.message).toMatch(/Expected: email, name/);
  });

  it('gives one problem per bad row: malformed e-mail, over-long name, unknown role, duplicate', () => {
    const long = 'x'.repeat(121);
    const parsed = readRosterCsv(
      utf8(
        `email,name,role\nnot-an-email,Bob,student\nbob@example.edu,${long},student\ncarol@example.edu,Carol,professorx\nada@example.edu,Ada,student\nADA@example.edu,Ada Again,student\n`,
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'email'],
      [3, 'name'],
      [4, 'role'],
      [6, 'email'],
    ]);
    expect(parsed.problems[3]!.message).toBe('ada@example.edu already appears on line 5.');
    expect(parsed.rows.map((r) => r.line)).toEqual([5]);
  });

  it('keeps accents from a UTF-8 file with a BOM and from a Latin-1 file alike', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('email,name\njose@example.edu,José Núñez\n')]);
    const latin1 = new Uint8Array(Buffer.from('email,name\njose@example.edu,José Núñez\n', 'latin1'));
    const a = readRosterCsv(withBom);
    const b = readRosterCsv(latin1);
    expect(a.ok && a.rows[0]!.name).toBe('José Núñez');
    expect(a.ok && a.encoding).toBe('utf-8');
    expect(b.ok && b.rows[0]!.name).toBe('José Núñez');
    expect(b.ok && b.encoding).toBe('latin-1');
  });

  it('reads semicolon-separated exports and quoted fields with line breaks', () => {
    const parsed = readRosterCsv(utf8('email;name\r\nada@example.edu;"Ada ""Countess"" Lovelace"\r\n'));
    expect(parsed.ok && parsed.rows[0]!.name).toBe('Ada "Countess" Lovelace');
  });

  it('refuses empty and binary files with a sentence saying what to send', () => {
    const empty = readRosterCsv(new Uint8Array());
    const binary = readRosterCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]));
    expect(empty.ok || empty.message).toMatch(/empty/);
    expect(binary.ok || binary.message).toMatch(/Export the roster from your spreadsheet as CSV/);
  });

  it('flags a row with more fields than the header', () => {
    const parsed = readRosterCsv(utf8('email,name\nada@example.edu,Ada,Lovelace\n'));
    expect(parsed.ok && parsed.problems[0]).toMatchObject({ line: 2, field: null });
  });
});

describe('roster CSV through csv-parse', () => {
  it('reads a UTF-16 export and numbers rows by their line in the file, past quoted line breaks and blank lines', () => {
    const text =
      'email,name\r\nada@example.edu,"Ada\r\nLovelace"\r\n\r\nnot-an-email,Bob\r\nbob@example.edu,"Bob, Jr."\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const parsed = readRosterCsv(bytes);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.line, r.name])).toEqual([[6, 'Bob, Jr.']]);
    // A name may not hold a line break; the row is named by the line it starts on.
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'name'],
      [5, 'email'],
    ]);
  });

  it('refuses a file whose quote is never closed instead of reading the rest as one name', () => {
    const parsed = readRosterCsv(utf8('email,name\nada@example.edu,"Ada\nbob@example.edu,Bob\n'));
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/never closed/) as string });
  });
});
