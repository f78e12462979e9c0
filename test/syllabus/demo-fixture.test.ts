// The demo syllabus (CS 598, Fall 2024), counted by hand: every field the course site shows.
import { describe, expect, it } from 'vitest';
import { DEMO_PATH, meetingOn, parseOk, readText } from './helpers.js';

const { course, warnings } = parseOk(readText(DEMO_PATH));

describe('the CS 598 demo syllabus', () => {
  it('reads code, title, term, room and the Monday/Wednesday 9:30–10:45 pattern', () => {
    expect(course.code).toBe('CS 598');
    expect(course.title).toBe('Systems for Generative AI');
    expect(course.term).toEqual({ season: 'Fall', year: 2024 });
    expect(course.timeZone).toBe('America/Chicago');
    expect(course.location).toBe('0216 Siebel Center for Computer Science');
    expect(course.pattern).toEqual({ days: [1, 3], startTime: '09:30', endTime: '10:45' });
  });

  it('reads both staff rows although they lack trailing pipes', () => {
    expect(course.staff).toEqual([
      {
        name: 'Fan Lai',
        url: 'https://fanlai.me/',
        netId: 'fanlai',
        role: 'instructor',
        officeHours: 'W 11:00 AM – 12:00 PM',
        officeLocation: '3128 Siebel Center',
      },
      {
        name: 'Chengsong Zhang',
        url: 'https://continue-revolution.github.io/',
        netId: 'cz81',
        role: 'ta',
        officeHours: 'M 11:00 AM - 12:00 PM',
        officeLocation: 'TBD',
      },
    ]);
  });

  it('links the Piazza forum and the staff e-mail', () => {
    expect(course.forum).toEqual({ label: 'Piazza', url: 'https://piazza.com/illinois/fall2024/cs598fla' });
    expect(course.staffEmail).toBe('cs598-aisys-staff@illinois.edu');
  });

  it('keeps the description without the objectives list, and the three objectives as plain text', () => {
    expect(course.objectives).toEqual([
      'Critique and evaluate the design details of state-of-the-art GenAI systems',
      'Develop and utilize tools to profile and understand the performance of GenAI systems',
      'Propose new research ideas in topics related to support practical GenAI',
    ]);
    expect(course.description).toContain('**Structure**: The course will be a mix of lectures');
    expect(course.description).toContain('- GenAI for systems and etc.');
    expect(course.description).toContain('Note that this course is **NOT focused on AI methods**.');
    expect(course.description).toContain('**Prerequisites**:');
    expect(course.description).not.toContain('Critique and evaluate');
  });

  it('finds 28 dated meetings from Aug 26 to Dec 7 2024', () => {
    expect(course.meetings).toHaveLength(28);
    expect(course.meetings[0]!.date).toBe('2024-08-26');
    expect(course.meetings[27]!.date).toBe('2024-12-07');
    const dates = course.meetings.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('sorts the meetings into 21 lectures, 3 days without class, 2 presentation days, 1 poster session and 1 buffer', () => {
    const count = (k: string) => course.meetings.filter((m) => m.kind === k).length;
    expect(count('lecture')).toBe(21);
    expect(count('no_class')).toBe(3);
    expect(count('presentations')).toBe(2);
    expect(count('poster')).toBe(1);
    expect(count('buffer')).toBe(1);
    expect(course.meetings.filter((m) => m.kind === 'no_class').map((m) => m.date)).toEqual([
      '2024-09-16',
      '2024-12-02',
      '2024-12-07',
    ]);
    expect(meetingOn(course, '2024-09-16').title).toBe('No Lecture / Work on Project Proposal');
    expect(course.meetings.filter((m) => m.kind === 'presentations').map((m) => m.date)).toEqual([
      '2024-10-21',
      '2024-10-23',
    ]);
    expect(meetingOn(course, '2024-11-18').kind).toBe('buffer');
  });

  it('gives the poster session its own times 10:30–12:00 and keeps TBD and the template as notes', () => {
    const poster = meetingOn(course, '2024-12-04');
    expect(poster.kind).toBe('poster');
    expect(poster.title).toBe('Final Poster Presentations');
    expect([poster.startTime, poster.endTime]).toEqual(['10:30', '12:00']);
    expect(poster.readings).toEqual([]);
    expect(poster.notes).toEqual(['TBD', '[Template](/Resources/poster.pptx)']);
    expect(course.meetings.filter((m) => m.startTime !== null)).toHaveLength(1);
  });

  it('warns, with its line, that Dec 7 2024 is a Saturday', () => {
    expect(warnings).toContainEqual({ line: 67, message: expect.stringContaining('Saturday') as string });
  });

  it('asks students to present the 20 lectures other than the introduction', () => {
    expect(course.meetings.filter((m) => m.needsPresenters)).toHaveLength(20);
    expect(meetingOn(course, '2024-08-26').needsPresenters).toBe(false);
    expect(course.meetings.filter((m) => m.kind !== 'lecture').every((m) => !m.needsPresenters)).toBe(true);
  });

  it('reads the six units and puts Aug 26, before the first unit, in none', () => {
    expect(course.units.map((u) => u.title)).toEqual([
      'GenAI Basics',
      'Pre-Training',
      'Alignment & Post-Training Optimization',
      'Grounding',
      'Inference',
      'LLM for Systems',
    ]);
    expect(meetingOn(course, '2024-08-26').unit).toBeNull();
    expect(meetingOn(course, '2024-08-28').unit).toBe('GenAI Basics');
    expect(meetingOn(course, '2024-09-16').unit).toBe('GenAI Basics');
    expect(meetingOn(course, '2024-09-18').unit).toBe('Pre-Training');
    expect(meetingOn(course, '2024-10-02').unit).toBe('Alignment & Post-Training Optimization');
    expect(meetingOn(course, '2024-10-23').unit).toBe('Grounding');
    expect(meetingOn(course, '2024-10-28').unit).toBe('Inference');
    expect(meetingOn(course, '2024-12-07').unit).toBe('LLM for Systems');
  });

  it('merges the line-broken Aug 26 row: title and all four readings, in order', () => {
    const intro = meetingOn(course, '2024-08-26');
    expect(intro.title).toBe('Introduction');
    expect(intro.readings.map((r) => [r.title, r.required])).toEqual([
      ['How to Read a Paper', true],
      ['How to Give a Bad Talk', true],
      ['Writing Reviews for Systems Conferences', false],
      ['The Shift from Models to Compound AI Systems', false],
    ]);
    expect(intro.readings[0]!.url).toBe(
      'http://svr-sk818-web.cl.cam.ac.uk/keshav/papers/07/paper-reading.pdf',
    );
    expect(intro.notes).toEqual([]);
    expect(intro.extra).toEqual({});
  });

  it('merges the line-broken Sept 16 row with its two readings', () => {
    const m = meetingOn(course, '2024-09-16');
    expect(m.readings.map((r) => [r.title, r.required, r.url])).toEqual([
      ['Worse is Better', true, 'https://en.wikipedia.org/wiki/Worse_is_better'],
      ['Hints and Principles for Computer System Design', false, 'https://arxiv.org/abs/2011.02455'],
    ]);
  });

  it('counts 70 readings, 42 of them required, with per-meeting counts as written', () => {
    const all = course.meetings.flatMap((m) => m.readings);
    expect(all).toHaveLength(70);
    expect(all.filter((r) => r.required)).toHaveLength(42);
    expect(all.every((r) => r.url !== null && r.url.startsWith('http'))).toBe(true);
    const per = (d: string) => [
      meetingOn(course, d).readings.length,
      meetingOn(course, d).readings.filter((r) => r.required).length,
    ];
    expect(per('2024-08-28')).toEqual([4, 2]);
    expect(per('2024-09-09')).toEqual([4, 1]);
    expect(per('2024-09-18')).toEqual([2, 1]);
    expect(per('2024-10-09')).toEqual([3, 2]);
    expect(per('2024-12-02')).toEqual([1, 1]);
    expect(per('2024-10-21')).toEqual([0, 0]);
  });

  it('reads "(Sec 1-4, Required)" as required with the note "Sec 1-4"', () => {
    expect(meetingOn(course, '2024-09-18').readings[0]).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      required: true,
      note: 'Sec 1-4',
    });
    expect(course.meetings.flatMap((m) => m.readings).filter((r) => r.note !== null)).toHaveLength(1);
  });

  it('keeps titles with parentheses whole', () => {
    expect(meetingOn(course, '2024-10-09').readings[0]!.title).toBe(
      'LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale',
    );
  });

  it('reads the five grading components, links stripped, summing to 100', () => {
    expect(course.components).toEqual([
      { key: 'participation', name: 'Participation', weight: 10 },
      { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
      { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
      { key: 'project-report', name: 'Project Report', weight: 40 },
      { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
    ]);
    expect(warnings.some((w) => /add up/.test(w.message))).toBe(false);
  });

  it('keeps the policies as Markdown sections, in order, losing nothing', () => {
    expect(course.policies.map((p) => p.slug)).toEqual([
      'logistics',
      'groups',
      'academic-integrity',
      'ai-tool-policy',
      'participation',
      'student-lectures',
      'post-presentation-panel-discussion',
      'lecture-summaries',
      'project',
      'acknowledgements',
    ]);
    const bySlug = Object.fromEntries(course.policies.map((p) => [p.slug, p]));
    expect(bySlug['logistics']!.markdown).toMatch(
      /^\*\*Piazza\*\*: {2}\*ALL\* communication regarding this course must be via/,
    );
    expect(bySlug['logistics']!.markdown).toContain(
      '\n\nPresentation slides and paper summaries should be emailed to',
    );
    expect(bySlug['groups']!.markdown).toMatch(
      /^All activities of this course.*by \*\*Sept 5\*\*\. After this date/s,
    );
    expect(bySlug['ai-tool-policy']!.title).toBe('AI Tool Policy');
    expect(bySlug['participation']!.markdown).toContain('**After Lectures**');
    expect(bySlug['post-presentation-panel-discussion']!.markdown).toContain(
      '#### Roles and Responsibilities',
    );
    expect(bySlug['post-presentation-panel-discussion']!.markdown).toContain('3. **Rest of the Class**');
    expect(bySlug['student-lectures']!.markdown).toContain('at least 24 hours prior');
    expect(bySlug['lecture-summaries']!.markdown).toContain('[this format](Summaries/Template.md)');
    expect(bySlug['project']!.markdown).toContain('on or before 6:00PM CDT on December 19.');
    expect(bySlug['acknowledgements']!.title).toBe('Acknowledgements');
    expect(bySlug['acknowledgements']!.markdown).toMatch(
      /SymbioticLab\]\(https:\/\/symbioticlab\.org\/\)\.$/,
    );
  });

  it('reads the five project milestones with their deadlines in Chicago time', () => {
    expect(course.milestones.map((m) => [m.key, m.dueAt, m.meetingDates])).toEqual([
      ['groups', '2024-09-06T04:59:59.999Z', []],
      ['proposal', '2024-09-27T04:59:59.999Z', []],
      ['midterm-presentations', null, ['2024-10-21', '2024-10-23']],
      ['poster', null, ['2024-12-04']],
      ['final-report', '2024-12-20T00:00:00.000Z', []],
    ]);
    expect(course.milestones[0]!.source).toContain('by **Sept 5**');
    expect(course.milestones[1]!.source).toMatch(
      /^Turn in a 2-page draft proposal.*by \*\*September 26\*\*\.$/,
    );
    expect(course.milestones[4]!.source).toContain('on or before 6:00PM CDT on December 19.');
  });

  it('reads 6:00PM "CDT" on Dec 19 as 18:00 Chicago time, warning that the day is in CST', () => {
    const w = warnings.find((x) => /CST/.test(x.message));
    expect(w).toBeDefined();
    expect(w!.line).toBe(152);
    expect(w!.message).toContain('not CDT');
  });

  it('lists the GPU guide, the poster template and the summary template as resources, and groups of 2-3', () => {
    expect(course.resources).toEqual([
      { label: 'Poster template', url: '/Resources/poster.pptx' },
      { label: 'Summary template', url: 'Summaries/Template.md' },
      { label: 'Starting with Cloudlab', url: './Resources/Starting%20with%20Cloudlab' },
    ]);
    expect(course.groupSize).toEqual({ min: 2, max: 3 });
  });

  it('warns about nothing but the Saturday, the CDT slip and the schedule preamble it cannot place', () => {
    expect(warnings.map((w) => w.line)).toEqual([31, 67, 152]);
  });

  it('reads the same from bytes as from text', () => {
    const bytes = new TextEncoder().encode(readText(DEMO_PATH));
    expect(parseOk(bytes).course).toEqual(course);
  });
});
