// Builds small course models for storage, service and HTTP tests (no parser needed): buildCourse(overrides).
import type { CourseModel, Meeting, Reading } from '../../src/domain/course.js';

export function buildReading(overrides: Partial<Reading> = {}): Reading {
  return {
    title: 'Attention Is All You Need',
    url: 'https://arxiv.org/abs/1706.03762',
    required: true,
    note: null,
    ...overrides,
  };
}

export function buildMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    date: '2024-08-26',
    kind: 'lecture',
    title: null,
    startTime: null,
    endTime: null,
    unit: 'GenAI Basics',
    readings: [buildReading()],
    needsPresenters: true,
    notes: [],
    extra: {},
    ...overrides,
  };
}

/** A two-week Monday/Wednesday course in America/Chicago with one unit per week and a poster session. */
export function buildCourse(overrides: Partial<CourseModel> = {}): CourseModel {
  return {
    code: 'CS 598',
    title: 'Systems for Generative AI',
    term: { season: 'Fall', year: 2024 },
    timeZone: 'America/Chicago',
    location: '1302 Siebel Center',
    pattern: { days: [1, 3], startTime: '09:30', endTime: '10:45' },
    staff: [
      {
        name: 'Ada Lovelace',
        url: null,
        netId: 'ada',
        role: 'instructor',
        officeHours: 'W 11:00 AM – 12:00 PM',
        officeLocation: '3128 Siebel Center',
      },
    ],
    forum: { label: 'Piazza', url: 'https://piazza.com/illinois/fall2024/cs598' },
    staffEmail: 'staff@example.edu',
    description: 'We read **papers** about [systems](https://example.edu/systems).',
    objectives: ['Read papers critically', 'Build a system'],
    units: [{ title: 'GenAI Basics' }, { title: 'Pre-Training' }],
    meetings: [
      buildMeeting({ date: '2024-08-26', title: 'Introduction', needsPresenters: false, readings: [] }),
      buildMeeting({
        date: '2024-08-28',
        readings: [
          buildReading(),
          buildReading({
            title: 'Language Models are Few-Shot Learners',
            url: null,
            required: false,
            note: 'Sec 1-4',
          }),
        ],
      }),
      buildMeeting({
        date: '2024-09-02',
        kind: 'no_class',
        title: 'Labor Day',
        unit: 'Pre-Training',
        readings: [],
        needsPresenters: false,
      }),
      buildMeeting({
        date: '2024-09-04',
        unit: 'Pre-Training',
        readings: [buildReading({ title: 'Megatron-LM', url: 'https://arxiv.org/abs/1909.08053' })],
        extra: { Presenter: 'Group 3' },
      }),
      buildMeeting({
        date: '2024-09-04',
        kind: 'poster',
        title: 'Poster session',
        startTime: '10:30',
        endTime: '12:00',
        unit: 'Pre-Training',
        readings: [],
        needsPresenters: false,
        notes: ['[Template](https://example.edu/poster.pptx)'],
      }),
    ],
    components: [
      { key: 'participation', name: 'Participation', weight: 10 },
      { key: 'project-report', name: 'Project report', weight: 90 },
    ],
    policies: [
      {
        slug: 'late-policy',
        title: 'Late policy',
        markdown: 'Late reviews will **not** be counted.\n\n<script>alert(1)</script>',
      },
    ],
    milestones: [
      {
        key: 'proposal',
        title: 'Project proposal',
        dueAt: '2024-09-27T04:59:59Z',
        meetingDates: [],
        source: 'Submit a proposal by September 26.',
      },
      {
        key: 'poster',
        title: 'Poster session',
        dueAt: null,
        meetingDates: ['2024-09-04'],
        source: 'Poster session on Sep 4.',
      },
    ],
    resources: [{ label: 'GPU access guide', url: 'https://example.edu/gpu' }],
    groupSize: { min: 2, max: 3 },
    ...overrides,
  };
}

/** The demo syllabus's grade components (Participation 10 %, … Project Presentations 20 %), for grading suites. */
export const SYLLABUS_COMPONENTS = [
  { key: 'participation', name: 'Participation', weight: 10 },
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
  { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
  { key: 'project-report', name: 'Project Report', weight: 40 },
  { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
];
