// The web client's calls to a student's own grades (what-if, regrade requests) and staff's regrade answers, and the shapes they answer.
import { call } from '../../../auth/client.js';
import type { MyGrades, StaffRegrades, WhatIfResult } from './grade-types.js';

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}/grades`;

export const gradesApi = {
  mine: (slug: string) => call<MyGrades>('GET', `${base(slug)}/mine`),
  whatIf: (slug: string, itemId: string, points: string) =>
    call<WhatIfResult>(
      'GET',
      `${base(slug)}/mine/what-if?itemId=${encodeURIComponent(itemId)}&points=${encodeURIComponent(points)}`,
    ),
  askRegrade: (slug: string, itemId: string, reason: string) =>
    call<{ id: string }>('POST', `${base(slug)}/items/${encodeURIComponent(itemId)}/regrades`, { reason }),
  regrades: (slug: string) => call<StaffRegrades>('GET', `${base(slug)}/regrades`),
  answer: (slug: string, regradeId: string, body: { answer: string; points?: string | null }) =>
    call<{ pointsBefore: string | null; pointsAfter: string | null }>(
      'POST',
      `${base(slug)}/regrades/${encodeURIComponent(regradeId)}/answer`,
      body,
    ),
};
