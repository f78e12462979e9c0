// The shapes of a student's own grades and of staff's regrade list, as the grades API answers them.

export interface RubricCriterion {
  key: string;
  title: string;
  description: string;
  points: string;
}

import type { ItemState } from '../../../../../src/contracts/grades.js';

/** Occasions settled so far, how many were missed and how many of those count against the student. */
export interface AllowanceTally {
  settled: number;
  excused: number;
  missed: number;
  penalized: number;
  allowance: number;
}

export interface MyItem {
  id: string;
  title: string;
  categoryKey: string;
  pointsPossible: string;
  dueAt: string | null;
  released: boolean;
  state: ItemState;
  points: string | null;
  rubric: RubricCriterion[] | null;
  rubricScores: Record<string, string> | null;
  comment: string;
  /** Sanitized HTML of the staff comment (Markdown). */
  commentHtml: string;
  /** For a released participation item: the record it is computed from. */
  participation?: {
    percent: string | null;
    attendance: AllowanceTally;
    questions: AllowanceTally;
  } | null;
  regradeOpen: boolean;
  regradeUntil: string | null;
}

export interface Regrade {
  id: string;
  itemId: string;
  userId: string;
  reason: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  pointsBefore: string | null;
  pointsAfter: string | null;
}

export interface Category {
  key: string;
  name: string;
  weight: string;
  dropLowest: number;
}

export interface Cutoff {
  letter: string;
  min: string;
}

export interface MyGrades {
  now: string;
  timeZone: string;
  /** Category key → percent ("87.00"), or null when nothing counts in it yet. */
  categories: Record<string, string | null>;
  /** The categories themselves, in syllabus order. */
  categoryList: Category[];
  weightsProblem: string | null;
  cutoffs: Cutoff[];
  regradeDays: number;
  items: MyItem[];
  final: string | null;
  letter: string | null;
  regrades: Regrade[];
}

export interface WhatIfResult {
  itemId: string;
  points: string;
  categories: Record<string, string | null>;
  final: string | null;
  letter: string | null;
}

export interface StaffRegrade extends Regrade {
  studentName: string;
  itemTitle: string;
  pointsPossible: string | null;
  pointsNow: string | null;
}

export interface StaffRegrades {
  now: string;
  timeZone: string;
  regradeDays: number;
  regrades: StaffRegrade[];
}
