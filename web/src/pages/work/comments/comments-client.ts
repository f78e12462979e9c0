// The web client's calls to the summary comments API and the shapes they answer.
import { call } from '../../../auth/client.js';
import type { QuoteSelector } from '../../../../../src/domain/quote-anchor.js';

export interface CommentAuthor {
  id: string;
  name: string;
  staff: boolean;
}

export interface CommentReply {
  id: string;
  author: CommentAuthor;
  body: string;
  bodyHtml: string;
  createdAt: string;
}

export interface CommentThread {
  id: string;
  author: CommentAuthor;
  body: string;
  bodyHtml: string;
  createdAt: string;
  writtenOnVersion: number;
  /** The passage as it was when the comment was written. */
  quote: QuoteSelector;
  state: 'anchored' | 'outdated';
  /** The passage found again in the latest version, or null when outdated. */
  anchor: QuoteSelector | null;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: string | null;
  replies: CommentReply[];
}

export interface SummaryComments {
  now: string;
  timeZone: string;
  handIn: {
    deliverableKey: string;
    meetingDate: string;
    owner: string;
    ownerName: string;
    headline: string;
    latest: { submissionId: string; version: number; submittedAt: string; html: string } | null;
  };
  threads: CommentThread[];
  abilities: { comment: boolean; staff: boolean };
}

export interface SummaryRef {
  slug: string;
  deliverableKey: string;
  date: string;
  /** "g:<group id>" for staff; left out by the group (its own). */
  owner?: string | undefined;
}

const base = (r: SummaryRef) =>
  `/api/courses/${encodeURIComponent(r.slug)}/deliverables/${encodeURIComponent(r.deliverableKey)}/meetings/${encodeURIComponent(r.date)}/comments`;
const thread = (slug: string, id: string) =>
  `/api/courses/${encodeURIComponent(slug)}/comments/${encodeURIComponent(id)}`;

export const commentsApi = {
  load: (r: SummaryRef) =>
    call<SummaryComments>('GET', r.owner ? `${base(r)}?owner=${encodeURIComponent(r.owner)}` : base(r)),
  comment: (r: SummaryRef, input: { version: number; quote: QuoteSelector; body: string }) =>
    call<SummaryComments>('POST', base(r), r.owner ? { ...input, owner: r.owner } : input),
  reply: (slug: string, threadId: string, body: string) =>
    call<SummaryComments>('POST', `${thread(slug, threadId)}/replies`, { body }),
  resolve: (slug: string, threadId: string, resolved: boolean) =>
    call<SummaryComments>('PATCH', thread(slug, threadId), { resolved }),
};

/** The page where the group (and staff) read a summary with its comments. */
export function summaryCommentsUrl(
  slug: string,
  deliverableKey: string,
  date: string,
  owner?: string,
): string {
  const q = new URLSearchParams({ key: deliverableKey, date });
  if (owner) q.set('owner', owner);
  return `/courses/${encodeURIComponent(slug)}/summary?${q.toString()}`;
}
