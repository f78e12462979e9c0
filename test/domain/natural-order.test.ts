// Names in lists read in natural order: Group 2 before Group 10.
import { describe, expect, it } from 'vitest';
import { byName, compareNames } from '../../src/domain/natural-order.js';

describe('natural order of names', () => {
  it('puts Group 2 before Group 10 and Group 10 before Group 11', () => {
    const names = ['Group 10', 'Group 2', 'Group 11', 'Group 1', 'group 3'];
    expect(byName(names.map((name) => ({ name }))).map((g) => g.name)).toEqual([
      'Group 1',
      'Group 2',
      'group 3',
      'Group 10',
      'Group 11',
    ]);
  });

  it('is a total order: names equal but for case still compare apart, and the list is not changed', () => {
    expect(compareNames('alpha', 'Alpha')).not.toBe(0);
    const list = [{ name: 'B' }, { name: 'A' }];
    byName(list);
    expect(list.map((g) => g.name)).toEqual(['B', 'A']);
  });
});
