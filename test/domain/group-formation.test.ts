// Auto-formation of groups after the deadline: sizes within limits, as even as possible, deterministic per seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSplit, mulberry32, planGroupFormation } from '../../src/domain/group-formation.js';
import type { GroupFormationInput } from '../../src/domain/group-formation.js';

const students = (n: number, prefix = 's') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

function sizesOf(plan: ReturnType<typeof planGroupFormation>): number[] {
  if (!plan.ok) throw new Error(plan.messages.join(' '));
  return plan.newGroups.map((g) => g.memberIds.length).sort((a, b) => b - a);
}

describe('planGroupFormation', () => {
  it('puts 7 remaining students into groups of 3, 2 and 2', () => {
    expect(
      sizesOf(
        planGroupFormation({
          ungroupedStudentIds: students(7),
          existingGroups: [],
          minSize: 2,
          maxSize: 3,
          seed: 1,
        }),
      ),
    ).toEqual([3, 2, 2]);
  });

  it('lets one student left over join a group of 2 to make 3, never forming a group of 1', () => {
    const plan = planGroupFormation({
      ungroupedStudentIds: ['zoe'],
      existingGroups: [
        { id: 'full', memberIds: ['a', 'b', 'c'] },
        { id: 'pair', memberIds: ['d', 'e'] },
      ],
      minSize: 2,
      maxSize: 3,
      seed: 9,
    });
    expect(plan).toMatchObject({
      ok: true,
      newGroups: [],
      joins: [{ groupId: 'pair', studentIds: ['zoe'] }],
    });
  });

  it('fails clearly when one student is left, the minimum is 2 and no group has room', () => {
    const plan = planGroupFormation({
      ungroupedStudentIds: ['zoe'],
      existingGroups: [{ id: 'full', memberIds: ['a', 'b', 'c'] }],
      minSize: 2,
      maxSize: 3,
      seed: 1,
    });
    expect(plan.ok).toBe(false);
    if (!plan.ok)
      expect(plan.messages[0]).toMatch(
        /Student zoe cannot be placed: new groups need 2–3 members and no existing group has room/,
      );
  });

  it('tops up an existing group below the minimum before forming new groups', () => {
    const plan = planGroupFormation({
      ungroupedStudentIds: students(5),
      existingGroups: [{ id: 'solo', memberIds: ['x'] }],
      minSize: 2,
      maxSize: 3,
      seed: 3,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.joins).toHaveLength(1);
    expect(plan.joins[0]!.groupId).toBe('solo');
    expect(plan.newGroups.map((g) => g.memberIds.length)).toEqual([2, 2]);
    expect(plan.notes.join(' ')).toMatch(/below the minimum of 2/);
  });

  it('with sizes 3–4, places 5 students as a new group of 4 plus one joining a group with room', () => {
    const plan = planGroupFormation({
      ungroupedStudentIds: students(5),
      existingGroups: [{ id: 'g1', memberIds: ['a', 'b', 'c'] }],
      minSize: 3,
      maxSize: 4,
      seed: 2,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.newGroups.map((g) => g.memberIds.length)).toEqual([4]);
    expect(plan.joins[0]!.studentIds).toHaveLength(1);
  });

  it('rejects a student listed twice and a student who is already in a group', () => {
    const plan = planGroupFormation({
      ungroupedStudentIds: ['a', 'a', 'b'],
      existingGroups: [{ id: 'g', memberIds: ['b', 'c'] }],
      minSize: 2,
      maxSize: 3,
      seed: 1,
    });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.messages).toHaveLength(2);
  });

  it('gives the same plan for the same seed whatever the input order, and another plan for another seed', () => {
    const base = { existingGroups: [], minSize: 2, maxSize: 3 };
    const a = planGroupFormation({ ...base, ungroupedStudentIds: students(12), seed: 5 });
    const b = planGroupFormation({ ...base, ungroupedStudentIds: students(12).reverse(), seed: 5 });
    const c = planGroupFormation({ ...base, ungroupedStudentIds: students(12), seed: 6 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('mulberry32 repeats its sequence for a seed and stays within [0, 1)', () => {
    const r1 = mulberry32(123);
    const r2 = mulberry32(123);
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(Array.from({ length: 1000 }, () => r2())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

function checkInvariants(input: GroupFormationInput, plan: ReturnType<typeof planGroupFormation>) {
  if (!plan.ok) return;
  const min = Math.max(2, input.minSize);
  const placed = [
    ...plan.newGroups.flatMap((g) => g.memberIds),
    ...plan.joins.flatMap((j) => j.studentIds),
  ].sort();
  expect(placed).toEqual([...input.ungroupedStudentIds].sort());
  const sizes = plan.newGroups.map((g) => g.memberIds.length);
  for (const size of sizes) {
    expect(size).toBeGreaterThanOrEqual(min);
    expect(size).toBeLessThanOrEqual(input.maxSize);
  }
  if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  for (const join of plan.joins) {
    const group = input.existingGroups.find((g) => g.id === join.groupId)!;
    expect(group.memberIds.length + join.studentIds.length).toBeLessThanOrEqual(input.maxSize);
  }
}

describe('planGroupFormation properties', () => {
  it('for 2..40 students with sizes 2–3 and no groups yet: everyone placed once, sizes 2–3, even, as few groups as possible', () => {
    for (let n = 2; n <= 40; n++) {
      const input = { ungroupedStudentIds: students(n), existingGroups: [], minSize: 2, maxSize: 3, seed: n };
      const plan = planGroupFormation(input);
      expect(plan.ok).toBe(true);
      checkInvariants(input, plan);
      if (plan.ok) {
        expect(plan.newGroups).toHaveLength(Math.ceil(n / 3));
        expect(plan.joins).toEqual([]);
      }
    }
  });

  it('for any limits and existing groups: a plan keeps every invariant, and it fails only when no split exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }),
        fc.integer(),
        (n, minSize, extra, existingSizes, seed) => {
          const maxSize = Math.max(2, minSize + extra);
          const existingGroups = existingSizes
            .filter((size) => size <= maxSize)
            .map((size, i) => ({ id: `e${i}`, memberIds: students(size, `e${i}-`) }));
          const input = { ungroupedStudentIds: students(n), existingGroups, minSize, maxSize, seed };
          const plan = planGroupFormation(input);
          checkInvariants(input, plan);
          expect(
            planGroupFormation({ ...input, ungroupedStudentIds: [...input.ungroupedStudentIds].reverse() }),
          ).toEqual(plan);
          if (!plan.ok) {
            const min = Math.max(2, minSize);
            const need = existingGroups.reduce((s, g) => s + Math.max(0, min - g.memberIds.length), 0);
            const left = Math.max(0, n - need);
            const room = existingGroups.reduce((s, g) => s + maxSize - Math.max(g.memberIds.length, min), 0);
            const possible = Array.from({ length: Math.min(left, room) + 1 }, (_, x) =>
              canSplit(left - x, min, maxSize),
            ).some(Boolean);
            expect(possible).toBe(false);
            expect(plan.messages[0]).toMatch(/cannot be placed/);
          }
        },
      ),
      { numRuns: 400, seed: 99 },
    );
  });
});
