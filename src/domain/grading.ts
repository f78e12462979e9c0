// Grades: what one item counts for a student, each category's score, the final percent and letter — exact, rounded only when shown.

import type { ItemState } from '../contracts/grades.js';
import { isAfter, type Instant } from './due.js';
import {
  add,
  cmp,
  div,
  formatFixed,
  HUNDRED,
  isZero,
  mul,
  overCommonDenominator,
  ratio,
  roundHalfUp,
  sub,
  sum,
  ZERO,
  type Ratio,
} from './exact.js';
import type { Obligation } from './obligations.js';

/** A grade category (a syllabus component): its weight in percent of the final grade. */
export interface GradeCategory {
  key: string;
  name: string;
  /** Percent of the final grade. */
  weight: Ratio;
  /** How many of its items count nothing when they help the student most (0 = none). */
  dropLowest: number;
}

/** One scored thing of a category. */
export interface GradeItem {
  id: string;
  categoryKey: string;
  title: string;
  pointsPossible: Ratio;
  /** When it is due; null when it has no deadline (a participation adjustment, a live talk). */
  dueAt: Instant | null;
  /** Whether the student hands something in for it (a summary) or not (a talk scored in class). */
  handIn: boolean;
  released: boolean;
}

/** What is known of one student and one item. */
export interface ItemRecord {
  /** Points given (the group's, or the member's override); null = not graded. */
  points: Ratio | null;
  /** Staff excused it. */
  excused: boolean;
  /** Whether it was this student's to do at its due instant (obligations.ts); only 'owed' counts. */
  obligation: Obligation;
  /** Something was handed in for it. */
  handedIn: boolean;
  /** Handed in after the deadline under a 'zero' late rule ("late reviews will not be counted"). */
  lateZero: boolean;
}

export const NO_RECORD: ItemRecord = Object.freeze({
  points: null,
  excused: false,
  obligation: 'owed',
  handedIn: false,
  lateZero: false,
});

/** An item's state for one student (declared with the grades contract, shared with the web client). */
export type { ItemState };

/** Whose view: staff see every score; a student's grade counts released items only. */
export type GradeView = 'staff' | 'student';

/** What an item is for a student at `now`, in the given view. */
export function itemState(item: GradeItem, record: ItemRecord, now: Instant, view: GradeView): ItemState {
  if (record.obligation === 'before-joined') return 'before-joined';
  if (record.obligation === 'not-member') return 'not-member';
  if (record.excused) return 'excused';
  if (view === 'student' && !item.released) return 'hidden';
  if (record.lateZero) return 'late-zero';
  if (record.points !== null) return 'scored';
  if (!item.handIn || record.handedIn) return 'ungraded';
  if (item.dueAt !== null && isAfter(now, item.dueAt)) return 'missing';
  return 'not-due';
}

/** The points an item counts for, or null when it is left out of its category. */
export function countedPoints(state: ItemState, record: ItemRecord): Ratio | null {
  if (state === 'scored') return record.points;
  if (state === 'late-zero' || state === 'missing') return ZERO;
  return null;
}

export interface CountedItem {
  id: string;
  earned: Ratio;
  possible: Ratio;
}

export interface CategoryResult {
  key: string;
  earned: Ratio;
  possible: Ratio;
  /** earned / possible × 100, or null when nothing counts yet (the category is empty). */
  percent: Ratio | null;
  /** Items dropped by the category's drop rule. */
  dropped: string[];
}

/**
 * Which items a category drops: the `count` items whose removal leaves the highest category score
 * (points earned over points possible), never all of them. With equal points possible these are the
 * lowest scores. Choosing by the result, not by each item's percent, keeps the rule monotone: a higher
 * score never lowers the category. Ties drop the earlier items (in item order).
 *
 * Found exactly by Dinkelbach's iteration on integers over the category's common denominator: for a
 * candidate score q, keeping the items of largest earned − q × possible gives a better kept set unless
 * q is already the best, so a few rounds (not one per combination) reach the optimum.
 */
export function itemsToDrop(items: readonly CountedItem[], count: number): string[] {
  const k = Math.min(Math.max(0, count), items.length - 1);
  if (k <= 0) return [];
  if (items.some((i) => i.possible.n <= 0n)) return lowestPercents(items, k).map((i) => items[i]!.id);
  // Earned and possible as integers over one denominator (a common scale changes no score).
  const values: Ratio[] = [];
  for (const i of items) values.push(i.earned, i.possible);
  const { n } = overCommonDenominator(values);
  const e: bigint[] = [];
  const p: bigint[] = [];
  let small = items.length <= 256;
  for (let i = 0; i < n.length; i += 2) {
    e.push(n[i]!);
    p.push(n[i + 1]!);
    small &&= n[i]! <= SMALL && n[i]! >= -SMALL && n[i + 1]! <= SMALL;
  }
  // Small integers (every gradebook in practice) run as doubles, exact below 2^53; others as bigints.
  const dropped = small ? bestDrop(e.map(Number), p.map(Number), k, NUMBER) : bestDrop(e, p, k, BIGINT);
  return dropped.map((i) => items[i]!.id);
}

/** |x| ≤ 2^21 with at most 256 items keeps sums below 2^29 and every product below 2^53. */
const SMALL = 2n ** 21n;

interface Arith<T> {
  zero: T;
  add(x: T, y: T): T;
  sub(x: T, y: T): T;
  mul(x: T, y: T): T;
}
const NUMBER: Arith<number> = {
  zero: 0,
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
};
const BIGINT: Arith<bigint> = {
  zero: 0n,
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
};

/** Smallest first; equal values by index, so ties drop the earlier item. */
function ascending<T extends number | bigint>(values: readonly T[]): (x: number, y: number) => number {
  return (x, y) => (values[x]! < values[y]! ? -1 : values[x]! > values[y]! ? 1 : x - y);
}

/** Dinkelbach's iteration on integer earned `e` and possible `p` (all p > 0): the k indexes to drop, in order. */
function bestDrop<T extends number | bigint>(e: T[], p: T[], k: number, ar: Arith<T>): number[] {
  const count = e.length;
  const indexes = e.map((_, i) => i);
  // Start from dropping the lowest percents: e_i / p_i ordered by e_i × p_j against e_j × p_i.
  let dropped = [...indexes]
    .sort((x, y) => {
      const l = ar.mul(e[x]!, p[y]!);
      const r = ar.mul(e[y]!, p[x]!);
      return l < r ? -1 : l > r ? 1 : x - y;
    })
    .slice(0, k);
  for (;;) {
    const out = new Set(dropped);
    // The kept set's score as a fraction a / b (b > 0).
    let a = ar.zero;
    let b = ar.zero;
    for (let i = 0; i < count; i++)
      if (!out.has(i)) {
        a = ar.add(a, e[i]!);
        b = ar.add(b, p[i]!);
      }
    // Drop the k smallest of e − (a / b) p, scaled by b.
    const w = e.map((ei, i) => ar.sub(ar.mul(ei, b), ar.mul(a, p[i]!)));
    const next = [...indexes]
      .sort(ascending(w))
      .slice(0, k)
      .sort((x, y) => x - y);
    const drop = new Set(next);
    let keptGain = ar.zero;
    for (let i = 0; i < count; i++) if (!drop.has(i)) keptGain = ar.add(keptGain, w[i]!);
    // keptGain ≥ 0 (the current kept set scores 0 on w); 0 means no kept set scores more than a / b.
    if (keptGain === ar.zero) return next;
    dropped = next;
  }
}

/** The k lowest by percent (ties by order), as indexes in item order: for items worth nothing, where no score is defined. */
function lowestPercents(items: readonly CountedItem[], k: number): number[] {
  const pct = (i: CountedItem) => (isZero(i.possible) ? HUNDRED : div(i.earned, i.possible));
  return items
    .map((item, index) => ({ index, p: pct(item) }))
    .sort((a, b) => cmp(a.p, b.p) || a.index - b.index)
    .slice(0, k)
    .map((x) => x.index)
    .sort((a, b) => a - b);
}

/** A category's score from its counted items: points earned over points possible, after drops. */
export function categoryScore(
  key: string,
  items: readonly CountedItem[],
  dropLowest: number,
): CategoryResult {
  const dropped = itemsToDrop(items, dropLowest);
  const kept = dropped.length === 0 ? items : items.filter((i) => !dropped.includes(i.id));
  const earned = sum(kept.map((i) => i.earned));
  const possible = sum(kept.map((i) => i.possible));
  return {
    key,
    earned,
    possible,
    percent: isZero(possible) ? null : mul(div(earned, possible), HUNDRED),
    dropped,
  };
}

/**
 * The final percent: each category's percent times its weight, over the weights of the categories
 * that hold something. An empty category (nothing graded or due yet, all excused) is left out and
 * the other weights re-normalise, so a current grade is the grade on the work counted so far.
 * Null when no category holds anything (or the non-empty ones weigh nothing).
 */
export function finalPercent(
  categories: readonly Pick<GradeCategory, 'key' | 'weight'>[],
  results: readonly CategoryResult[],
): Ratio | null {
  let weighted = ZERO;
  let weights = ZERO;
  for (const c of categories) {
    const r = results.find((x) => x.key === c.key);
    if (!r || r.percent === null) continue;
    weighted = add(weighted, mul(c.weight, r.percent));
    weights = add(weights, c.weight);
  }
  return isZero(weights) ? null : div(weighted, weights);
}

export interface StudentGrade {
  states: Map<string, ItemState>;
  categories: CategoryResult[];
  percent: Ratio | null;
  letter: string | null;
}

/** A student's grade at `now`: every item's state, each category, the final percent and letter. */
export function studentGrade(
  categories: readonly GradeCategory[],
  items: readonly GradeItem[],
  records: ReadonlyMap<string, ItemRecord>,
  now: Instant,
  view: GradeView,
  cutoffs: readonly LetterCutoff[] = DEFAULT_CUTOFFS,
): StudentGrade {
  const states = new Map<string, ItemState>();
  const byCategory = new Map<string, CountedItem[]>();
  for (const item of items) {
    const record = records.get(item.id) ?? NO_RECORD;
    const state = itemState(item, record, now, view);
    states.set(item.id, state);
    const earned = countedPoints(state, record);
    if (earned === null) continue;
    const list = byCategory.get(item.categoryKey) ?? [];
    list.push({ id: item.id, earned, possible: item.pointsPossible });
    byCategory.set(item.categoryKey, list);
  }
  const results = categories.map((c) => categoryScore(c.key, byCategory.get(c.key) ?? [], c.dropLowest));
  const percent = finalPercent(categories, results);
  return {
    states,
    categories: results,
    percent,
    letter: percent === null ? null : letterFor(percent, cutoffs),
  };
}

/** What the grade would be with `points` on one item (the student's what-if), all else as it is. */
export function whatIf(
  categories: readonly GradeCategory[],
  items: readonly GradeItem[],
  records: ReadonlyMap<string, ItemRecord>,
  now: Instant,
  change: { itemId: string; points: Ratio },
  cutoffs: readonly LetterCutoff[] = DEFAULT_CUTOFFS,
): StudentGrade {
  const next = new Map(records);
  const base = records.get(change.itemId) ?? NO_RECORD;
  next.set(change.itemId, {
    ...base,
    points: change.points,
    lateZero: false,
    excused: false,
    obligation: 'owed',
  });
  const shown = items.map((i) => (i.id === change.itemId ? { ...i, released: true } : i));
  return studentGrade(categories, shown, next, now, 'student', cutoffs);
}

/** Group work: the member's own override if staff set one, else the group's score. */
export function memberPoints(groupPoints: Ratio | null, override: Ratio | null): Ratio | null {
  return override ?? groupPoints;
}

/** Why the weights are not a whole grade, or null when they add up to 100 %. */
export function weightsProblem(categories: readonly Pick<GradeCategory, 'weight'>[]): string | null {
  const total = sum(categories.map((c) => c.weight));
  const diff = cmp(total, HUNDRED);
  if (diff === 0) return null;
  const off = diff < 0 ? sub(HUNDRED, total) : sub(total, HUNDRED);
  return `The weights add up to ${trim(total)} %: ${trim(off)} % ${diff < 0 ? 'short of' : 'over'} 100 %.`;
}

function trim(r: Ratio): string {
  return formatFixed(r, 2)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
}

export interface LetterCutoff {
  letter: string;
  /** Lowest percent that earns the letter. */
  min: Ratio;
}

const cut = (letter: string, min: number): LetterCutoff => ({ letter, min: ratio(min) });

/** A ≥ 93, A- ≥ 90, B+ ≥ 87, B ≥ 83, B- ≥ 80, C+ ≥ 77, C ≥ 73, C- ≥ 70, D+ ≥ 67, D ≥ 63, D- ≥ 60, F below. */
export const DEFAULT_CUTOFFS: readonly LetterCutoff[] = Object.freeze([
  cut('A', 93),
  cut('A-', 90),
  cut('B+', 87),
  cut('B', 83),
  cut('B-', 80),
  cut('C+', 77),
  cut('C', 73),
  cut('C-', 70),
  cut('D+', 67),
  cut('D', 63),
  cut('D-', 60),
  cut('F', 0),
]);

/**
 * The letter of a percent. The percent is compared as shown (rounded half up to two decimals), so a
 * student never sees 93.00 next to an A-. Below every cutoff: the last letter.
 */
export function letterFor(percent: Ratio, cutoffs: readonly LetterCutoff[] = DEFAULT_CUTOFFS): string {
  const shown = roundHalfUp(percent, 2);
  for (const c of cutoffs) if (cmp(shown, c.min) >= 0) return c.letter;
  return cutoffs.at(-1)?.letter ?? 'F';
}

/** Why a list of cutoffs is unusable, or null: letters unique and non-empty, minimums strictly falling, the last at 0. */
export function cutoffsProblem(cutoffs: readonly LetterCutoff[]): string | null {
  if (cutoffs.length === 0) return 'Give at least one letter.';
  const seen = new Set<string>();
  for (const [i, c] of cutoffs.entries()) {
    if (c.letter.trim() === '') return 'Every cutoff needs a letter.';
    if (seen.has(c.letter)) return `The letter "${c.letter}" appears twice.`;
    seen.add(c.letter);
    if (cmp(c.min, ZERO) < 0 || cmp(c.min, HUNDRED) > 0)
      return `${c.letter}: the minimum must lie between 0 and 100.`;
    const prev = cutoffs[i - 1];
    if (prev && cmp(c.min, prev.min) >= 0) return `${c.letter} must need less than ${prev.letter}.`;
  }
  if (!isZero(cutoffs.at(-1)!.min)) return `The last letter (${cutoffs.at(-1)!.letter}) must start at 0.`;
  return null;
}
