// Syllabi of other courses, in shapes an instructor would hand in: a European Tuesday/Thursday course across the DST
// change, a bulleted schedule, HTML tables, no schedule at all, Windows line endings with a BOM, Latin-1 bytes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSyllabus } from '../../src/syllabus/index.js';
import { fixturePath } from './helpers.js';

const bytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const load = (name: string, timeZone = 'America/Chicago') => {
  const r = parseSyllabus(bytes(name), { timeZone });
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r;
};

describe('Windows line endings and a byte-order mark', () => {
  it('reads the file as if it had Unix line endings, and a row saying only "No Class" is a day off', () => {
    const { course, warnings } = load('crlf-bom.md');
    expect(course.code).toBe('CS 7200');
    expect(course.title).toBe('Topics in Machine Learning Systems');
    expect(course.meetings.map((m) => [m.date, m.kind, m.title])).toEqual([
      ['2024-09-04', 'lecture', 'Introduction'],
      ['2024-09-09', 'lecture', 'Training'],
      ['2024-09-11', 'lecture', 'Serving'],
      ['2024-09-16', 'no_class', null],
    ]);
    expect(course.meetings.every((m) => m.notes.every((n) => !n.includes('\r')))).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe('a file saved as Latin-1 (Windows-1252)', () => {
  it('reads accents and curly quotes, and warns that the file is not UTF-8', () => {
    const { course, warnings } = load('latin1.md');
    expect(course.title).toBe("Séminaire d'économie");
    expect(course.meetings[0]!.title).toBe('Introduction – overview');
    expect(course.meetings[0]!.readings[0]!.title).toBe('Akerlof, “The Market for Lemons”');
    expect(warnings[0]).toMatchObject({ line: 1, message: expect.stringMatching(/not UTF-8.*Windows-1252/) });
  });

  it('still refuses bytes that are binary rather than Latin-1', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0xfd, 0x41]);
    expect(parseSyllabus(png, { timeZone: 'America/Chicago' })).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
});
