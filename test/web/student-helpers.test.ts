// The student screens' browser-side helpers: countdown words, the file check before an upload, and the Markdown preview's blocks.
import { describe, expect, it } from 'vitest';
import { countdownTo } from '../../web/src/time.js';
import { markdownBlocks } from '../../web/src/components/markdown-blocks.js';
import { fileProblem, typeList } from '../../web/src/pages/work/file-check.js';

const at = (iso: string) => Date.parse(iso);

describe('countdown words', () => {
  it('says "due in 26 h" a day and two hours before, and marks it soon', () => {
    expect(countdownTo('2024-08-28T14:30:00Z', at('2024-08-27T12:30:00Z'))).toEqual({
      words: 'due in 26 h',
      urgency: 'soon',
    });
  });
  it('counts days from 72 hours on, and minutes in the last hour', () => {
    expect(countdownTo('2024-09-04T14:30:00Z', at('2024-08-27T12:00:00Z')).words).toBe('due in 8 days');
    expect(countdownTo('2024-08-28T14:30:00Z', at('2024-08-28T14:05:00Z')).words).toBe('due in 25 min');
    expect(countdownTo('2024-08-28T14:30:00Z', at('2024-08-28T14:29:59Z')).words).toBe('due in 1 min');
  });
  it('says how long ago a deadline passed', () => {
    expect(countdownTo('2024-08-28T14:30:00Z', at('2024-08-28T16:00:00Z'))).toEqual({
      words: '1 h ago',
      urgency: 'past',
    });
  });
});

describe('the file check before an upload', () => {
  const slides = ['pptx', 'pdf'];
  it('names the accepted types in words', () => {
    expect(typeList(slides)).toBe('PowerPoint (.pptx) or PDF');
    expect(typeList(['pdf', 'docx', 'md'])).toBe('PDF, Word (.docx) or Markdown (.md)');
  });
  it('refuses a .txt for slides and says what to choose instead', () => {
    expect(fileProblem({ name: 'notes.txt', size: 10 }, slides, 1000)).toBe(
      '“notes.txt” is not a PowerPoint (.pptx) or PDF file. Choose a PowerPoint (.pptx) or PDF file.',
    );
  });
  it('refuses an empty file and one over the limit, and takes an upper-case extension', () => {
    expect(fileProblem({ name: 'talk.pdf', size: 0 }, slides, 1000)).toMatch(/is empty/);
    expect(fileProblem({ name: 'talk.pdf', size: 60 * 1048576 }, slides, 50 * 1048576)).toMatch(
      /60\.0 MB, larger than the 50\.0 MB limit/,
    );
    expect(fileProblem({ name: 'TALK.PDF', size: 2048 }, slides, 50 * 1048576)).toBeNull();
  });
});

describe('the Markdown preview', () => {
  it('reads the summary template as headings and paragraphs', () => {
    const blocks = markdownBlocks(
      '# Summary: Attention\n\n_Group: Beta_\n\n## What is the problem?\n\nQuadratic cost.\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Summary: Attention' },
      { kind: 'paragraph', text: '_Group: Beta_' },
      { kind: 'heading', level: 2, text: 'What is the problem?' },
      { kind: 'paragraph', text: 'Quadratic cost.' },
    ]);
  });
  it('keeps lists, quotes and code apart, and code exactly as written', () => {
    const blocks = markdownBlocks('- one\n- two\n  continued\n\n> said\n\n```\n<script>x</script>\n```');
    expect(blocks).toEqual([
      { kind: 'list', ordered: false, items: ['one', 'two continued'] },
      { kind: 'quote', text: 'said' },
      { kind: 'code', text: '<script>x</script>' },
    ]);
  });
});
