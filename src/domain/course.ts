// The course model: plain data describing one offering, as read from a syllabus and stored.

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MEETING_KINDS = ['lecture', 'presentations', 'poster', 'no_class', 'buffer'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const TERM_SEASONS = ['Spring', 'Summer', 'Fall', 'Winter'] as const;
export type TermSeason = (typeof TERM_SEASONS)[number];

export interface Link {
  label: string;
  url: string;
}

export interface StaffMember {
  name: string;
  /** Personal page, if the syllabus links the name. */
  url: string | null;
  netId: string | null;
  /** Lower-case role as written: "instructor", "ta", or another title. */
  role: string;
  /** "W 11:00 AM – 12:00 PM"; null when not given. */
  officeHours: string | null;
  /** "3128 Siebel Center", "TBD"; null when not given. */
  officeLocation: string | null;
}

export interface MeetingPattern {
  days: Weekday[];
  /** Local wall-clock "HH:mm" (24 h) in the course's time zone. */
  startTime: string;
  endTime: string;
}

export interface Reading {
  title: string;
  /** null when the syllabus gives no link or an empty one. */
  url: string | null;
  required: boolean;
  /** Qualifier kept from the syllabus, e.g. "Sec 1-4". */
  note: string | null;
}

export interface Meeting {
  /** Local date "YYYY-MM-DD" in the course's time zone. */
  date: string;
  kind: MeetingKind;
  /** Bold title of the row: "Introduction", "No Lecture / Work on Project Proposal". */
  title: string | null;
  /** Own local times "HH:mm" when they differ from the pattern (poster session 10:30–12:00). */
  startTime: string | null;
  endTime: string | null;
  /** Title of the unit the meeting belongs to, or null before the first unit. */
  unit: string | null;
  /** In syllabus order. */
  readings: Reading[];
  /** Whether students present this meeting (a lecture not given by staff). */
  needsPresenters: boolean;
  /** Other lines of the row that are not readings: "TBD", "[Template](/Resources/poster.pptx)". Markdown. */
  notes: string[];
  /** Extra columns kept as data, by header: { Presenter: "", Summary: "" }. Empty cells omitted. */
  extra: Record<string, string>;
}

export interface Unit {
  title: string;
}

export interface GradeComponent {
  /** Stable key derived from the name: "participation", "paper-presentation-discussion". */
  key: string;
  name: string;
  /** Percent of the final grade. */
  weight: number;
}

export interface PolicySection {
  /** Anchor-style slug of the heading. */
  slug: string;
  title: string;
  /** Markdown body as written (sub-headings included). */
  markdown: string;
}

export interface Milestone {
  /** Stable key: "groups", "proposal", "midterm-presentations", "poster", "final-report". */
  key: string;
  title: string;
  /** Deadline instant (ISO-8601 UTC) or null when the milestone is a meeting or undated. */
  dueAt: string | null;
  /** Local dates of the meetings it happens in (mid-semester presentations, poster session). */
  meetingDates: string[];
  /** The sentence of the syllabus it was read from. Markdown. */
  source: string;
}

export interface Term {
  season: TermSeason;
  year: number;
}

export interface CourseModel {
  /** "CS 598" */
  code: string | null;
  /** "Systems for Generative AI" */
  title: string;
  term: Term | null;
  /** IANA zone, e.g. "America/Chicago". */
  timeZone: string;
  location: string | null;
  pattern: MeetingPattern | null;
  staff: StaffMember[];
  /** Q&A forum (Piazza, Ed, …). */
  forum: Link | null;
  staffEmail: string | null;
  /** Markdown. */
  description: string;
  objectives: string[];
  units: Unit[];
  meetings: Meeting[];
  components: GradeComponent[];
  policies: PolicySection[];
  milestones: Milestone[];
  /** Guides and templates linked from the syllabus (GPU access, poster and summary templates). */
  resources: Link[];
  /** Group size limits when the syllabus states them ("groups of 2-3"). */
  groupSize: { min: number; max: number } | null;
}
