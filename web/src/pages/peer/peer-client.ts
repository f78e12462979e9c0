// The web client's calls to the peer feedback API and the shapes they answer.
import { call } from '../../auth/client.js';

export interface PeerCriterion {
  key: string;
  title: string;
  description: string;
}

export interface PeerRubric {
  criteria: PeerCriterion[];
  scale: { min: number; max: number };
  commentMax: number;
}

export interface PeerClassWindow {
  date: string;
  title: string | null;
  opensAt: string;
  closesAt: string;
  open: boolean;
}

export type PeerBlocker =
  'not-yet-open' | 'closed' | 'presenter' | 'joined-after' | 'not-enrolled' | 'not-student-led';

export interface PeerSummary {
  count: number;
  medians: Record<string, string | null>;
  percent: string | null;
  /** Sanitized HTML, without who wrote them. */
  comments: string[];
}

interface Base {
  now: string;
  timeZone: string;
  rubric: PeerRubric;
}

export type PeerList = Base &
  (
    | {
        view: 'student';
        classes: Array<PeerClassWindow & { presenter: boolean; blocker: PeerBlocker | null; rated: boolean }>;
      }
    | {
        view: 'staff';
        settings: { counts: boolean; weight: string };
        abilities: { editSettings: boolean };
        classes: Array<PeerClassWindow & { ratings: number }>;
      }
  );

export type PeerClassView = Base & { class: PeerClassWindow } & (
    | {
        view: 'student';
        presenter: boolean;
        blocker: PeerBlocker | null;
        blockerMessage: string | null;
        mine: { scores: Record<string, number>; comment: string; updatedAt: string } | null;
        summary: PeerSummary | null;
      }
    | {
        view: 'staff';
        summary: PeerSummary;
        ratings: Array<{
          rater: { id: string; name: string; email: string };
          scores: Record<string, number>;
          comment: string;
          commentHtml: string;
          updatedAt: string;
        }>;
        notRated: Array<{ id: string; name: string }>;
      }
  );

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;

export const peerApi = {
  list: (slug: string) => call<PeerList>('GET', `${base(slug)}/peer-feedback`),
  class: (slug: string, date: string) =>
    call<PeerClassView>('GET', `${base(slug)}/meetings/${encodeURIComponent(date)}/peer-feedback`),
  rate: (slug: string, date: string, body: { scores: Record<string, number>; comment: string }) =>
    call<PeerClassView>('PUT', `${base(slug)}/meetings/${encodeURIComponent(date)}/peer-feedback`, body),
  settings: (slug: string, body: { counts?: boolean; weight?: string }) =>
    call<{ settings: { counts: boolean; weight: string } }>(
      'PATCH',
      `${base(slug)}/peer-feedback/settings`,
      body,
    ),
};
