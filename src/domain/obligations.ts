// Obligations: was something due at an instant owed by this person (or group), given when they were enrolled and in the group.
//
// The one rule every reader asks (dashboards, status grids, allowances, grades): an obligation
// exists only while the person belongs. A student enrolled on Dec 5 never "missed" a November
// question; a student who joins a group in October owes none of the group's September work; a
// student dropped in October and re-added in November owes nothing due in between. Periods are
// half-open: [from, until). Something due exactly at `from` is owed (the person belonged at that
// instant); something due exactly at `until` is not (they had left).

import { localInstant, toMillis, type Instant } from './due.js';

/** One stretch of belonging: an enrollment, or a membership of one group. `until` null = still belongs. */
export interface Period {
  from: Instant;
  until: Instant | null;
}

/**
 * - `owed`: the person belonged when it was due; a hand-in that did not come is a miss.
 * - `before-joined`: due before the person's first period began ("before you joined").
 * - `not-member`: due after a period ended, or in a gap between two (dropped, moved to another group).
 */
export type Obligation = 'owed' | 'before-joined' | 'not-member';

/** When a person belongs: their enrollment periods in the course, and (for group work) their periods in the group. */
export interface PersonPeriods {
  enrollment: readonly Period[];
  /** Periods in the group whose work is asked about; omit for individual work. */
  group?: readonly Period[];
}

function sorted(periods: readonly Period[]): Period[] {
  return [...periods].sort((a, b) => toMillis(a.from) - toMillis(b.from));
}

/** Whether `due` lies inside the period: from ≤ due < until. */
export function periodCovers(period: Period, due: Instant): boolean {
  const at = toMillis(due);
  return toMillis(period.from) <= at && (period.until === null || at < toMillis(period.until));
}

/** Whether something due at `due` falls inside one of the periods, before all of them, or outside (after or between). */
export function obligationWithin(periods: readonly Period[], due: Instant): Obligation {
  const ordered = sorted(periods);
  if (ordered.some((p) => periodCovers(p, due))) return 'owed';
  const first = ordered[0];
  if (first === undefined) return 'not-member';
  return toMillis(due) < toMillis(first.from) ? 'before-joined' : 'not-member';
}

/**
 * Was an item due at `due` this person's to hand in (or attend)? Individual work asks the enrollment
 * periods; group work asks both: the person must be enrolled and in the group at the due instant.
 * "Before joined" wins over "not a member" when the person joined either the course or the group
 * after the due instant for the first time.
 */
export function obligationFor(person: PersonPeriods, due: Instant): Obligation {
  const enrolled = obligationWithin(person.enrollment, due);
  if (enrolled !== 'owed' || person.group === undefined) return enrolled;
  return obligationWithin(person.group, due);
}

/** The boolean half of obligationFor: only an owed item can be missed or cost an allowance. */
export function isOwed(person: PersonPeriods, due: Instant): boolean {
  return obligationFor(person, due) === 'owed';
}

/**
 * A group's obligation for its own work (slides, summary): owed when at least one member owed it;
 * before-joined when every member (and there is one) joined the course or the group afterwards;
 * otherwise not-member. Each member's `group` periods are their periods in this group.
 */
export function groupObligation(members: readonly PersonPeriods[], due: Instant): Obligation {
  const each = members.map((m) => obligationFor({ enrollment: m.enrollment, group: m.group ?? [] }, due));
  if (each.includes('owed')) return 'owed';
  if (each.length > 0 && each.every((o) => o === 'before-joined')) return 'before-joined';
  return 'not-member';
}

/** Keeps the entries (allowance occasions, grid cells, grade items) that were owed, dropping the rest. */
export function owedOnly<T extends { dueAt: Instant }>(person: PersonPeriods, entries: readonly T[]): T[] {
  return entries.filter((e) => isOwed(person, e.dueAt));
}

/** The instant an effective start date (a local date in the course's zone) begins: 00:00 that day. */
export function startOfLocalDate(date: string, timeZone: string): Instant {
  return localInstant(date, '00:00', timeZone);
}

export type PeriodStartBlocker = 'after-end' | 'overlaps-earlier' | 'no-period';

/**
 * Why the latest period may not start at `from`, or null when it may: there must be a period, the
 * new start must lie before the period's end (if it ended), and after the end of the period before
 * it (a re-added student's new start cannot reach back into their earlier enrollment).
 */
export function periodStartBlocker(periods: readonly Period[], from: Instant): PeriodStartBlocker | null {
  const ordered = sorted(periods);
  const latest = ordered.at(-1);
  if (latest === undefined) return 'no-period';
  if (latest.until !== null && toMillis(from) >= toMillis(latest.until)) return 'after-end';
  const previous = ordered.at(-2);
  if (previous !== undefined && (previous.until === null || toMillis(from) < toMillis(previous.until)))
    return 'overlaps-earlier';
  return null;
}
