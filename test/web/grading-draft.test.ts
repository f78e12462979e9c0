// The grading queue's score form logic: exact rubric totals, the checks on typed points, drafts compared and kept per owner, and the walking order.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearDraft,
  fromUnits,
  pointsProblem,
  readDraft,
  rubricSum,
  sameDraft,
  toUnits,
  writeDraft,
} from '../../web/src/pages/grades/queue/draft.js';
import { queueOrder, type QueueEntry } from '../../web/src/pages/grades/queue/queue-types.js';

describe('rubric totals and typed points', () => {
  it('adds decimals exactly (no floating-point drift) and ignores blanks', () => {
    expect(rubricSum({ a: '0.1', b: '0.2', c: '' })).toBe('0.3');
    expect(rubricSum({ a: '4', b: '3.5', c: '3', d: '4', e: '2.5' })).toBe('17');
    expect(fromUnits(toUnits('17.25')!)).toBe('17.25');
    expect(toUnits('-1')).toBeNull();
    expect(toUnits('1e3')).toBeNull();
  });

  it('accepts blank (not scored yet) and 0 to the maximum, names what is wrong otherwise', () => {
    expect(pointsProblem('', '4')).toBeNull();
    expect(pointsProblem('4', '4')).toBeNull();
    expect(pointsProblem('4.5', '4')).toBe('Give between 0 and 4 points.');
    expect(pointsProblem('abc', '4')).toBe('Give a number such as 3 or 2.5.');
    expect(pointsProblem('-1', '4')).toBe('Give a number such as 3 or 2.5.');
  });
});

describe('drafts kept in the browser', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
  });

  it('keeps one draft per course, item and owner until cleared', () => {
    const draft = { rubric: { problem: '3' }, points: '', comment: 'Good *start*.' };
    writeDraft('cs', 'item1', 'g:alpha', draft);
    expect(readDraft('cs', 'item1', 'g:beta')).toBeNull();
    expect(readDraft('cs', 'item2', 'g:alpha')).toBeNull();
    expect(readDraft('cs', 'item1', 'g:alpha')).toMatchObject(draft);
    clearDraft('cs', 'item1', 'g:alpha');
    expect(readDraft('cs', 'item1', 'g:alpha')).toBeNull();
  });

  it('reads a damaged draft as none', () => {
    store.set('seminar:grade-draft:cs:item1:u:ada', '{not json');
    expect(readDraft('cs', 'item1', 'u:ada')).toBeNull();
    store.set('seminar:grade-draft:cs:item1:u:ada', JSON.stringify({ rubric: {}, points: 3 }));
    expect(readDraft('cs', 'item1', 'u:ada')).toBeNull();
  });

  it('compares drafts by what was typed, blanks and spaces aside', () => {
    const a = { rubric: { problem: '3 ', solution: '' }, points: '', comment: 'x' };
    expect(sameDraft(a, { rubric: { problem: '3' }, points: ' ', comment: 'x' })).toBe(true);
    expect(sameDraft(a, { rubric: { problem: '2' }, points: '', comment: 'x' })).toBe(false);
    expect(sameDraft(a, { rubric: { problem: '3' }, points: '', comment: 'x ' })).toBe(false);
  });
});

describe('the walking order', () => {
  const entry = (subject: string, over: Partial<QueueEntry>): QueueEntry => ({
    subject,
    name: subject,
    members: [],
    holders: [],
    state: 'ungraded',
    points: null,
    computedPoints: null,
    rubricScores: {},
    comment: '',
    excused: false,
    submissionId: null,
    handIn: null,
    overrides: [],
    participation: null,
    ...over,
  });

  it('puts the ungraded first, then the graded and excused, then those it is not theirs', () => {
    const o = queueOrder([
      entry('u:a', { points: '3', state: 'scored' }),
      entry('u:b', {}),
      entry('u:c', { state: 'before-joined' }),
      entry('u:d', { excused: true, state: 'excused' }),
      entry('u:e', { state: 'missing' }),
    ]);
    expect(o.ungraded.map((e) => e.subject)).toEqual(['u:b', 'u:e']);
    expect(o.graded.map((e) => e.subject)).toEqual(['u:a', 'u:d']);
    expect(o.other.map((e) => e.subject)).toEqual(['u:c']);
  });
});
