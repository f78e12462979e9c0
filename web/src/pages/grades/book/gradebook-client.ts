// The web client's calls to the staff gradebook API and the shape it answers (src/services/grades/views.ts).
import type { ItemState } from '../../../../../src/contracts/grades.js';
import { call } from '../../../auth/client.js';
import type { Criterion } from '../queue/queue-types.js';

export type { Criterion };

export interface GradeCell {
  points: string | null;
  state: ItemState;
  overridden: boolean;
}

export interface BookCategory {
  key: string;
  name: string;
  weight: string;
  dropLowest: number;
}

export interface BookCutoff {
  letter: string;
  min: string;
}

export interface BookItem {
  id: string;
  key: string;
  categoryKey: string;
  title: string;
  pointsPossible: string;
  audience: 'individual' | 'group';
  dueAt: string | null;
  released: boolean;
  releasedAt: string | null;
  source: string;
  rubric: Criterion[] | null;
}

export interface BookStudent {
  id: string;
  name: string;
  email: string;
  group: { id: string; name: string } | null;
  cells: Record<string, GradeCell>;
  /** Category key → percent as shown ("87.50"), null when nothing counts yet. */
  categories: Record<string, string | null>;
  final: string | null;
  letter: string;
}

export interface Gradebook {
  now: string;
  timeZone: string;
  categories: BookCategory[];
  weightsProblem: string | null;
  cutoffs: BookCutoff[];
  items: BookItem[];
  groups: Array<{ id: string; name: string }>;
  students: BookStudent[];
}

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}/grades`;

export const gradebookApi = {
  load: (slug: string) => call<Gradebook>('GET', base(slug)),
  category: (slug: string, key: string, body: { weight: string }) =>
    call<{ ok: true }>('PATCH', `${base(slug)}/categories/${encodeURIComponent(key)}`, body),
  cutoffs: (slug: string, cutoffs: BookCutoff[]) =>
    call<{ ok: true }>('PATCH', `${base(slug)}/settings`, { cutoffs }),
  addItem: (
    slug: string,
    body: { categoryKey: string; title: string; pointsPossible: string; dueAt: string | null },
  ) => call<{ id: string }>('POST', `${base(slug)}/items`, body),
  editItem: (slug: string, itemId: string, body: { pointsPossible: string; rubric: Criterion[] | null }) =>
    call<{ ok: true }>('PATCH', `${base(slug)}/items/${encodeURIComponent(itemId)}`, body),
  removeItem: (slug: string, itemId: string) =>
    call<{ ok: true }>('DELETE', `${base(slug)}/items/${encodeURIComponent(itemId)}`),
  exportUrl: (slug: string, format: 'canvas' | 'csv') => `${base(slug)}/export?format=${format}`,
};
