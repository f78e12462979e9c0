// The importer never throws: random text, random bytes and mangled copies of real syllabi (fast-check).
// The fuzzing runs the reader without its top-level catch, so a throw anywhere inside fails the test.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportSyllabus, parseSyllabus as guarded, shiftCourse } from '../../src/syllabus/index.js';
import { parseUnchecked as parseSyllabus } from '../../src/syllabus/parse.js';
import type { ParseResult } from '../../src/syllabus/index.js';
import { DEMO_PATH, ZONE, fixturePath, readText } from './helpers.js';

const texts = [
  readText(DEMO_PATH),
  ...readdirSync(fixturePath(''))
    .filter((n) => n.endsWith('.md'))
    .map((n) => readText(fixturePath(n))),
];

/** Checks the shape of any result: an error with a known code, or a course whose warnings point at real lines. */
function wellFormed(r: ParseResult, input: string | Uint8Array): void {
  if (!r.ok) {
    expect(['empty', 'binary', 'too_large', 'not_a_syllabus']).toContain(r.error.code);
    expect(r.error.message.length).toBeGreaterThan(0);
    return;
  }
  const lineCount = typeof input === 'string' ? input.split(/\r\n|\r|\n/).length : Infinity;
  for (const w of r.warnings) {
    expect(Number.isInteger(w.line)).toBe(true);
    expect(w.line).toBeGreaterThanOrEqual(1);
    expect(w.line).toBeLessThanOrEqual(lineCount);
  }
  expect(r.course.meetings.length).toBeGreaterThan(0);
  for (const m of r.course.meetings) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // Export and shift must not throw on whatever was read either.
  expect(typeof exportSyllabus(r.course)).toBe('string');
  shiftCourse(r.course, '2030-01-07');
}

const SNIPPETS = [
  '|',
  '\n',
  '**',
  '<br>',
  '(',
  ')',
  '[',
  ']',
  '](',
  '#',
  '## ',
  '- ',
  '\t',
  ' ',
  '`',
  '```\n',
  'Sept 5',
  '12/31',
  '9:30',
  'PM',
  '(Required)',
  'by ',
  'CDT',
  '\u0000',
  '---',
  ':---:',
  '\\|',
  'é',
  '😀',
];

/** A mutation: cut, duplicate or insert Markdown-ish snippets at random places. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 20 })),
  }),
);

function mutate(
  text: string,
  ms: { kind: 'cut' | 'dup' | 'insert'; at: number; len?: number; text?: string }[],
): string {
  let s = text;
  for (const m of ms) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === 'cut') s = s.slice(0, at) + s.slice(at + (m.len ?? 0));
    else if (m.kind === 'dup') s = s.slice(0, at) + s.slice(at, at + (m.len ?? 0)) + s.slice(at);
    else s = s.slice(0, at) + (m.text ?? '') + s.slice(at);
  }
  return s;
}

// Generous time limits: the fuzzing shares two cores with the rest of the suite.
describe('parseSyllabus on anything', { timeout: 180_000 }, () => {
  it('answers a clear error rather than throwing, even if a reader failed inside', () => {
    const weird = {
      toString: () => {
        throw new Error('boom');
      },
    } as unknown as string;
    expect(guarded(weird, { timeZone: ZONE })).toMatchObject({
      ok: false,
      error: { code: 'not_a_syllabus' },
    });
  });

  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        wellFormed(parseSyllabus(s, { timeZone: ZONE }), s);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random Markdown-like lines', () => {
    const line = fc
      .array(fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 8 })), { maxLength: 12 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const s = `# X (Fall 2024)\n| Date | Readings |\n| --- | --- |\n${lines.join('\n')}`;
        wellFormed(parseSyllabus(s, { timeZone: ZONE }), s);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random pieces of the shapes real syllabi use (weeks, legends, zones, front matter, definition lists)', () => {
    const piece = fc.constantFrom(
      'Week 3 (Tue)',
      'W5 Thu',
      'Week of Sep 9',
      '28/30 Aug',
      'Sep 3 & 5',
      ': ',
      '---',
      'title: X',
      '{% include x.html %}',
      '{{ site.baseurl }}',
      '(O)',
      '[O]',
      'Mandatory unless otherwise specified. (O) marks optional.',
      '5 PM EST',
      '11:59pm AoE',
      'Urbana',
      'Time zone: Europe/Zurich',
      'Classes begin Tuesday, August 28.',
      '[[pdf]](u)',
      '[Reasoning]',
      'Section 1 of [T](u)',
      '  - ',
      '- Week 1',
      '## Summary of Deadlines',
      '| Team | Members |',
      '| Milestone | Due |',
      'Fall 2017',
      'due September 11, 2017',
      'Lectures: Mondays 14:00-15:30',
      '| ',
      ' |',
      '\n',
    );
    const line = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 8 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.option(fc.constantFrom('2024-08-27', '2018-01-08'), { nil: undefined }),
        fc.boolean(),
        (lines, start, fixed) => {
          const s = lines.join('\n');
          const options = { timeZone: ZONE, timeZoneFixed: fixed, ...(start ? { start } : {}) };
          wellFormed(parseSyllabus(s, options), s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        wellFormed(parseSyllabus(bytes, { timeZone: ZONE }), bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mangled copies of the demo and of our own syllabi', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts.keys()),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (k, ms) => {
          const s = mutate(texts[k]!, ms);
          wellFormed(parseSyllabus(s, { timeZone: ZONE }), s);
        },
      ),
      { numRuns: 200 },
    );
  });
});
