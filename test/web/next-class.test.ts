// The next class's "how far away" words on the course home and the schedule, on both sides of its start and end.
import { describe, expect, it } from 'vitest';
import { classFromNow } from '../../web/src/time.js';

const zone = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);
// Mon, Oct 7, 2024, 9:30–10:45 AM CDT.
const meeting = {
  date: '2024-10-07',
  startsAt: '2024-10-07T14:30:00Z',
  endsAt: '2024-10-07T15:45:00Z',
};

describe('how far away the next class is', () => {
  it('counts days, then hours, then minutes as the class comes closer', () => {
    expect(classFromNow(meeting, at('2024-10-04T14:30:00Z'), zone)).toBe('in 3 days');
    expect(classFromNow(meeting, at('2024-10-06T20:00:00Z'), zone)).toBe('tomorrow');
    expect(classFromNow(meeting, at('2024-10-07T11:30:00Z'), zone)).toBe('in 3 hours');
    expect(classFromNow(meeting, at('2024-10-07T14:10:00Z'), zone)).toBe('in 20 minutes');
  });

  it('says the class is on, and until when, from its start to its end (not "14 minutes ago")', () => {
    expect(classFromNow(meeting, at('2024-10-07T14:30:00Z'), zone)).toBe('happening now, until 10:45 AM');
    expect(classFromNow(meeting, at('2024-10-07T14:44:00Z'), zone)).toBe('happening now, until 10:45 AM');
    expect(classFromNow(meeting, at('2024-10-07T15:44:59Z'), zone)).toBe('happening now, until 10:45 AM');
  });

  it('has no words for a day without a class time', () => {
    expect(
      classFromNow({ ...meeting, startsAt: null, endsAt: null }, at('2024-10-07T14:44:00Z'), zone),
    ).toBeNull();
  });
});
