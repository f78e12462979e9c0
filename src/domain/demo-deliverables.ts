// The demo course's deliverables, derived from its course model (syllabus policies and milestones).

import { plural } from '../contracts/words.js';
import type { CourseModel, Meeting, Reading } from './course.js';
import { DEFAULT_GRACE_MINUTES, DEFAULT_MAX_BYTES, type Deliverable } from './deliverables.js';
import { meetingInterval } from './due.js';

/** "Up to 2 absences": question days that may be missed without penalty. */
export const QUESTION_ALLOWANCE = 2;
/** Longest question accepted, in characters. */
export const MAX_QUESTION_CHARS = 1_000;
/** Longest summary written in the browser, in characters (2–3 pages is ~10 000). */
export const MAX_SUMMARY_CHARS = 50_000;
/** Code archives hold "ALL dependencies", so they get more room than the 50 MB default. */
export const MAX_CODE_BYTES = 200 * 1024 * 1024;

/** The questions of the syllabus's "Lecture Summaries" policy. */
export const SUMMARY_QUESTIONS: readonly string[] = [
  'What is the problem addressed in the lecture, and why is this problem important?',
  'What is the state of related works in this topic?',
  'What is the proposed solution, and what key insight guides their solution?',
  'What is one (or more) drawback or limitation of the proposal?',
  'What are potential directions for future research?',
];

/** The Markdown a summary starts from: one section per template question. */
export function summaryTemplate(questions: readonly string[]): string {
  const sections = questions.map((q) => `## ${q}\n\n`).join('');
  return `# Summary: <lecture title>\n\n_Group: <members>_\n\n${sections}## Key observations from the class discussion\n\n`;
}

/** The summary template of the demo course (the five questions). */
export const SUMMARY_TEMPLATE: string = summaryTemplate(SUMMARY_QUESTIONS);

/**
 * The readings students present and ask questions about: the required readings of a lecture
 * that students present. Staff lectures and no-class days have none.
 */
export function presentedReadings<R extends Reading>(
  meeting: Pick<Meeting, 'kind' | 'needsPresenters'> & { readings: readonly R[] },
): R[] {
  if (meeting.kind !== 'lecture' || !meeting.needsPresenters) return [];
  return meeting.readings.filter((r) => r.required);
}

/** Template questions read from the "Lecture Summaries" policy: its bullet items ending in "?". */
export function summaryQuestionsFrom(course: Pick<CourseModel, 'policies'>): string[] {
  const policy = course.policies.find((p) => /summar/i.test(p.slug) || /summar/i.test(p.title));
  if (!policy) return [];
  return policy.markdown
    .split('\n')
    .map((line) => /^\s*[*+-]\s+(.+\?)\s*$/.exec(line)?.[1]?.trim() ?? null)
    .filter((q): q is string => q !== null);
}

/** The presentation length limit stated in the policies ("at most 40 minutes"), or null. */
export function presentationMinutesFrom(course: Pick<CourseModel, 'policies'>): number | null {
  for (const policy of course.policies) {
    const match = /at most\W+(\d+)\s*min/i.exec(policy.markdown);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

function componentKey(course: CourseModel, test: (text: string) => boolean): string | null {
  return course.components.find((c) => test(`${c.key} ${c.name}`.toLowerCase()))?.key ?? null;
}

function milestone(course: CourseModel, key: string) {
  return course.milestones.find((m) => m.key === key) ?? null;
}

function base(
  over: Partial<Deliverable> &
    Pick<Deliverable, 'key' | 'kind' | 'title' | 'audience' | 'holder' | 'dueRule'>,
): Deliverable {
  return {
    lateRule: 'flag',
    graceMinutes: DEFAULT_GRACE_MINUTES,
    allowance: 0,
    fileRules: null,
    component: null,
    perMeeting: false,
    meetingDates: [],
    perReading: false,
    textAllowed: false,
    maxTextChars: null,
    template: null,
    closeAfterHours: null,
    needsApproval: false,
    notes: [],
    ...over,
  };
}

/**
 * The demo course's deliverables from its model. Project deliverables whose milestone has no
 * date (or no meeting) in the model are left out rather than invented.
 */
export function deliverablesForCourse(course: CourseModel): Deliverable[] {
  const presented = course.meetings.filter((m) => presentedReadings(m).length > 0).map((m) => m.date);
  const studentLectures = course.meetings
    .filter((m) => m.kind === 'lecture' && m.needsPresenters)
    .map((m) => m.date);
  const participation = componentKey(course, (t) => t.includes('particip'));
  const presentation = componentKey(course, (t) => t.includes('presentation') && !t.includes('project'));
  const summary = componentKey(course, (t) => t.includes('summar'));
  const report = componentKey(course, (t) => t.includes('report'));
  const projectTalks = componentKey(course, (t) => t.includes('project') && t.includes('presentation'));
  const minutes = presentationMinutesFrom(course);
  const questions = summaryQuestionsFrom(course);
  const slideFiles = { maxBytes: DEFAULT_MAX_BYTES, types: ['pptx' as const, 'pdf' as const] };

  const list: Deliverable[] = [
    base({
      key: 'question',
      kind: 'question',
      title: 'Question',
      audience: 'individual',
      holder: 'everyone',
      dueRule: { kind: 'meeting', anchor: 'start', offsetHours: 0 },
      // After class starts a question can no longer be handed in; the day is a miss.
      lateRule: 'reject',
      allowance: QUESTION_ALLOWANCE,
      component: participation,
      perMeeting: true,
      meetingDates: presented,
      perReading: true,
      textAllowed: true,
      maxTextChars: MAX_QUESTION_CHARS,
      notes: ['One insightful question for each presented paper, before class (up to 2 missed days).'],
    }),
    base({
      key: 'slides',
      kind: 'slides',
      title: 'Presentation slides',
      audience: 'group',
      holder: 'presenter',
      dueRule: { kind: 'meeting', anchor: 'start', offsetHours: -24 },
      lateRule: 'flag',
      fileRules: slideFiles,
      component: presentation,
      perMeeting: true,
      meetingDates: studentLectures,
      notes: minutes === null ? [] : [`The presentation is at most ${plural(minutes, 'minute')}.`],
    }),
    base({
      key: 'summary',
      kind: 'summary',
      title: 'Lecture summary',
      audience: 'group',
      holder: 'summarizer',
      dueRule: { kind: 'meeting', anchor: 'end', offsetHours: 24 },
      // "Late reviews will not be counted."
      lateRule: 'zero',
      fileRules: { maxBytes: DEFAULT_MAX_BYTES, types: ['pdf', 'docx', 'md'] },
      component: summary,
      perMeeting: true,
      meetingDates: studentLectures,
      textAllowed: true,
      maxTextChars: MAX_SUMMARY_CHARS,
      template: questions.length > 0 ? summaryTemplate(questions) : SUMMARY_TEMPLATE,
      notes: ['2–3 pages; late summaries are kept but score zero.'],
    }),
  ];

  const proposal = milestone(course, 'proposal');
  if (proposal?.dueAt) {
    list.push(
      base({
        key: 'proposal',
        kind: 'proposal',
        title: 'Project proposal',
        audience: 'group',
        holder: 'group',
        dueRule: { kind: 'absolute', at: proposal.dueAt },
        fileRules: { maxBytes: DEFAULT_MAX_BYTES, types: ['pdf'] },
        needsApproval: true,
        notes: ['2 pages plus references.', "Include the members' names and e-mail addresses."],
      }),
    );
  }

  const midterm = milestone(course, 'midterm-presentations');
  const slots = midterm?.meetingDates.length
    ? midterm.meetingDates
    : course.meetings.filter((m) => m.kind === 'presentations').map((m) => m.date);
  if (slots.length > 0) {
    list.push(
      base({
        key: 'midterm-presentation',
        kind: 'presentation',
        title: 'Mid-semester presentation',
        audience: 'group',
        // The groups staff put on the day's talk slots present (and upload slides) that day.
        holder: 'slot',
        dueRule: { kind: 'meeting', anchor: 'start', offsetHours: -24 },
        fileRules: slideFiles,
        component: projectTalks,
        perMeeting: true,
        meetingDates: slots,
      }),
    );
  }

  const posterDate =
    milestone(course, 'poster')?.meetingDates[0] ?? course.meetings.find((m) => m.kind === 'poster')?.date;
  const posterMeeting = course.meetings.find((m) => m.date === posterDate);
  if (posterMeeting) {
    list.push(
      base({
        key: 'poster',
        kind: 'poster',
        title: 'Final poster',
        audience: 'group',
        holder: 'group',
        dueRule: { kind: 'absolute', at: meetingInterval(course, posterMeeting).start },
        fileRules: { maxBytes: DEFAULT_MAX_BYTES, types: ['pdf', 'pptx'] },
        component: projectTalks,
        notes: [`Presented at the poster session on ${posterMeeting.date}.`],
      }),
    );
  }

  const final = milestone(course, 'final-report');
  if (final?.dueAt) {
    list.push(
      base({
        key: 'final-report',
        kind: 'report',
        title: 'Final report',
        audience: 'group',
        holder: 'group',
        dueRule: { kind: 'absolute', at: final.dueAt },
        fileRules: { maxBytes: DEFAULT_MAX_BYTES, types: ['pdf'], maxPages: 8, pageLimit: 'warn' },
        component: report,
        notes: ['8 pages plus references, formatted like the papers read in class.'],
      }),
      base({
        key: 'code',
        kind: 'code',
        title: 'Project code',
        audience: 'group',
        holder: 'group',
        dueRule: { kind: 'absolute', at: final.dueAt },
        fileRules: { maxBytes: MAX_CODE_BYTES, types: ['zip'], requireReadmeAtRoot: true },
        component: report,
        notes: ['Self-contained, with a README giving step-by-step build and run instructions.'],
      }),
    );
  }
  return list;
}
