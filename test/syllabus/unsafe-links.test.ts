// A syllabus whose reading, staff, forum or resource links use javascript: or data: is imported without those links, with warnings.
import { describe, expect, it } from 'vitest';
import { DEMO_PATH, parseOk, readText } from './helpers.js';

describe('unsafe links in a syllabus', () => {
  const text = readText(DEMO_PATH)
    .replace('[Fan Lai](https://fanlai.me/)', '[Fan Lai](javascript:alert(document.cookie))')
    .replace('[Piazza](https://piazza.com/illinois/fall2024/cs598fla)', '[Piazza](JavaScript:alert(1))')
    .replace(
      '[How to Read a Paper](http://svr-sk818-web.cl.cam.ac.uk/keshav/papers/07/paper-reading.pdf)',
      '[How to Read a Paper](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    );

  it('keeps the text, drops the link and says so at the line', () => {
    const { course, warnings } = parseOk(text, 2024);
    const fan = course.staff.find((s) => s.name === 'Fan Lai')!;
    expect(fan.url).toBeNull();
    expect(String(course.forum?.url)).not.toMatch(/javascript/i);
    const reading = course.meetings
      .flatMap((m) => m.readings)
      .find((r) => r.title === 'How to Read a Paper')!;
    expect(reading.url).toBeNull();
    // The links themselves are gone; the policy prose keeps its Markdown, whose renderer drops such targets.
    const urls = JSON.stringify([course.staff, course.forum, course.resources, course.meetings]);
    expect(urls).not.toMatch(/javascript:|data:text/i);
    const dropped = warnings.filter((w) => /is not an http\(s\), mailto or relative address/.test(w.message));
    expect(dropped.map((w) => w.line)).toEqual(expect.arrayContaining([7, 34]));
    expect(dropped.length).toBeGreaterThanOrEqual(2);
  });

  it('changes nothing in a syllabus whose links are all web links', () => {
    const { course, warnings } = parseOk(readText(DEMO_PATH), 2024);
    expect(course.staff.find((s) => s.name === 'Fan Lai')!.url).toBe('https://fanlai.me/');
    expect(warnings.some((w) => /relative address/.test(w.message))).toBe(false);
  });
});
