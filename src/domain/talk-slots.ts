// Talk slots of presentation days (the mid-semester presentations): spreading groups over the days, and what is wrong with a placement.
import { plural } from '../contracts/words.js';

/** A day that takes talks: a meeting of the deliverable, with its length when the schedule gives one. */
export interface SlotDay {
  meetingId: string;
  /** Local date YYYY-MM-DD. */
  date: string;
  /** Length of the class in minutes, or null when the schedule has no times. */
  minutes: number | null;
}

/** One group's talk: which day, in which order (0-based) within the day. */
export interface TalkSlot {
  groupId: string;
  meetingId: string;
  position: number;
  /** Local start time "HH:MM" when staff set one, else null. */
  startTime: string | null;
  /** Placed by hand: auto-fill keeps it where it is. */
  locked: boolean;
}

/**
 * How many talks fit in a class: its length ÷ the talk length, rounded down. Null (no limit,
 * only balance) when either is unknown — the syllabus gives no length for the mid-semester talks.
 */
export function dayCapacity(meetingMinutes: number | null, talkMinutes: number | null): number | null {
  if (meetingMinutes === null || talkMinutes === null || talkMinutes <= 0 || meetingMinutes <= 0) return null;
  return Math.floor(meetingMinutes / talkMinutes);
}

/**
 * A talk length stated in the deliverable's notes ("Talks are at most 15 minutes."), or null.
 * The syllabus states none for the mid-semester presentations; staff may add one as a note.
 */
export function talkMinutesFromNotes(notes: readonly string[]): number | null {
  for (const note of notes) {
    const match = /at most\W+(\d{1,3})\s*min/i.exec(note);
    if (match?.[1] && Number(match[1]) > 0) return Number(match[1]);
  }
  return null;
}

export interface SpreadInput {
  days: readonly SlotDay[];
  /** Every group of the course, in the order they are dealt (e.g. by name). */
  groupIds: readonly string[];
  /** The current slots; locked ones stay where they are, the others are dealt again. */
  current: readonly TalkSlot[];
  /** Talk length in minutes, or null when there is none (then days are only balanced). */
  talkMinutes: number | null;
}

const DEALT = 1_000_000;

export interface SpreadResult {
  slots: TalkSlot[];
  /** Groups that fit on no day (every day full). */
  unplaced: string[];
}

/**
 * Deals the groups over the days as evenly as possible (days differ by at most one talk when
 * nothing is locked). Hand-placed (locked) talks stay. Other talks already on a day stay there
 * while the day is under its even share, so re-running moves as few groups as it can; every
 * remaining group goes, in the given order, to the day with the fewest talks that still has room
 * (the earlier day on a tie). Deterministic: the same input gives the same slots. Within a day,
 * talks that stay keep their order and the dealt ones follow.
 */
export function spreadGroups(input: SpreadInput): SpreadResult {
  const dayIds = new Set(input.days.map((d) => d.meetingId));
  const known = new Set(input.groupIds);
  const capacity = new Map(input.days.map((d) => [d.meetingId, dayCapacity(d.minutes, input.talkMinutes)]));
  const perDay = new Map<string, TalkSlot[]>(input.days.map((d) => [d.meetingId, []]));
  const roomIn = (meetingId: string) => {
    const cap = capacity.get(meetingId) ?? null;
    return cap === null || perDay.get(meetingId)!.length < cap;
  };
  const usable = input.current
    .filter((s) => dayIds.has(s.meetingId) && known.has(s.groupId))
    .sort((a, b) => a.position - b.position || cmp(a.groupId, b.groupId));
  const placed = new Set<string>();
  for (const slot of usable.filter((s) => s.locked)) {
    if (placed.has(slot.groupId)) continue;
    perDay.get(slot.meetingId)!.push({ ...slot });
    placed.add(slot.groupId);
  }
  // The even share: every day gets `base` talks, `extra` of them one more.
  const base = input.days.length === 0 ? 0 : Math.floor(input.groupIds.length / input.days.length);
  let extra = input.days.length === 0 ? 0 : input.groupIds.length % input.days.length;
  for (const talks of perDay.values()) extra -= Math.max(0, Math.min(talks.length - base, extra));
  for (const slot of usable.filter((s) => !s.locked)) {
    if (placed.has(slot.groupId) || !roomIn(slot.meetingId)) continue;
    const n = perDay.get(slot.meetingId)!.length;
    if (n < base || (n === base && extra > 0)) {
      if (n === base) extra--;
      perDay.get(slot.meetingId)!.push({ ...slot });
      placed.add(slot.groupId);
    }
  }
  const unplaced: string[] = [];
  for (const groupId of input.groupIds) {
    if (placed.has(groupId)) continue;
    let best: SlotDay | null = null;
    for (const day of input.days) {
      if (!roomIn(day.meetingId)) continue;
      if (best === null || perDay.get(day.meetingId)!.length < perDay.get(best.meetingId)!.length) best = day;
    }
    if (!best) {
      unplaced.push(groupId);
      continue;
    }
    // Dealt talks follow the ones that stayed (numbered after every existing position).
    perDay.get(best.meetingId)!.push({
      groupId,
      meetingId: best.meetingId,
      position: DEALT + placed.size,
      startTime: null,
      locked: false,
    });
    placed.add(groupId);
  }
  const slots = input.days.flatMap((d) =>
    perDay
      .get(d.meetingId)!
      .sort((a, b) => a.position - b.position)
      .map((s, position) => ({ ...s, position })),
  );
  return { slots, unplaced };
}

export type SlotProblemCode = 'two-days' | 'over-capacity' | 'unbalanced' | 'unplaced' | 'not-a-talk-day';

export interface SlotProblem {
  code: SlotProblemCode;
  message: string;
  /** The day (meeting id) or group the problem is about. */
  meetingId?: string;
  groupId?: string;
}

export interface CheckInput {
  days: readonly SlotDay[];
  groupIds: readonly string[];
  slots: readonly TalkSlot[];
  talkMinutes: number | null;
  /** Names for messages (group id → name); ids are used when missing. */
  names?: ReadonlyMap<string, string>;
}

/**
 * What is wrong with the slots, each with a sentence staff can act on: a group on two days, a
 * day with more talks than fit (class length ÷ talk length), days differing by more than one talk,
 * a group without a day, a slot on a class that is not a presentation day.
 */
export function slotProblems(input: CheckInput): SlotProblem[] {
  const name = (g: string) => input.names?.get(g) ?? g;
  const problems: SlotProblem[] = [];
  const dayById = new Map(input.days.map((d) => [d.meetingId, d]));
  const daysOf = new Map<string, string[]>();
  for (const slot of input.slots) {
    if (!dayById.has(slot.meetingId)) {
      problems.push({
        code: 'not-a-talk-day',
        groupId: slot.groupId,
        meetingId: slot.meetingId,
        message: `${name(slot.groupId)} is on a class that is not a presentation day.`,
      });
      continue;
    }
    daysOf.set(slot.groupId, [...(daysOf.get(slot.groupId) ?? []), slot.meetingId]);
  }
  for (const [groupId, meetings] of daysOf) {
    if (meetings.length > 1) {
      const dates = meetings.map((m) => dayById.get(m)!.date).join(' and ');
      problems.push({
        code: 'two-days',
        groupId,
        message: `${name(groupId)} presents more than once (${dates}); each group presents once.`,
      });
    }
  }
  const counts = input.days.map((d) => ({
    day: d,
    n: input.slots.filter((s) => s.meetingId === d.meetingId).length,
  }));
  for (const { day, n } of counts) {
    const cap = dayCapacity(day.minutes, input.talkMinutes);
    if (cap !== null && n > cap) {
      problems.push({
        code: 'over-capacity',
        meetingId: day.meetingId,
        message: `${day.date} has ${plural(n, 'talk')} but only ${cap} of ${input.talkMinutes} minutes fit in ${day.minutes} minutes.`,
      });
    }
  }
  if (counts.length > 1) {
    const most = counts.reduce((a, b) => (b.n > a.n ? b : a));
    const least = counts.reduce((a, b) => (b.n < a.n ? b : a));
    if (most.n - least.n > 1) {
      problems.push({
        code: 'unbalanced',
        meetingId: most.day.meetingId,
        message: `${most.day.date} has ${most.n} talks and ${least.day.date} ${least.n}: move a group so the days differ by at most one.`,
      });
    }
  }
  const placed = new Set(input.slots.filter((s) => dayById.has(s.meetingId)).map((s) => s.groupId));
  for (const groupId of input.groupIds) {
    if (!placed.has(groupId))
      problems.push({ code: 'unplaced', groupId, message: `${name(groupId)} has no presentation day yet.` });
  }
  return problems;
}

/** Why a group may not be put on a day, or null: the day is not a presentation day of the deliverable. */
export function placementBlocker(days: readonly SlotDay[], meetingId: string): 'not-a-talk-day' | null {
  return days.some((d) => d.meetingId === meetingId) ? null : 'not-a-talk-day';
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Moves one talk to a day and a place in its order (clamped), renumbering both days; the moved talk is locked. */
export function moveTalk(
  slots: readonly TalkSlot[],
  move: { groupId: string; meetingId: string; position?: number; startTime?: string | null },
): TalkSlot[] {
  const existing = slots.find((s) => s.groupId === move.groupId);
  const rest = slots.filter((s) => s.groupId !== move.groupId);
  const target = rest.filter((s) => s.meetingId === move.meetingId).sort((a, b) => a.position - b.position);
  const at = Math.max(0, Math.min(move.position ?? target.length, target.length));
  const startTime =
    move.startTime !== undefined
      ? move.startTime
      : existing?.meetingId === move.meetingId
        ? existing.startTime
        : null;
  target.splice(at, 0, {
    groupId: move.groupId,
    meetingId: move.meetingId,
    position: at,
    startTime,
    locked: true,
  });
  const others = rest.filter((s) => s.meetingId !== move.meetingId);
  return [...renumber(others), ...target.map((s, position) => ({ ...s, position }))];
}

/** Removes a group's talk and closes the gap in its day. */
export function removeTalk(slots: readonly TalkSlot[], groupId: string): TalkSlot[] {
  return renumber(slots.filter((s) => s.groupId !== groupId));
}

function renumber(slots: readonly TalkSlot[]): TalkSlot[] {
  const byDay = new Map<string, TalkSlot[]>();
  for (const s of slots) byDay.set(s.meetingId, [...(byDay.get(s.meetingId) ?? []), s]);
  return [...byDay.values()].flatMap((day) =>
    day
      .sort((a, b) => a.position - b.position || cmp(a.groupId, b.groupId))
      .map((s, position) => ({ ...s, position })),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Local "HH:MM" (24 h) or null; anything else is refused by callers. */
export function isLocalTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
