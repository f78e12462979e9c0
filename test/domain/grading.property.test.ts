// Properties of the grade over many random gradebooks: weights re-normalise, a higher score never lowers the final, drops pick the lowest.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cmp, div, mul, ratio, sum, ZERO, type Ratio } from '../../src/domain/exact.js';
import {
  finalPercent,
  itemsToDrop,
  studentGrade,
  type CategoryResult,
  type GradeCategory,
  type GradeItem,
  type ItemRecord,
} from '../../src/domain/grading.js';
import { item, record } from './grades-factory.js';

const NOW = '2024-12-21T00:00:00Z';
const quarter = (n: number): Ratio => ratio(n, 4);

/** A gradebook: up to 5 categories, each with up to 6 items (quarter points), some excused, some ungraded. */
const gradebook = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 0, max: 60 }),
      dropLowest: fc.integer({ min: 0, max: 2 }),
      items: fc.array(
        fc.record({
          possible: fc.integer({ min: 1, max: 400 }),
          share: fc.integer({ min: 0, max: 100 }),
          kind: fc.constantFrom('scored', 'scored', 'scored', 'excused', 'ungraded', 'missing'),
        }),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((cats) => {
    const categories: GradeCategory[] = cats.map((c, i) => ({
      key: `c${i}`,
      name: `C${i}`,
      weight: ratio(c.weight),
      dropLowest: c.dropLowest,
    }));
    const items: GradeItem[] = [];
    const records = new Map<string, ItemRecord>();
    cats.forEach((c, i) =>
      c.items.forEach((it, j) => {
        const id = `c${i}i${j}`;
        items.push(
          item({
            id,
            categoryKey: `c${i}`,
            pointsPossible: quarter(it.possible),
            dueAt: '2024-12-01T00:00:00Z',
          }),
        );
        const points = div(mul(quarter(it.possible), ratio(it.share)), ratio(100));
        records.set(
          id,
          it.kind === 'scored'
            ? record({ points, handedIn: true })
            : it.kind === 'excused'
              ? record({ excused: true })
              : it.kind === 'ungraded'
                ? record({ handedIn: true })
                : record(),
        );
      }),
    );
    return { categories, items, records };
  });

describe('for any gradebook', () => {
  it('an empty category is left out and the others re-normalise: the final is their weighted mean', () => {
    fc.assert(
      fc.property(gradebook, ({ categories, items, records }) => {
        const g = studentGrade(categories, items, records, NOW, 'staff');
        const present = g.categories.filter((c) => c.percent !== null);
        const weightOf = (key: string) => categories.find((c) => c.key === key)!.weight;
        const weights = sum(present.map((c) => weightOf(c.key)));
        if (cmp(weights, ZERO) === 0) {
          expect(g.percent).toBeNull();
          return;
        }
        const expected = div(sum(present.map((c) => mul(weightOf(c.key), c.percent!))), weights);
        expect(g.percent).toEqual(expected);
        // Removing the empty categories altogether changes nothing.
        const kept = categories.filter((c) => present.some((p) => p.key === c.key));
        expect(finalPercent(kept, g.categories)).toEqual(g.percent);
      }),
      { numRuns: 300 },
    );
  });

  it('with every category at the same percent, the final is that percent whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000 }),
        (weights, empty, p) => {
          const categories = weights.map((w, i) => ({ key: `c${i}`, weight: ratio(w) }));
          const percent = ratio(p, 100);
          const results: CategoryResult[] = categories.map((c, i) => ({
            key: c.key,
            earned: ZERO,
            possible: ZERO,
            percent: empty[i] && i > 0 ? null : percent,
            dropped: [],
          }));
          expect(finalPercent(categories, results)).toEqual(percent);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('raising one score never lowers the final grade', () => {
    fc.assert(
      fc.property(
        gradebook,
        fc.nat(),
        fc.integer({ min: 1, max: 400 }),
        ({ categories, items, records }, pick, raise) => {
          const before = studentGrade(categories, items, records, NOW, 'staff');
          const scoredIds = [...records].filter(([, r]) => r.points !== null).map(([id]) => id);
          if (scoredIds.length === 0 || before.percent === null) return;
          const id = scoredIds[pick % scoredIds.length]!;
          const next = new Map(records);
          next.set(id, { ...records.get(id)!, points: add(records.get(id)!.points!, quarter(raise)) });
          const after = studentGrade(categories, items, next, NOW, 'staff');
          expect(cmp(after.percent!, before.percent)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('dropping by allowance picks the lowest scores when items are worth the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 0, max: 3 }),
        (scores, count) => {
          const items = scores.map((s, i) => ({ id: `i${i}`, earned: quarter(s), possible: ratio(10) }));
          const dropped = itemsToDrop(items, count);
          expect(dropped.length).toBe(Math.min(count, scores.length - 1));
          const keptScores = items.filter((i) => !dropped.includes(i.id)).map((i) => i.earned);
          for (const d of dropped) {
            const e = items.find((i) => i.id === d)!.earned;
            for (const k of keptScores) expect(cmp(e, k)).toBeLessThanOrEqual(0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Every way to drop `k` of the items, in lexicographic order of the dropped indexes. */
function* dropSets(n: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= n - k; i++) for (const rest of dropSets(n, k - 1, i + 1)) yield [i, ...rest];
}

describe('dropping by allowance with items worth different points', () => {
  it('leaves the best category score any choice could leave, and on a tie drops the earliest items', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ possible: fc.integer({ min: 1, max: 80 }), share: fc.integer({ min: 0, max: 100 }) }),
          { minLength: 1, maxLength: 9 },
        ),
        fc.integer({ min: 0, max: 4 }),
        (specs, count) => {
          const items = specs.map((s, i) => ({
            id: `i${i}`,
            possible: quarter(s.possible),
            earned: div(mul(quarter(s.possible), ratio(s.share)), ratio(100)),
          }));
          const k = Math.min(count, items.length - 1);
          // Brute force: the first drop set (in lexicographic order) that leaves the highest score.
          let best: number[] = [];
          let bestValue: Ratio | null = null;
          for (const set of dropSets(items.length, Math.max(0, k))) {
            const kept = items.filter((_, i) => !set.includes(i));
            const value = div(sum(kept.map((i) => i.earned)), sum(kept.map((i) => i.possible)));
            if (bestValue === null || cmp(value, bestValue) > 0) [best, bestValue] = [set, value];
          }
          expect(itemsToDrop(items, count)).toEqual(best.map((i) => items[i]!.id));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers a category of 80 items and 10 drops without trying every combination', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({
      id: `i${i}`,
      possible: ratio(10 + (i % 7)),
      earned: ratio((i * 37) % 11),
    }));
    const dropped = itemsToDrop(items, 10);
    expect(dropped).toHaveLength(10);
    // Dropping any kept item instead of a dropped one never scores higher.
    const score = (out: string[]) => {
      const kept = items.filter((i) => !out.includes(i.id));
      return div(sum(kept.map((i) => i.earned)), sum(kept.map((i) => i.possible)));
    };
    const chosen = score(dropped);
    for (const d of dropped)
      for (const k of items.filter((i) => !dropped.includes(i.id)))
        expect(cmp(score([...dropped.filter((x) => x !== d), k.id]), chosen)).toBeLessThanOrEqual(0);
  });
});
