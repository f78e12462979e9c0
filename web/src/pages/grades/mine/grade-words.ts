// A student's grades in words: each item's state, what the current grade counts so far, and a what-if score typed as points, a percent or a letter.
import type { AllowanceTally, Cutoff, MyGrades, MyItem } from './grade-types.js';

/** "87.00" → "87". Server figures are rounded once, at display, to two decimals; trailing zeros add nothing. */
export function trimPoints(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** "87.00 / 100 points" */
export function pointsOf(item: Pick<MyItem, 'points' | 'pointsPossible'>): string {
  return `${trimPoints(item.points ?? '0')} / ${trimPoints(item.pointsPossible)} points`;
}

/** A short badge for an item's state: always words. */
export function stateBadge(item: MyItem): string {
  switch (item.state) {
    case 'scored':
      return 'Graded';
    case 'late-zero':
      return 'Late: counts 0';
    case 'missing':
      return 'Missing: counts 0';
    case 'excused':
      return 'Excused';
    case 'before-joined':
      return 'Before you joined';
    case 'not-member':
      return 'Not yours';
    case 'ungraded':
      return 'Not graded yet';
    case 'not-due':
      return 'Not due yet';
    default:
      return 'Not released yet';
  }
}

/** Why an item shows no points, or how its points came to be, in a sentence. */
export function stateSentence(item: MyItem, category: string): string | null {
  switch (item.state) {
    case 'late-zero':
      return 'It was handed in after the deadline, and the late rule counts it 0.';
    case 'missing':
      return 'Nothing was handed in by the deadline, so it counts 0.';
    case 'excused':
      return `Staff excused it: it is left out of your ${category} total.`;
    case 'before-joined':
      return `It took place before you joined the course or your group: it is left out of your ${category} total.`;
    case 'not-member':
      return 'It belongs to another group: it is left out of your grades.';
    case 'ungraded':
      return 'It is released but holds no score for you yet: it is left out until it does.';
    case 'not-due':
      return 'Its deadline is still ahead.';
    case 'hidden':
      return 'Its score shows here once staff release it; until then it is left out of your grade.';
    default:
      return null;
  }
}

/** Items still to come from the student's view: not graded, not released, or not due. */
export function notYetGraded(items: readonly MyItem[]): MyItem[] {
  return items.filter((i) => i.state === 'hidden' || i.state === 'ungraded' || i.state === 'not-due');
}

/**
 * What the current grade counts so far: "It counts the released work of 2 of 5 categories (Participation and
 * Paper Summary), 25 % of the course's weight. 14 items are not graded or not released yet and are left out."
 */
export function countsSoFar(data: MyGrades): string {
  const counted = data.categoryList.filter((c) => data.categories[c.key] !== null);
  const open = notYetGraded(data.items).length;
  const rest =
    open === 0
      ? 'Every item of yours is graded.'
      : `${open} ${open === 1 ? 'item is' : 'items are'} not graded or not released yet and ${open === 1 ? 'is' : 'are'} left out.`;
  if (counted.length === 0) return `Nothing released counts yet. ${rest}`;
  const weight = counted.reduce((sum, c) => sum + Number(c.weight), 0);
  const names = listWords(counted.map((c) => c.name));
  const scale =
    counted.length === data.categoryList.length
      ? ''
      : ' Each counted category keeps its weight relative to the others, as if they made up the whole grade.';
  return `It counts your released work in ${counted.length} of ${data.categoryList.length} categories (${names}), ${trimNumber(weight)} % of the course’s weight.${scale} ${rest}`;
}

function trimNumber(n: number): string {
  return trimPoints(n.toFixed(2));
}

/** "A, B and C" */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export type WhatIfScore = { points: string; said: string } | { error: string };

/**
 * A what-if score as a person types it: points ("17.5"), a percent ("85 %") or a letter ("B+", the
 * lowest percent of that letter's band), turned into points out of `possible` (at most four decimals).
 */
export function readWhatIfScore(text: string, possible: string, cutoffs: readonly Cutoff[]): WhatIfScore {
  const typed = text.trim();
  const out = Number(possible);
  const hint = `Give points out of ${trimPoints(possible)}, a percent such as 85 %, or a letter such as ${cutoffs[0]?.letter ?? 'A'}.`;
  if (typed === '') return { error: hint };
  const letter = cutoffs.find((c) => c.letter.toLowerCase() === typed.toLowerCase());
  const percent = /^(\d{1,3}(?:\.\d{1,2})?)\s*%$/.exec(typed);
  let points: number;
  let said: string;
  if (letter) {
    points = (Number(letter.min) * out) / 100;
    said = `${letter.letter} (${trimPoints(letter.min)} %)`;
  } else if (percent) {
    points = (Number(percent[1]) * out) / 100;
    said = `${trimPoints(percent[1]!)} %`;
  } else if (/^\d{1,9}(\.\d{1,4})?$/.test(typed)) {
    points = Number(typed);
    said = `${trimPoints(typed)} / ${trimPoints(possible)} points`;
  } else return { error: hint };
  if (points > out) return { error: `At most ${trimPoints(possible)} points.` };
  return { points: trimPoints(points.toFixed(4)), said };
}

/** "Classes: 1 missed of 12 so far; 2 may be missed without cost, 0 count against you." */
export function tallyWords(what: string, t: AllowanceTally): string {
  const excused = t.excused > 0 ? `, ${t.excused} excused` : '';
  return `${what}: ${t.missed} missed of ${t.settled} so far${excused}; ${t.allowance} may be missed without cost, ${t.penalized} ${t.penalized === 1 ? 'counts' : 'count'} against you.`;
}
