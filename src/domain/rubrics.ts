// Rubrics: criteria with points and a short description; a rubric score is the sum of its criteria's points.

import { add, cmp, parseDecimal, ZERO, type Ratio } from './exact.js';

export interface RubricCriterion {
  key: string;
  title: string;
  description: string;
  /** Points possible, a decimal ("4", "2.5"). */
  points: string;
}

/** Points given per criterion key, decimals as entered. */
export type RubricScores = Record<string, string>;

/** The points a rubric is out of. */
export function rubricTotal(rubric: readonly RubricCriterion[]): Ratio {
  return rubric.reduce((t, c) => add(t, parseDecimal(c.points) ?? ZERO), ZERO);
}

/** Why rubric scores are not acceptable, or null: known criteria only, each between 0 and its points. */
export function rubricScoresProblem(rubric: readonly RubricCriterion[], scores: RubricScores): string | null {
  for (const [key, value] of Object.entries(scores)) {
    const criterion = rubric.find((c) => c.key === key);
    if (!criterion) return `The rubric has no criterion "${key.slice(0, 40)}".`;
    const given = parseDecimal(value);
    if (given === null) return `${criterion.title}: "${value.slice(0, 20)}" is not a number.`;
    if (cmp(given, ZERO) < 0 || cmp(given, parseDecimal(criterion.points) ?? ZERO) > 0)
      return `${criterion.title}: give between 0 and ${criterion.points} points.`;
  }
  return null;
}

/** The total of rubric scores (criteria not scored count nothing). */
export function rubricPoints(scores: RubricScores): Ratio {
  return Object.values(scores).reduce((t, v) => add(t, parseDecimal(v) ?? ZERO), ZERO);
}

/** Why a rubric is malformed, or null: unique non-empty keys, positive points. */
export function rubricProblem(rubric: readonly RubricCriterion[]): string | null {
  const keys = new Set<string>();
  for (const c of rubric) {
    if (c.key.trim() === '' || c.title.trim() === '') return 'Every criterion needs a key and a title.';
    if (keys.has(c.key)) return `The criterion "${c.key.slice(0, 40)}" appears twice.`;
    keys.add(c.key);
    const p = parseDecimal(c.points);
    if (p === null || cmp(p, ZERO) <= 0) return `${c.title.slice(0, 40)}: points must be a positive number.`;
  }
  return null;
}

const criterion = (key: string, title: string, description: string, points: string): RubricCriterion => ({
  key,
  title,
  description,
  points,
});

/** The syllabus's summary questions, 4 points each. */
export const SUMMARY_RUBRIC: readonly RubricCriterion[] = Object.freeze([
  criterion(
    'problem',
    'Problem',
    'What is the problem addressed in the lecture, and why is it important?',
    '4',
  ),
  criterion('related-work', 'Related work', 'What is the state of related works in this topic?', '4'),
  criterion(
    'solution',
    'Solution and insight',
    'What is the proposed solution, and what key insight guides it?',
    '4',
  ),
  criterion(
    'limitations',
    'Limitations',
    'What is one (or more) drawback or limitation of the proposal?',
    '4',
  ),
  criterion('future', 'Future research', 'What are potential directions for future research?', '4'),
]);

/** The presentation: what the syllabus asks of a student lecture and its panel. */
export const PRESENTATION_RUBRIC: readonly RubricCriterion[] = Object.freeze([
  criterion(
    'content',
    'Content',
    'Background, key idea, technical details, related work, strengths and weaknesses.',
    '40',
  ),
  criterion(
    'clarity',
    'Clarity',
    'Slides and delivery a classmate can follow without reading the paper.',
    '20',
  ),
  criterion('time', 'Time limit', 'At most 40 minutes without interruption.', '10'),
  criterion('questions', 'Answering questions', 'Questions and interruptions answered well.', '15'),
  criterion('panel', 'Panel', 'Defends the paper in the panel discussion, as its authors would.', '15'),
]);
