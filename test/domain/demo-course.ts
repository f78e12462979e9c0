// Test factory: a course model shaped like the demo syllabus (CS 598, Fall 2024, America/Chicago).

import { readFileSync } from 'node:fs';
import type { CourseModel, Meeting, Reading } from '../../src/domain/course.js';
import { endOfLocalDay, localInstant } from '../../src/domain/due.js';

export const ZONE = 'America/Chicago';

const syllabus = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url), 'utf8');

/** The Markdown body under a "### Title" heading of the demo syllabus, up to the next heading of that level. */
export function policyText(title: string): string {
  const start = syllabus.indexOf(`### ${title}`);
  if (start < 0) throw new Error(`no policy ${title}`);
  const bodyStart = syllabus.indexOf('\n', start) + 1;
  const next = syllabus.indexOf('\n### ', bodyStart);
  return syllabus.slice(bodyStart, next < 0 ? undefined : next).trim();
}

export function reading(title: string, required: boolean): Reading {
  return { title, url: null, required, note: null };
}

export function meeting(over: Partial<Meeting> & Pick<Meeting, 'date'>): Meeting {
  return {
    kind: 'lecture',
    title: null,
    startTime: null,
    endTime: null,
    unit: null,
    readings: [],
    needsPresenters: true,
    notes: [],
    extra: {},
    ...over,
  };
}

export function buildCourse(over: Partial<CourseModel> = {}): CourseModel {
  return {
    code: 'CS 598',
    title: 'Systems for Generative AI',
    term: { season: 'Fall', year: 2024 },
    timeZone: ZONE,
    location: '0216 Siebel Center for Computer Science',
    pattern: { days: [1, 3], startTime: '09:30', endTime: '10:45' },
    staff: [],
    forum: null,
    staffEmail: 'cs598-aisys-staff@illinois.edu',
    description: '',
    objectives: [],
    units: [],
    meetings: [
      meeting({
        date: '2024-08-26',
        title: 'Introduction',
        needsPresenters: false,
        readings: [reading('How to Read a Paper', true), reading('How to Give a Bad Talk', true)],
      }),
      meeting({
        date: '2024-08-28',
        readings: [
          reading('The Illustrated Transformer', true),
          reading('FlashAttention', true),
          reading('Attention Is All You Need', false),
        ],
      }),
      meeting({
        date: '2024-09-16',
        kind: 'no_class',
        title: 'No Lecture / Work on Project Proposal',
        needsPresenters: false,
        readings: [reading('Worse is Better', true)],
      }),
      meeting({
        date: '2024-09-18',
        readings: [reading('The Llama 3 Herd of Models', true), reading('Gemini', false)],
      }),
      meeting({
        date: '2024-10-21',
        kind: 'presentations',
        title: 'Mid-Semester Presentations',
        needsPresenters: false,
      }),
      meeting({
        date: '2024-10-23',
        kind: 'presentations',
        title: 'Mid-Semester Presentations',
        needsPresenters: false,
      }),
      meeting({ date: '2024-10-30', readings: [reading('PowerInfer', true), reading('Pit', true)] }),
      meeting({
        date: '2024-11-04',
        readings: [reading('OMS-DPM', true), reading('Are More LM Calls All You Need?', true)],
      }),
      meeting({ date: '2024-11-18', kind: 'buffer', title: 'Buffer', needsPresenters: false }),
      meeting({
        date: '2024-12-04',
        kind: 'poster',
        title: 'Final Poster Presentations',
        startTime: '10:30',
        endTime: '12:00',
        needsPresenters: false,
      }),
      meeting({
        date: '2024-12-07',
        kind: 'no_class',
        title: 'No Class: Prep for Project Report',
        needsPresenters: false,
      }),
    ],
    components: [
      { key: 'participation', name: 'Participation', weight: 10 },
      { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
      { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
      { key: 'project-report', name: 'Project Report', weight: 40 },
      { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
    ],
    policies: [
      { slug: 'participation', title: 'Participation', markdown: policyText('Participation') },
      { slug: 'student-lectures', title: 'Student Lectures', markdown: policyText('Student Lectures') },
      { slug: 'lecture-summaries', title: 'Lecture Summaries', markdown: policyText('Lecture Summaries') },
    ],
    milestones: [
      {
        key: 'groups',
        title: 'Groups',
        dueAt: endOfLocalDay('2024-09-05', ZONE),
        meetingDates: [],
        source: '',
      },
      {
        key: 'proposal',
        title: 'Project proposal',
        dueAt: endOfLocalDay('2024-09-26', ZONE),
        meetingDates: [],
        source: '',
      },
      {
        key: 'midterm-presentations',
        title: 'Mid-semester presentations',
        dueAt: null,
        meetingDates: ['2024-10-21', '2024-10-23'],
        source: '',
      },
      {
        key: 'poster',
        title: 'Final poster presentations',
        dueAt: null,
        meetingDates: ['2024-12-04'],
        source: '',
      },
      {
        key: 'final-report',
        title: 'Final report and code',
        dueAt: localInstant('2024-12-19', '18:00', ZONE),
        meetingDates: [],
        source: '',
      },
    ],
    resources: [],
    groupSize: { min: 2, max: 3 },
    ...over,
  };
}

/** The meeting of the built course on a local date. */
export function meetingOn(course: CourseModel, date: string): Meeting {
  const found = course.meetings.find((m) => m.date === date);
  if (!found) throw new Error(`no meeting on ${date}`);
  return found;
}
