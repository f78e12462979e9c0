// The staff screens' calls to the work API (deliverable settings, extensions, version history, reviews, counted version) and their shapes.
import { call } from '../../../auth/client.js';
import type { Receipt } from '../work-client.js';
import type { DueRule, LateRule } from './rule-words.js';
import { noteServerTime } from '../../../components/server-now.js';
import type { Decision, ExtensionList, OwnerHandIns } from '../../../../../src/contracts/staff-work.js';

export type { DueRule, LateRule } from './rule-words.js';
export type {
  Decision,
  ExtensionList,
  OccasionView,
  OwnerHandIns,
  SlotView,
  VersionView,
} from '../../../../../src/contracts/staff-work.js';

/** A deliverable as GET /deliverables presents it (policy as data). */
export interface DeliverableSettingsView {
  key: string;
  kind: string;
  title: string;
  audience: 'individual' | 'group';
  holder: string;
  due: string;
  dueRule: DueRule;
  lateRule: LateRule;
  graceMinutes: number;
  allowance: number;
  perMeeting: boolean;
  perReading: boolean;
  meetingDates: string[];
  fileTypes: string[];
  maxBytes: number | null;
  maxPages: number | null;
  textAllowed: boolean;
  maxTextChars: number | null;
  needsApproval: boolean;
  notes: string[];
  closeAfterHours: number | null;
  closed: boolean;
}

export interface DeliverablePatch {
  title?: string;
  dueRule?: DueRule;
  lateRule?: LateRule;
  graceMinutes?: number;
  allowance?: number;
  maxTextChars?: number | null;
  maxBytes?: number;
  closeAfterHours?: number | null;
  notes?: string[];
  closed?: boolean;
}

export interface StatusCell {
  occasion: string | null;
  state: 'done' | 'late' | 'zero' | 'missing' | 'open';
  receipt: Receipt | null;
  versions: number;
  notHeld?: boolean;
  review: { decision: string; body: string } | null;
  chosenByStaff?: boolean;
  extension?: { id: string; dueAt: string } | null;
}

export type ExtensionTarget = { kind: 'student'; userId: string } | { kind: 'group'; groupId: string };

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;

export const staffApi = {
  deliverables: (slug: string) =>
    call<{ timeZone: string; deliverables: DeliverableSettingsView[] }>('GET', `${base(slug)}/deliverables`),
  updateDeliverable: (slug: string, key: string, patch: DeliverablePatch) =>
    call<{ deliverable: DeliverableSettingsView }>(
      'PATCH',
      `${base(slug)}/deliverables/${encodeURIComponent(key)}`,
      patch,
    ),
  extensions: (slug: string) =>
    call<ExtensionList>('GET', `${base(slug)}/extensions`).then((x) => {
      noteServerTime(x.now);
      return x;
    }),
  grantExtension: (
    slug: string,
    key: string,
    body: { meetingDate: string | null; target: ExtensionTarget; dueAt: string; reason: string | null },
  ) =>
    call<{ id: string; dueAt: string }>(
      'POST',
      `${base(slug)}/deliverables/${encodeURIComponent(key)}/extensions`,
      body,
    ),
  revokeExtension: (slug: string, id: string) =>
    call<{ id: string }>('DELETE', `${base(slug)}/extensions/${encodeURIComponent(id)}`),
  handIns: (slug: string, key: string, owner: string, meetingDate: string | null) => {
    const q = new URLSearchParams({ owner });
    if (meetingDate) q.set('meetingDate', meetingDate);
    return call<OwnerHandIns>(
      'GET',
      `${base(slug)}/deliverables/${encodeURIComponent(key)}/hand-ins?${q}`,
    ).then((x) => {
      noteServerTime(x.now);
      return x;
    });
  },
  /** A comment, or a decision; a return may carry its resubmission deadline (a week from now when null). */
  review: (
    slug: string,
    submissionId: string,
    decision: Decision,
    body: string,
    resubmitBy: string | null = null,
  ) =>
    call<{ id: string; resubmitBy: string | null }>(
      'POST',
      `${base(slug)}/submissions/${encodeURIComponent(submissionId)}/reviews`,
      decision === 'returned' && resubmitBy ? { decision, body, resubmitBy } : { decision, body },
    ),
  count: (slug: string, submissionId: string) =>
    call<{ submissionId: string }>(
      'POST',
      `${base(slug)}/submissions/${encodeURIComponent(submissionId)}/count`,
    ),
  /** Undo staff's choice of the hand-in this version belongs to: the last version on time counts again. */
  uncount: (slug: string, submissionId: string) =>
    call<{ submissionId: string }>(
      'DELETE',
      `${base(slug)}/submissions/${encodeURIComponent(submissionId)}/count`,
    ),
};

/** Field errors of a failed request: zod issues (path → message) or a domain error's details.field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const e = error as { message?: string; details?: unknown } | null;
  const details = e?.details;
  if (Array.isArray(details)) {
    for (const issue of details as Array<{ path?: string; message?: string }>) {
      const top = (issue.path ?? '').split('.')[0] ?? '';
      if (top && !out[top]) out[top] = issue.message ?? 'Check this value.';
    }
  } else if (
    details &&
    typeof details === 'object' &&
    typeof (details as { field?: unknown }).field === 'string'
  ) {
    const top = ((details as { field: string }).field.split('.')[0] ?? '').trim();
    if (top) out[top] = e?.message ?? 'Check this value.';
  }
  return out;
}
