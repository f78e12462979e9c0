// Files that are not syllabi, or are built to hurt: one clear error or a fast, warned import — never a throw.
import { describe, expect, it } from 'vitest';
import { MAX_SYLLABUS_BYTES, parseSyllabus } from '../../src/syllabus/index.js';
import { NO_ZONE, ZONE, parseOk } from './helpers.js';

const parse = (input: string | Uint8Array) => parseSyllabus(input, { timeZone: ZONE });

const TINY = [
  '# CS 101: Tiny Seminar (Fall 2024)',
  '',
  '**Lectures**: Room 1, MW 9:30-10:45 AM',
  '',
  '| Date | Readings |',
  '| --- | --- |',
  '| Aug 26 | [A Paper](https://example.org/a.pdf) (Required) |',
].join('\n');

describe('files that are not syllabi', () => {
  it('refuses an empty file', () => {
    expect(parse('')).toEqual({
      ok: false,
      error: { code: 'empty', message: 'The syllabus file is empty.' },
    });
    expect(parse(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('refuses a file of whitespace only', () => {
    expect(parse(' \n\t\r\n   \n')).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('refuses bytes with NULs, bytes that are not UTF-8, and text that is mostly control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(parse(png)).toMatchObject({ ok: false, error: { code: 'binary' } });
    expect(parse(new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0xfd, 0x41]))).toMatchObject({
      ok: false,
      error: { code: 'binary' },
    });
    expect(parse('\u0001\u0002\u0003\u0004 x \u0005\u0006\u0007\u0008')).toMatchObject({
      ok: false,
      error: { code: 'binary' },
    });
    expect(parse(`${TINY}\u0000`)).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('refuses a file of 5 MB and one byte, as bytes or as text, but reads one of exactly 5 MB', () => {
    const padded = (n: number) => TINY + '\n' + ' '.repeat(n - new TextEncoder().encode(TINY).length - 1);
    expect(parse(padded(MAX_SYLLABUS_BYTES + 1))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(parse(new TextEncoder().encode(padded(MAX_SYLLABUS_BYTES + 1)))).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    expect(parse(padded(MAX_SYLLABUS_BYTES)).ok).toBe(true);
    expect(parse('é'.repeat(MAX_SYLLABUS_BYTES / 2 + 1))).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
  });

  it('refuses the README of a project that is not a course', () => {
    const readme = [
      '# fastcache',
      '',
      'A tiny LRU cache for Node.',
      '',
      '## Install',
      '',
      '```sh',
      'npm install fastcache',
      '```',
      '',
      '| Option | Default |',
      '| --- | --- |',
      '| max | 100 |',
      '',
      '## Changelog',
      '- 1.2.0 (2024-03-01): faster eviction',
    ].join('\n');
    const r = parse(readme);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_a_syllabus' } });
    if (!r.ok) expect(r.error.message).toMatch(/no schedule table with dated class meetings/);
  });

  it('refuses text without a title or a dated schedule', () => {
    expect(parse('just some words\nand more words')).toMatchObject({
      ok: false,
      error: { code: 'not_a_syllabus' },
    });
  });
});

describe('hostile but readable syllabi', { timeout: 120_000 }, () => {
  it('reads a tiny syllabus', () => {
    const { course, warnings } = parseOk(TINY);
    expect(course.meetings).toHaveLength(1);
    expect(warnings).toEqual([NO_ZONE]);
  });

  it('keeps HTML and script tags in cells and titles as text', () => {
    const md =
      TINY.replace('# CS 101: Tiny Seminar', '# CS 101: <b>Tiny</b> Seminar') +
      '\n| Aug 28 | **<img src=x onerror=alert(1)>**<br><iframe src="javascript:alert(1)"></iframe> |';
    const { course } = parseOk(md);
    expect(course.title).toBe('<b>Tiny</b> Seminar');
    expect(course.meetings[1]!.title).toBe('<img src=x onerror=alert(1)>');
    expect(course.meetings[1]!.notes).toEqual(['<iframe src="javascript:alert(1)"></iframe>']);
  });

  it('reads a file with a 1 MB line quickly', () => {
    const long = `${TINY}\n\n## Policies\n\n${'**a** [b](c) (d) *e* by _f_ | '.repeat(35_000)}\n`;
    const t0 = performance.now();
    const { course } = parseOk(long);
    expect(performance.now() - t0).toBeLessThan(20_000); // linear work; quadratic would take minutes
    expect(course.policies).toHaveLength(1);
  });

  it('reads a cell of 200 000 characters quickly', () => {
    const cell = '[x](y)<br>'.repeat(20_000);
    const t0 = performance.now();
    const { course } = parseOk(`${TINY}\n| Aug 28 | ${cell} |`);
    expect(performance.now() - t0).toBeLessThan(20_000); // linear work; quadratic would take minutes
    expect(course.meetings[1]!.readings).toHaveLength(20_000);
  });

  it('reads 10 000 schedule rows in time linear in their number', () => {
    const build = (n: number) => {
      const rows: string[] = [];
      for (let k = 0; k < n; k++) {
        rows.push(
          k % 10 === 0
            ? `| | **Unit ${k}** |`
            : `| 9/${(k % 28) + 1}/2024 | **Topic ${k}**<br>[Paper ${k}](https://example.org/${k}.pdf) (Required)<br>[More ${k}](https://example.org/m${k}) |`,
        );
      }
      return `${TINY}\n${rows.join('\n')}\n`;
    };
    // Best of three, so that a busy machine does not decide the ratio.
    const best = (md: string) => {
      let min = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        parseOk(md);
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    const small = best(build(1_000));
    const large = best(build(10_000));
    // About 0.2 s for 10 000 rows on an idle machine; ten times the rows must not cost much more than ten times.
    expect(large / small).toBeLessThan(25);
    expect(large).toBeLessThan(20_000);
    const { course, warnings } = parseOk(build(10_000));
    expect(course.meetings).toHaveLength(9_001);
    expect(course.units).toHaveLength(1_000);
    expect(warnings.every((w) => Number.isInteger(w.line) && w.line >= 1)).toBe(true);
  }, 120_000);

  it('warns instead of failing on an unknown time zone', () => {
    const r = parseSyllabus(TINY, { timeZone: 'Mars/Olympus_Mons' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.course.timeZone).toBe('UTC');
      expect(r.warnings[0]).toEqual({
        line: 1,
        message: expect.stringContaining('Mars/Olympus_Mons') as string,
      });
    }
  });

  it('infers the year from the weekdays when nothing gives it, and says so', () => {
    const md =
      TINY.replace(' (Fall 2024)', '') + '\n| Aug 28 | [B](b) |\n| Sep 4 | [C](c) |\n| Sep 9 | [D](d) |';
    const { course, warnings } = parseOk(md);
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2024-08-26',
      '2024-08-28',
      '2024-09-04',
      '2024-09-09',
    ]);
    expect(warnings.map((w) => w.message).join('\n')).toContain('inferred');
  });

  it('uses the year option before the term, and moves the term with it', () => {
    const { course } = parseOk(TINY, 2031);
    expect(course.meetings[0]!.date).toBe('2031-08-26');
    expect(course.term).toEqual({ season: 'Fall', year: 2031 });
  });
});
