// Peer feedback on presentations: who may rate a student-led class and when, the median scores, and how the peer median enters the presentation's grade.

import { DateTime } from 'luxon';
import { endOfLocalDay, toMillis, type Instant } from './due.js';
import { add, cmp, div, HUNDRED, mul, ratio, sub, sum, ZERO, type Ratio } from './exact.js';
import type { Obligation } from './obligations.js';

export interface PeerCriterion {
  key: string;
  title: string;
  description: string;
}

/** The short rubric classmates rate a presentation on, each 1 (poor) to 5 (excellent). */
export const PEER_RUBRIC: readonly PeerCriterion[] = Object.freeze([
  { key: 'content', title: 'Content', description: 'The key ideas, background and critique of the paper.' },
  { key: 'clarity', title: 'Clarity', description: 'Slides and delivery you could follow.' },
  { key: 'timing', title: 'Timing', description: 'Kept to the time limit, with time well spent.' },
  { key: 'questions', title: 'Answering questions', description: 'Questions answered clearly and honestly.' },
]);

export const PEER_SCALE = { min: 1, max: 5 } as const;

/** A comment is Markdown of at most this many characters. */
export const PEER_COMMENT_MAX = 4000;

/** Scores of one rating, criterion key → 1..5. */
export type PeerScores = Record<string, number>;

export interface PeerWindow {
  opensAt: Instant;
  closesAt: Instant;
}

/** The calendar date after `date` ("2024-08-31" → "2024-09-01"). */
function nextLocalDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

/**
 * When classmates may rate a class: from the class's start until the end of the next day in the
 * course's zone (23:59:59.999 local, so a DST change that night moves nothing).
 */
export function peerWindow(classStart: Instant, classDate: string, timeZone: string): PeerWindow {
  return { opensAt: classStart, closesAt: endOfLocalDay(nextLocalDate(classDate), timeZone) };
}

/** Whether the window holds `now`: opensAt ≤ now ≤ closesAt. */
export function isPeerWindowOpen(window: PeerWindow, now: Instant): boolean {
  const at = toMillis(now);
  return toMillis(window.opensAt) <= at && at <= toMillis(window.closesAt);
}

export type PeerRatingBlocker =
  'not-yet-open' | 'closed' | 'presenter' | 'joined-after' | 'not-enrolled' | 'not-student-led';

/**
 * Why this person may not rate (or change their rating of) a class now, or null when they may.
 * `obligation` is the rater's enrollment at the class's start (obligations.ts): a student who joined
 * after the class is not asked, one who had left is not either.
 */
export function peerRatingBlocker(input: {
  studentLed: boolean;
  presenter: boolean;
  obligation: Obligation;
  window: PeerWindow | null;
  now: Instant;
}): PeerRatingBlocker | null {
  if (!input.studentLed || input.window === null) return 'not-student-led';
  if (input.presenter) return 'presenter';
  if (input.obligation === 'before-joined') return 'joined-after';
  if (input.obligation === 'not-member') return 'not-enrolled';
  if (toMillis(input.now) < toMillis(input.window.opensAt)) return 'not-yet-open';
  if (toMillis(input.now) > toMillis(input.window.closesAt)) return 'closed';
  return null;
}

/** Why scores are not a rating of the rubric, or null: every criterion, each a whole number 1–5, nothing else. */
export function peerScoresProblem(scores: Record<string, unknown>): string | null {
  for (const key of Object.keys(scores))
    if (!PEER_RUBRIC.some((c) => c.key === key)) return `The rubric has no criterion "${key.slice(0, 40)}".`;
  for (const c of PEER_RUBRIC) {
    const v = scores[c.key];
    if (v === undefined) return `${c.title}: give a score from ${PEER_SCALE.min} to ${PEER_SCALE.max}.`;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < PEER_SCALE.min || v > PEER_SCALE.max)
      return `${c.title}: give a whole number from ${PEER_SCALE.min} to ${PEER_SCALE.max}.`;
  }
  return null;
}

/** The median of whole numbers, exact (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): Ratio | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return ratio(sorted[mid]!);
  return ratio(sorted[mid - 1]! + sorted[mid]!, 2);
}

export interface PeerSummary {
  count: number;
  /** Criterion key → median score (1–5); null when nobody rated. */
  medians: Record<string, Ratio | null>;
  /** The peer score as a fraction of full marks: the mean of the criteria's medians over 5; null when nobody rated. */
  fraction: Ratio | null;
}

/** The medians of a class's ratings, per criterion, and the peer score they make. */
export function peerSummary(ratings: readonly PeerScores[]): PeerSummary {
  const medians: Record<string, Ratio | null> = {};
  for (const c of PEER_RUBRIC) medians[c.key] = median(ratings.map((r) => r[c.key] ?? PEER_SCALE.min));
  if (ratings.length === 0) return { count: 0, medians, fraction: null };
  const total = sum(PEER_RUBRIC.map((c) => medians[c.key]!));
  return {
    count: ratings.length,
    medians,
    fraction: div(total, ratio(PEER_RUBRIC.length * PEER_SCALE.max)),
  };
}

/** Why a peer weight is unusable, or null: a percent from 0 to 100. */
export function peerWeightProblem(weight: Ratio): string | null {
  if (cmp(weight, ZERO) < 0 || cmp(weight, HUNDRED) > 0)
    return 'The peer weight must lie between 0 and 100 %.';
  return null;
}

/**
 * A presentation's points with the peer median in it: staff's points × (1 − w) + possible × peer × w,
 * w the peer weight in percent. No ratings, or weight 0: staff's points as they are. Peer ratings
 * alone grade the talk only at 100 %; below that, a talk staff have not scored stays ungraded.
 */
export function blendPeerPoints(
  staffPoints: Ratio | null,
  peerFraction: Ratio | null,
  weightPercent: Ratio,
  pointsPossible: Ratio,
): Ratio | null {
  if (peerFraction === null || cmp(weightPercent, ZERO) <= 0) return staffPoints;
  const w = div(weightPercent, HUNDRED);
  const peerPoints = mul(pointsPossible, peerFraction);
  if (cmp(w, ratio(1)) >= 0) return peerPoints;
  if (staffPoints === null) return null;
  return add(mul(staffPoints, sub(ratio(1), w)), mul(peerPoints, w));
}
