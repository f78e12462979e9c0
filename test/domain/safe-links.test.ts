// Redirect targets and link URLs: only same-origin paths after sign-in, only web, mail and relative links from a syllabus.
import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl, landingPath, safeHref, safeNextPath } from '../../src/contracts/safe-links.js';
import { invisibleCharacterIn } from '../../src/domain/names.js';
import { renderInlineMarkdown, renderMarkdown } from '../../src/markdown/render.js';

describe('the page after sign-in (?next=)', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeNextPath('/courses/cs598/due')).toBe('/courses/cs598/due');
    expect(safeNextPath('/join?token=abc_-1')).toBe('/join?token=abc_-1');
    expect(safeNextPath('/courses/x/due#due-late')).toBe('/courses/x/due#due-late');
    expect(safeNextPath('/a/../account')).toBe('/account');
  });

  it('falls back for every spelling that a browser would take to another site', () => {
    for (const hostile of [
      '/\\evil.example/x',
      '/\tevil.example/x',
      '/\t/evil.example/x',
      '/\n/evil.example/x',
      '/\r\n/evil.example',
      '//evil.example/x',
      '///evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      ' /x',
      'evil.example',
      '',
      null,
      undefined,
      '/' + 'a'.repeat(2001),
    ]) {
      expect(safeNextPath(hostile, '/home'), JSON.stringify(hostile)).toBe('/home');
    }
  });
});

describe('where sign-in lands when no page asked', () => {
  it('takes staff to Today of the first course they teach, everyone else to the courses', () => {
    expect(
      landingPath([
        { slug: 'taken', role: 'student' },
        { slug: 'cs 598', role: 'ta' },
        { slug: 'later', role: 'instructor' },
      ]),
    ).toBe('/courses/cs%20598/today');
    expect(landingPath([{ slug: 'x', role: 'instructor' }])).toBe('/courses/x/today');
    expect(landingPath([{ slug: 'x', role: 'student' }])).toBe('/');
    expect(landingPath([])).toBe('/');
  });
});

describe('links from a syllabus', () => {
  it('allows http(s), mailto and relative links', () => {
    for (const ok of [
      'https://arxiv.org/abs/1706.03762',
      'http://example.edu/a?b=c',
      'mailto:staff@example.edu',
      'templates/proposal.md',
      '/courses/x',
      '#week-3',
      '?page=2',
    ]) {
      expect(isSafeLinkUrl(ok), ok).toBe(true);
    }
  });

  it('refuses javascript:, data: and other schemes however they are spelt', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://x/1',
      '',
      null,
    ]) {
      expect(isSafeLinkUrl(bad), JSON.stringify(bad)).toBe(false);
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('renders Markdown links with unsafe targets as text, never as a live link', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](JAVASCRIPT:alert(1)) [d](java&#x09;script:alert(1)) [ok](https://example.edu) [rel](notes/a.md)',
    );
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
    // Whatever stays a link resolves, as a browser reads it, to a web page of this site or another.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g))
      expect(['http:', 'https:', 'mailto:']).toContain(
        new URL(href!.replace(/&amp;/g, '&'), 'https://x/').protocol,
      );
    expect(html).toContain('href="https://example.edu"');
    expect(html).toContain('href="notes/a.md"');
    expect(renderInlineMarkdown('[x](javascript:alert(1))')).not.toContain('href');
  });
});

describe('names', () => {
  it('finds bidirectional overrides, isolates and other invisible characters', () => {
    for (const [text, code] of [
      ['Ada\u202Eecila', 'U+202E'],
      ['\u202AAda', 'U+202A'],
      ['Ada\u2066x\u2069', 'U+2066'],
      ['Ada\u2069', 'U+2069'],
      ['A\u200Bda', 'U+200B'],
      ['Ada\u200F', 'U+200F'],
      ['\uFEFFAda', 'U+FEFF'],
      ['Ada\u0085', 'U+0085'],
      ['Ada\u2028x', 'U+2028'],
      ['Ada\u0007', 'U+0007'],
    ] as const) {
      expect(invisibleCharacterIn(text), text).toBe(code);
    }
  });

  it('leaves ordinary names alone, joiners included', () => {
    for (const name of [
      'Ada Lovelace',
      'Zoë Ñúñez',
      'محمد علی',
      'می\u200Cخواهم',
      'Đặng Thị',
      '李雷',
      '👩\u200D💻 Dev',
    ])
      expect(invisibleCharacterIn(name), name).toBeNull();
  });
});
