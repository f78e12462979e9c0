// Test factory: the demo course's five grade categories and a group's items, with records built by name.

import { parseDecimal, type Ratio } from '../../src/domain/exact.js';
import { NO_RECORD, type GradeCategory, type GradeItem, type ItemRecord } from '../../src/domain/grading.js';

export const dec = (text: string): Ratio => {
  const r = parseDecimal(text);
  if (!r) throw new Error(`not a decimal: ${text}`);
  return r;
};

/** Participation 10, Paper Presentation & Discussion 15, Paper Summary 15, Project Report 40, Project Presentations 20. */
export const DEMO_CATEGORIES: GradeCategory[] = [
  { key: 'participation', name: 'Participation', weight: dec('10'), dropLowest: 0 },
  {
    key: 'paper-presentation-discussion',
    name: 'Paper Presentation & Discussion',
    weight: dec('15'),
    dropLowest: 0,
  },
  { key: 'paper-summary', name: 'Paper Summary', weight: dec('15'), dropLowest: 0 },
  { key: 'project-report', name: 'Project Report', weight: dec('40'), dropLowest: 0 },
  { key: 'project-presentations', name: 'Project Presentations', weight: dec('20'), dropLowest: 0 },
];

export function item(over: Partial<GradeItem> & Pick<GradeItem, 'id' | 'categoryKey'>): GradeItem {
  return { title: over.id, pointsPossible: dec('100'), dueAt: null, handIn: true, released: true, ...over };
}

export function record(over: Partial<ItemRecord> = {}): ItemRecord {
  return { ...NO_RECORD, ...over };
}

export const scored = (points: string, over: Partial<ItemRecord> = {}): ItemRecord =>
  record({ points: dec(points), handedIn: true, ...over });
