// Deliverables as data: what is handed in, by whom, under which due, late, allowance and file rules.

export const DELIVERABLE_KINDS = [
  'question',
  'slides',
  'summary',
  'proposal',
  'presentation',
  'report',
  'code',
  'poster',
] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const AUDIENCES = ['individual', 'group'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * Who must hand it in: every enrolled student, the presenting group of the meeting,
 * the summarizing group of the meeting, every group, or the groups staff put on the
 * meeting's talk slots (the mid-semester presentations; see talk-slots.ts).
 */
export const HOLDERS = ['everyone', 'presenter', 'summarizer', 'group', 'slot'] as const;
export type Holder = (typeof HOLDERS)[number];

/**
 * What happens to work handed in after the effective due instant:
 * accept (no mark), flag (kept, marked late for staff), zero (kept, shown, scores zero),
 * reject (refused; nothing is recorded).
 */
export const LATE_RULES = ['accept', 'flag', 'zero', 'reject'] as const;
export type LateRule = (typeof LATE_RULES)[number];

/** File types recognised by content (src/files/sniff.ts). 'md' and 'txt' are UTF-8 text. */
export const FILE_TYPES = ['pdf', 'pptx', 'docx', 'zip', 'md', 'txt'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/**
 * When a deliverable is due.
 * - absolute: a fixed instant (ISO-8601 UTC), e.g. the final report at 18:00 Dec 19 Chicago.
 * - meeting: relative to the start or end of the meeting it belongs to, offset in elapsed
 *   hours (negative = before). `start − 24h` for slides, `end + 24h` for summaries,
 *   `start` (offset 0) for questions. See due.ts for why hours are elapsed, not wall-clock.
 */
export type DueRule =
  { kind: 'absolute'; at: string } | { kind: 'meeting'; anchor: 'start' | 'end'; offsetHours: number };

export interface FileRules {
  /** Largest accepted file in bytes. */
  maxBytes: number;
  /** Accepted types, checked by content. */
  types: FileType[];
  /** Zip archives must hold a README at their root (see src/files/zip.ts for the rule). */
  requireReadmeAtRoot?: boolean;
  /** PDF page limit. */
  maxPages?: number;
  /** What exceeding maxPages does: 'warn' (accepted with a warning) or 'reject'. Default 'warn'. */
  pageLimit?: 'warn' | 'reject';
}

export interface Deliverable {
  /** Stable key within the course: "question", "slides", "final-report". */
  key: string;
  kind: DeliverableKind;
  title: string;
  audience: Audience;
  holder: Holder;
  dueRule: DueRule;
  lateRule: LateRule;
  /** Minutes after the due instant still counted on time (absorbs slow uploads). */
  graceMinutes: number;
  /** Misses allowed without penalty (0 = none). Counted per meeting for per-meeting deliverables. */
  allowance: number;
  /** null when only text is handed in. */
  fileRules: FileRules | null;
  /** Key of the grade component it counts toward, or null. */
  component: string | null;
  /** One hand-in per meeting (questions, slides, summaries) rather than one per course. */
  perMeeting: boolean;
  /** Local dates of the meetings it applies to when perMeeting (empty otherwise). */
  meetingDates: string[];
  /** For questions: one hand-in per presented reading of the meeting. */
  perReading: boolean;
  /** Whether text written in the browser (Markdown) is accepted. */
  textAllowed: boolean;
  /** Longest accepted text in characters, or null when text is not allowed. */
  maxTextChars: number | null;
  /** Markdown the text editor starts from (the summary template), or null. */
  template: string | null;
  /** Hours after the effective due instant at which submissions close entirely; null = never. */
  closeAfterHours: number | null;
  /** Whether staff approve or return the work (the project proposal). */
  needsApproval: boolean;
  /** Things worth saying next to the deliverable ("The presentation is at most 40 minutes."). */
  notes: string[];
}

/** Default per-deliverable upload limit (issue 5: "default 50 MB"). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Default grace: none. The syllabus states exact deadlines and "late reviews will not be
 * counted", so the system does not silently widen them; staff may set a grace per deliverable.
 * The service stamps a submission with the server time at which the request arrived, so a
 * slow upload that started before the deadline is not late.
 */
export const DEFAULT_GRACE_MINUTES = 0;

/** Whether a deliverable accepts a given file type. */
export function acceptsFileType(deliverable: Deliverable, type: FileType): boolean {
  return deliverable.fileRules !== null && deliverable.fileRules.types.includes(type);
}

/** Whether a deliverable applies to the meeting on a given local date. */
export function appliesToMeeting(deliverable: Deliverable, meetingDate: string): boolean {
  return deliverable.perMeeting && deliverable.meetingDates.includes(meetingDate);
}

export type TextBlocker = 'text-not-allowed' | 'empty-text' | 'text-too-long';

/**
 * Why a text hand-in (a question, a Markdown summary) is refused, or null. Length counts
 * characters (Unicode code points) of the trimmed text, so an emoji is one, not two.
 */
export function textBlocker(
  deliverable: Pick<Deliverable, 'textAllowed' | 'maxTextChars'>,
  text: string,
): TextBlocker | null {
  if (!deliverable.textAllowed) return 'text-not-allowed';
  const trimmed = text.trim();
  if (trimmed === '') return 'empty-text';
  if (deliverable.maxTextChars !== null && Array.from(trimmed).length > deliverable.maxTextChars)
    return 'text-too-long';
  return null;
}
