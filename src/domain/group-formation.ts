// Plans the auto-formation of groups from the students left without one after the group deadline.
/*
 * Rules, in order:
 *   1. Existing groups below the minimum size are topped up first (a group under the minimum is not valid).
 *   2. The remaining students form new groups, as few as possible (⌈k / max⌉), whose sizes differ by at most
 *      one: 7 students with sizes 2–3 make 3 + 2 + 2.
 *   3. Only when the rest cannot be split within the limits (1 student with minimum 2; 5 students with sizes
 *      3–4) do the fewest possible students join existing groups with room, smallest group first — so one
 *      student left over joins a group of 2 to make 3. A group of 1 is never formed.
 *   4. When even that is impossible the plan fails and says who cannot be placed and why.
 * Students are sorted by id, then shuffled by a seeded PRNG: the same students and seed give the same plan,
 * whatever order they were listed in.
 */

export interface GroupFormationInput {
  ungroupedStudentIds: string[];
  existingGroups: { id: string; memberIds: string[] }[];
  minSize: number;
  maxSize: number;
  seed: number;
}

export interface GroupFormationPlan {
  ok: true;
  /** New groups to create, each with its members (sorted by id). */
  newGroups: { memberIds: string[] }[];
  /** Students joining existing groups (sorted by group id, then student id). */
  joins: { groupId: string; studentIds: string[] }[];
  /** Plain-words remarks: top-ups, joins, groups still below the minimum. */
  notes: string[];
}

export interface GroupFormationFailure {
  ok: false;
  messages: string[];
}

/** mulberry32: a small, fast, seedable PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], rng: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether `count` students split into groups of min..max (zero students split trivially). */
export function canSplit(count: number, minSize: number, maxSize: number): boolean {
  if (count === 0) return true;
  return Math.ceil(count / maxSize) * minSize <= count;
}

/** Sizes of the fewest groups within the limits, differing by at most one (largest first). */
export function splitSizes(count: number, minSize: number, maxSize: number): number[] | null {
  if (!canSplit(count, minSize, maxSize)) return null;
  if (count === 0) return [];
  const groups = Math.ceil(count / maxSize);
  const base = Math.floor(count / groups);
  const bigger = count % groups;
  return Array.from({ length: groups }, (_, i) => base + (i < bigger ? 1 : 0));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function planGroupFormation(input: GroupFormationInput): GroupFormationPlan | GroupFormationFailure {
  const { minSize, maxSize } = input;
  const messages: string[] = [];
  if (!Number.isInteger(minSize) || !Number.isInteger(maxSize) || minSize < 1 || maxSize < minSize) {
    messages.push(`Group sizes must be whole numbers with 1 ≤ minimum ≤ maximum, not ${minSize}–${maxSize}.`);
  }
  if (maxSize < 2) messages.push('Groups of at most 1 member cannot be formed: a group needs at least 2.');
  const seen = new Set<string>();
  for (const id of input.ungroupedStudentIds) {
    if (seen.has(id)) messages.push(`Student ${id} is listed twice.`);
    seen.add(id);
  }
  for (const group of input.existingGroups) {
    if (group.memberIds.length > maxSize) {
      messages.push(
        `Group ${group.id} already has ${plural(group.memberIds.length, 'member')}, more than the maximum of ${maxSize}.`,
      );
    }
    for (const id of group.memberIds) {
      if (seen.has(id)) messages.push(`Student ${id} is listed twice (ungrouped or in two groups).`);
      seen.add(id);
    }
  }
  if (messages.length > 0) return { ok: false, messages };

  // Never a group of 1, whatever the course's minimum says.
  const min = Math.max(minSize, 2);
  const rng = mulberry32(input.seed);
  let pool = shuffle([...input.ungroupedStudentIds].sort(byId), rng);
  const notes: string[] = [];
  const sizes = new Map(input.existingGroups.map((g) => [g.id, g.memberIds.length]));
  const joined = new Map<string, string[]>();
  const join = (groupId: string, studentId: string) => {
    joined.set(groupId, [...(joined.get(groupId) ?? []), studentId]);
    sizes.set(groupId, sizes.get(groupId)! + 1);
  };
  const existing = [...input.existingGroups].sort((a, b) => byId(a.id, b.id));

  // 1. Top up existing groups below the minimum, smallest first.
  const under = existing
    .filter((g) => g.memberIds.length < min)
    .sort((a, b) => a.memberIds.length - b.memberIds.length || byId(a.id, b.id));
  for (const group of under) {
    while (sizes.get(group.id)! < min && pool.length > 0) join(group.id, pool.shift()!);
    const size = sizes.get(group.id)!;
    if (size < min)
      notes.push(
        `Group ${group.id} still has ${plural(size, 'member')}, below the minimum of ${min}: no ungrouped students are left to join it.`,
      );
    else if (joined.has(group.id))
      notes.push(
        `Group ${group.id} was below the minimum of ${min}; ${joined.get(group.id)!.join(', ')} joined it.`,
      );
  }

  // 2–3. Fewest students into existing groups with room so that the rest splits within the limits.
  const room = existing.reduce((sum, g) => sum + Math.max(0, maxSize - sizes.get(g.id)!), 0);
  let toExisting = -1;
  for (let x = 0; x <= Math.min(pool.length, room); x++) {
    if (canSplit(pool.length - x, min, maxSize)) {
      toExisting = x;
      break;
    }
  }
  if (toExisting < 0) {
    const who =
      pool.length === 1
        ? `Student ${pool[0]}`
        : `${plural(pool.length, 'student')} (${[...pool].sort(byId).join(', ')})`;
    return {
      ok: false,
      messages: [
        `${who} cannot be placed: new groups need ${min}–${maxSize} members and ${room === 0 ? 'no existing group has room' : `existing groups have room for only ${plural(room, 'more student')}`}. Allow a different group size or move students by hand.`,
      ],
    };
  }
  for (let i = 0; i < toExisting; i++) {
    const target = existing
      .filter((g) => sizes.get(g.id)! < maxSize)
      .sort((a, b) => sizes.get(a.id)! - sizes.get(b.id)! || byId(a.id, b.id))[0]!;
    join(target.id, pool.shift()!);
  }
  if (toExisting > 0) {
    notes.push(
      `${plural(toExisting, 'student')} joined existing groups with room, since the rest could not otherwise form groups of ${min}–${maxSize}.`,
    );
  }

  const newGroups = splitSizes(pool.length, min, maxSize)!.map((size) => {
    const members = pool.slice(0, size).sort(byId);
    pool = pool.slice(size);
    return { memberIds: members };
  });
  const joins = [...joined]
    .sort(([a], [b]) => byId(a, b))
    .map(([groupId, studentIds]) => ({ groupId, studentIds: [...studentIds].sort(byId) }));
  return { ok: true, newGroups, joins, notes };
}
