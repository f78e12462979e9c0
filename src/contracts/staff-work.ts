// Response shapes of the staff hand-in views (extensions, one owner's versions): the server builds them (src/services/work/staff-views.ts), the web client reads them.
import type { Audience, LateRule } from '../domain/deliverables.js';

export interface ExtensionView {
  id: string;
  deliverableKey: string;
  deliverableTitle: string;
  meetingDate: string | null;
  target: { kind: 'student' | 'group'; id: string; name: string };
  /**
   * The owner whose hand-ins it governs ("u:<id>" / "g:<id>"), for links to the version history;
   * null for a group's extension of individual work (each member hands in their own).
   */
  owner: string | null;
  regularDueAt: string | null;
  dueAt: string;
  reason: string | null;
  grantedBy: string;
  grantedAt: string;
}

export interface ExtensionList {
  timeZone: string;
  /** The server's time (the grant form suggests and checks new deadlines against it). */
  now: string;
  extensions: ExtensionView[];
  /** Who extensions can be granted to. */
  students: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string; members: string[] }>;
}

export type Decision = 'comment' | 'approved' | 'returned';

export interface VersionView {
  id: string;
  version: number;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
  outcome: 'on-time' | 'late' | 'late-zero';
  lateByMs: number;
  dueAt: string;
  size: number;
  sha256: string;
  files: Array<{ name: string; type: string; size: number; pages: number | null }>;
  /** Text hand-ins (questions, summaries written in the browser). */
  text: string | null;
  warnings: string[];
  /** resubmitBy: a return's resubmission window (a new version handed in until then is on time), else null. */
  reviews: Array<{
    id: string;
    decision: Decision;
    body: string;
    author: string;
    at: string;
    resubmitBy: string | null;
  }>;
  counted: boolean;
}

export interface SlotView {
  slot: string;
  readingIndex: number | null;
  readingTitle: string | null;
  /** Oldest first. */
  versions: VersionView[];
  countedId: string | null;
  chosenByStaff: { by: string; at: string } | null;
}

export interface OccasionView {
  meetingDate: string | null;
  meetingTitle: string | null;
  regularDueAt: string;
  /** After the extension (if any) and grace. */
  effectiveDueAt: string;
  extension: { id: string; dueAt: string; reason: string | null } | null;
  /** 'before-joined' / 'not-member': nothing handed in, and it was not the owner's to hand in. */
  state: 'open' | 'missing' | 'done' | 'late' | 'zero' | 'before-joined' | 'not-member';
  slots: SlotView[];
}

export interface OwnerHandIns {
  timeZone: string;
  /** The server's time. */
  now: string;
  deliverable: {
    key: string;
    /** question, slides, summary, …: a summary of a class takes comments on passages. */
    kind: string;
    title: string;
    audience: Audience;
    needsApproval: boolean;
    perMeeting: boolean;
    lateRule: LateRule;
  };
  owner: { id: string; kind: 'student' | 'group'; name: string; members: string[]; groupId: string | null };
  occasions: OccasionView[];
}
