// The CSRF token comparison: equal strings only, whatever they hold.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { same } from '../../src/http/plugins/csrf.js';

it('answers equal exactly for equal strings', () => {
  expect(same('abc', 'abc')).toBe(true);
  expect(same('', '')).toBe(true);
  expect(same('abc', 'abd')).toBe(false);
  expect(same('abc', 'ab')).toBe(false);
  expect(same('é', 'e\u0301')).toBe(false);
  fc.assert(fc.property(fc.string(), fc.string(), (a, b) => same(a, b) === (a === b)));
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (a) => same(a, a) && !same(a, a + 'x')));
});
