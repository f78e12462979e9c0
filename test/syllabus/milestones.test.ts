// Deadlines written in prose, read in the course's time zone.
import { describe, expect, it } from 'vitest';
import { deadlineInstant, findDeadline } from '../../src/syllabus/milestones.js';
import type { SyllabusWarning } from '../../src/syllabus/index.js';
import { endOfLocalDay } from '../../src/domain/due.js';

const span = { first: '2024-08-26', last: '2024-12-07' };
const instant = (text: string, zone = 'America/Chicago') => {
  const warnings: SyllabusWarning[] = [];
  const d = findDeadline(text);
  return { at: d ? deadlineInstant(d, span, zone, 7, warnings) : null, warnings };
};

describe('deadlines in prose', () => {
  it('reads "by Sept 5" as the end of that day in Chicago', () => {
    expect(instant('declare your group by Sept 5.').at).toBe('2024-09-06T04:59:59.999Z');
  });

  it('gives the same end of the day as the deadline rules (endOfLocalDay), across a daylight-saving change and in Europe', () => {
    for (const [text, date, zone] of [
      ['due Nov 3', '2024-11-03', 'America/Chicago'],
      ['due by midnight on Oct 27', '2024-10-27', 'Europe/Berlin'],
      ['The draft is due by 11:59 PM on March 10.', '2025-03-10', 'America/New_York'],
      ['by 3/30', '2025-03-30', 'Europe/Berlin'],
    ] as const) {
      const d = findDeadline(text)!;
      const at = deadlineInstant(d, { first: '2024-08-26', last: '2025-05-01' }, zone, 1, []);
      expect(at, text).toBe(endOfLocalDay(date, zone));
    }
    expect(instant('due by 11:58 PM on Nov 1').at).toBe('2024-11-02T04:58:00.000Z');
  });

  it.each([
    ['Proposals are due Oct 3.', '2024-10-04T04:59:59.999Z'],
    ['Proposals are due on October 3.', '2024-10-04T04:59:59.999Z'],
    ['The draft is due by 11:59 PM on November 1.', '2024-11-02T04:59:59.999Z'],
    ['Submit it by Nov 1 at 5 PM.', '2024-11-01T22:00:00.000Z'],
    ['Deadline: 10/31', '2024-11-01T04:59:59.999Z'],
    ['Send it no later than noon on Dec. 2, 2024.', '2024-12-02T18:00:00.000Z'],
    ['Hand in before Friday, Sept 13.', '2024-09-14T04:59:59.999Z'],
  ])('reads %s', (text, at) => {
    expect(instant(text).at).toBe(at);
  });

  it('reads "on or before 6:00PM CDT on December 19" as 18:00 Chicago time and warns that it is CST', () => {
    const { at, warnings } = instant('turn in the report on or before 6:00PM CDT on December 19.');
    expect(at).toBe('2024-12-20T00:00:00.000Z');
    expect(warnings).toEqual([{ line: 7, message: expect.stringMatching(/CST.*not CDT/) as string }]);
  });

  it('reads a time stated in another zone in that zone, and says so', () => {
    const { at, warnings } = instant('due by 5:00 PM EST on Dec 3', 'America/Chicago');
    expect(at).toBe('2024-12-03T22:00:00.000Z');
    expect(warnings).toHaveLength(1);
  });

  it('picks the year that puts a January deadline after a fall term', () => {
    expect(instant('due by Jan 3').at).toBe('2025-01-04T05:59:59.999Z');
  });

  it('finds no deadline in "before each class" or "by the group"', () => {
    expect(findDeadline('submit a question before each class')).toBeNull();
    expect(findDeadline('written by the group that presents')).toBeNull();
  });
});
