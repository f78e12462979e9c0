// One schedule cell item at a time: readings with their marks, titles, own times and notes.
import { describe, expect, it } from 'vitest';
import { readCell, readItem } from '../../src/syllabus/readings.js';

const plain = { unmarkedRequired: false };
const legend = { unmarkedRequired: true };
const reading = (raw: string, d = plain) => {
  const items = readItem(raw, d);
  expect(items).toHaveLength(1);
  expect(items[0]!.kind).toBe('reading');
  return items[0]!.kind === 'reading' ? items[0]!.reading : null;
};

describe('reading a schedule cell', () => {
  it.each([
    ['[A](https://a) (Required)', true],
    ['[A](https://a)(required)', true],
    ['(Required) [A](https://a)', true],
    ['(Required)[A](https://a)', true],
    ['[A](https://a) (Optional)', false],
    ['(Optional)[A](https://a)', false],
    ['[A](https://a) - optional', false],
    ['[A](https://a)', false],
    ['**(Required)** [A](https://a)', true],
  ])('reads the mark of %s', (raw, required) => {
    expect(reading(raw)).toEqual({ title: 'A', url: 'https://a', required, note: null });
  });

  it('follows the legend for unmarked readings, never for marked ones', () => {
    expect(reading('[A](https://a)', legend)!.required).toBe(true);
    expect(reading('[A](https://a) (Optional)', legend)!.required).toBe(false);
  });

  it('keeps a qualifier as the note', () => {
    expect(reading('[Llama 3](https://x) (Sec 1-4, Required)')).toEqual({
      title: 'Llama 3',
      url: 'https://x',
      required: true,
      note: 'Sec 1-4',
    });
    expect(reading('[Spanner](https://x) - Sections 1-3')).toMatchObject({
      note: 'Sections 1-3',
      required: false,
    });
  });

  it('reads readings without a link or with an empty one', () => {
    expect(reading('The Google File System (Required)')).toEqual({
      title: 'The Google File System',
      url: null,
      required: true,
      note: null,
    });
    expect(reading('[MapReduce]()')).toEqual({ title: 'MapReduce', url: null, required: false, note: null });
    expect(reading('Making Things Optional')).toMatchObject({
      title: 'Making Things Optional',
      required: false,
    });
  });

  it('takes a bare web address as the link and drops a list number', () => {
    expect(reading('Attention Is All You Need https://arxiv.org/abs/1706.03762 (Required)')).toEqual({
      title: 'Attention Is All You Need',
      url: 'https://arxiv.org/abs/1706.03762',
      required: true,
      note: null,
    });
    expect(reading('2. [B](https://b)')).toMatchObject({ title: 'B', url: 'https://b' });
  });

  it('keeps parentheses that belong to the title', () => {
    expect(
      reading('[LLM.int8(): 8-bit Matrix Multiplication](https://arxiv.org/abs/2208.07339) (Required)')!
        .title,
    ).toBe('LLM.int8(): 8-bit Matrix Multiplication');
    expect(reading('[Worse](https://en.wikipedia.org/wiki/Worse_(is)_better)')!.url).toBe(
      'https://en.wikipedia.org/wiki/Worse_(is)_better',
    );
  });

  it('sorts a whole cell into title, own times, readings and notes', () => {
    expect(
      readCell(
        '**Final Poster Presentations**<br>TBD<br>(10:30AM - 12PM)<br>[Template](/Resources/poster.pptx)',
        plain,
      ),
    ).toEqual({
      titles: ['Final Poster Presentations'],
      readings: [],
      notes: ['TBD', '[Template](/Resources/poster.pptx)'],
      times: [{ start: '10:30', end: '12:00' }],
    });
  });

  it('keeps HTML, deadlines and "Note:" lines as notes', () => {
    expect(readItem('<script>alert(1)</script>', plain)).toEqual([
      { kind: 'note', text: '<script>alert(1)</script>' },
    ]);
    expect(readItem('Proposal due', plain)).toEqual([{ kind: 'note', text: 'Proposal due' }]);
    expect(readItem('Note: bring a laptop', plain)).toEqual([{ kind: 'note', text: 'bring a laptop' }]);
  });
});
