// exportSyllabus writes the course back as Markdown that parseSyllabus reads to the very same course.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportSyllabus, parseSyllabus, shiftCourse } from '../../src/syllabus/index.js';
import { DEMO_PATH, ZONE, fixturePath, parseOk, readText } from './helpers.js';

// refused-*.md are syllabi the importer refuses with a clear error (test/syllabus/other-shapes.test.ts).
const names = readdirSync(fixturePath('')).filter((n) => n.endsWith('.md') && !n.startsWith('refused-'));

describe('import(export(course)) equals course', () => {
  it('has at least six syllabi of our own to try', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  for (const [name, path] of [
    ['the demo syllabus', DEMO_PATH] as const,
    ...names.map((n) => [n, fixturePath(n)] as const),
  ]) {
    it(`holds for ${name}`, () => {
      const { course } = parseOk(readText(path));
      const again = parseSyllabus(exportSyllabus(course), { timeZone: ZONE });
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.course).toEqual(course);
    });
  }

  it('holds for the demo shifted into another year, milestones included', () => {
    const { course } = parseOk(readText(DEMO_PATH));
    const moved = shiftCourse(course, '2026-08-24').course;
    const again = parseSyllabus(exportSyllabus(moved), { timeZone: ZONE });
    expect(again.ok && again.course).toEqual(moved);
  });

  it('writes the demo in its own layout: title with term, logistics, schedule with units, grading, policies', () => {
    const { course } = parseOk(readText(DEMO_PATH));
    const md = exportSyllabus(course);
    expect(md.startsWith("# CS 598: Systems for Generative AI (F'24)\n")).toBe(true);
    expect(md).toContain('**Lectures**: 0216 Siebel Center for Computer Science, MW: 9:30 AM – 10:45 AM');
    expect(md).toContain('| Date | Readings | Presenter | Summary |');
    expect(md).toContain('|  | **GenAI Basics** |  |  |');
    expect(md).toContain(
      '| Dec 4 | **Final Poster Presentations**<br>(10:30AM - 12:00PM)<br>TBD<br>[Template](/Resources/poster.pptx) |  |  |',
    );
    expect(md).toContain('[The Llama 3 Herd of Models](');
    expect(md).toContain('(Sec 1-4, Required)');
    expect(md).toContain('| Paper Presentation & Discussion | 15% |');
    expect(md).toContain('### Post-Presentation Panel Discussion');
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Logistics',
      '## Course Description',
      '## Tentative Schedule and Reading List',
      '## Tentative Grading',
      '## Policies',
      '## Project Milestones',
      '## Resources',
    ]);
  });

  it('writes the year on every date when the term would not give it back', () => {
    const { course } = parseOk(readText(fixturePath('numeric-dates-2019.md')));
    const md = exportSyllabus(course);
    expect(md).toContain('| Jan 23 2019 |');
    expect(md).toContain('| Feb 11 2019 |');
  });

  it('marks unlinked optional readings so they do not read back as notes or required', () => {
    const { course } = parseOk(readText(fixturePath('legend-unmarked-mandatory.md')));
    const md = exportSyllabus(course);
    expect(md).toContain('Bigtable: A Distributed Storage System (Optional)');
    expect(md).toContain('The Google File System (Required)');
    expect(md).toContain('[Spanner](https://example.org/spanner) (Sections 1-3, Required)');
  });
});

describe('export of awkward content', () => {
  it('keeps a reading note that holds a link of its own', () => {
    const md = [
      '# CS 1: T (Fall 2024)',
      '| Date | Readings |',
      '| --- | --- |',
      '| Aug 26 | [A](https://a) [code](https://c) (Required) |',
      '| Aug 28 | Long text without a mark, then<br>Note: bring a laptop |',
    ].join('\n');
    const { course } = parseOk(md);
    expect(course.meetings[0]!.readings[0]).toEqual({
      title: 'A',
      url: 'https://a',
      required: true,
      note: '[code](https://c)',
    });
    const again = parseSyllabus(exportSyllabus(course), { timeZone: ZONE });
    expect(again.ok && again.course).toEqual(course);
  });

  it('writes notes that would read as readings behind "Note:"', () => {
    const md =
      '# CS 1: T (Fall 2024)\n| Date | Readings | Presenter |\n| --- | --- | --- |\n| Aug 26 | [A](https://a) | Team 1 | bring a laptop |';
    const { course } = parseOk(md);
    expect(course.meetings[0]!.notes).toEqual(['bring a laptop']);
    const out = exportSyllabus(course);
    expect(out).toContain('<br>Note: bring a laptop');
    const again = parseSyllabus(out, { timeZone: ZONE });
    expect(again.ok && again.course).toEqual(course);
  });
});
