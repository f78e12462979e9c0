// Allowances: misses allowed without penalty ("up to 2 absences", "2 missed question days cost nothing").

import { isAfter, toMillis, type Instant } from './due.js';

/** One occasion that can be missed: a question day, a class to attend. */
export interface AllowanceEntry {
  /** The meeting's local date, or another stable key. */
  key: string;
  /** When the occasion is settled: the question deadline, the end of the class. */
  dueAt: Instant;
  /** Handed in on time / attended. */
  done: boolean;
  /** Excused by staff: neither a miss nor a use of the allowance. */
  excused: boolean;
}

export interface AllowanceState {
  allowance: number;
  /** Occasions whose deadline has passed. */
  settled: number;
  /** Misses among them, excused ones left out. */
  missed: number;
  excused: number;
  /** Misses the allowance still absorbs. */
  left: number;
  /** Keys of the misses beyond the allowance, in date order: these cost points. */
  penalized: string[];
  /** Keys of the misses the allowance absorbed, in date order. */
  forgiven: string[];
}

/**
 * The allowance at `now`. Only occasions whose deadline has passed are counted (a question
 * not yet due is not a miss); excused ones don't count. Misses are used up in date order:
 * the first `allowance` misses cost nothing, every later one is penalized.
 */
export function allowanceState(
  allowance: number,
  entries: readonly AllowanceEntry[],
  now: Instant,
): AllowanceState {
  const settled = entries
    .filter((e) => isAfter(now, e.dueAt))
    .sort((a, b) => toMillis(a.dueAt) - toMillis(b.dueAt));
  const misses = settled.filter((e) => !e.done && !e.excused).map((e) => e.key);
  const free = Math.max(0, allowance);
  return {
    allowance: free,
    settled: settled.length,
    missed: misses.length,
    excused: settled.filter((e) => !e.done && e.excused).length,
    left: Math.max(0, free - misses.length),
    penalized: misses.slice(free),
    forgiven: misses.slice(0, free),
  };
}

/** How many more misses cost nothing. */
export function missesLeft(allowance: number, entries: readonly AllowanceEntry[], now: Instant): number {
  return allowanceState(allowance, entries, now).left;
}

/**
 * Whether a question day is done: one question per presented reading, each handed in on time.
 * A day with two presented readings and one question is a missed day.
 */
export function questionDayDone(presentedReadings: number, questionsOnTime: number): boolean {
  return questionsOnTime >= presentedReadings;
}
