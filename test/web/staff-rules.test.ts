// The staff screens' browser-side helpers: a wall-clock time in the course zone as an instant (across daylight-saving changes), and a rule in words.
import { describe, expect, it } from 'vitest';
import { localInstant } from '../../src/domain/due.js';
import { ruleSentence } from '../../web/src/pages/work/staff/rule-words.js';
import { zonedInstant, zonedParts } from '../../web/src/time.js';

const CHICAGO = 'America/Chicago';

describe('deadlines typed in the course zone', () => {
  it('reads 18:00 on Dec 19 in Chicago as 00:00 UTC the next day (CST), and 23:59 on Sep 26 as 04:59 UTC (CDT)', () => {
    expect(zonedInstant('2024-12-19', '18:00', CHICAGO)).toBe('2024-12-20T00:00:00.000Z');
    expect(zonedInstant('2024-09-26', '23:59', CHICAGO)).toBe('2024-09-27T04:59:00.000Z');
  });

  it('agrees with the server on the daylight-saving weekends: a skipped time moves forward, a repeated one takes its first occurrence', () => {
    for (const [date, time] of [
      ['2024-03-10', '02:30'],
      ['2024-11-03', '01:30'],
      ['2024-11-03', '00:30'],
      ['2024-11-03', '02:00'],
      ['2024-03-10', '03:00'],
    ] as const) {
      expect([date, time, zonedInstant(date, time, CHICAGO)]).toEqual([
        date,
        time,
        localInstant(date, time, CHICAGO),
      ]);
    }
    expect(zonedInstant('2024-07-01', '09:30', 'Europe/Berlin')).toBe(
      localInstant('2024-07-01', '09:30', 'Europe/Berlin'),
    );
  });

  it('shows an instant back as the local date and time it was typed as', () => {
    expect(zonedParts('2024-12-20T00:00:00.000Z', CHICAGO)).toEqual({ date: '2024-12-19', time: '18:00' });
    expect(zonedParts('2024-08-28T14:30:00.000Z', CHICAGO)).toEqual({ date: '2024-08-28', time: '09:30' });
  });

  it('refuses what is not a date and a time', () => {
    expect(zonedInstant('', '18:00', CHICAGO)).toBeNull();
    expect(zonedInstant('2024-12-19', '6pm', CHICAGO)).toBeNull();
  });
});

describe('a deliverable’s rules in words', () => {
  it('says the slides rule as the syllabus does', () => {
    expect(
      ruleSentence(
        {
          dueRule: { kind: 'meeting', anchor: 'start', offsetHours: -24 },
          lateRule: 'flag',
          graceMinutes: 0,
          allowance: 0,
          closed: false,
          perMeeting: true,
        },
        CHICAGO,
      ),
    ).toBe('Due 24 h before each class starts, late work is kept and marked late.');
  });

  it('says a late summary scores zero, the misses allowed, the limits and that it is closed', () => {
    expect(
      ruleSentence(
        {
          dueRule: { kind: 'meeting', anchor: 'end', offsetHours: 24 },
          lateRule: 'zero',
          graceMinutes: 10,
          allowance: 2,
          closed: true,
          perMeeting: true,
          maxBytes: 50 * 1048576,
          maxTextChars: 50_000,
        },
        CHICAGO,
      ),
    ).toBe(
      'Due 24 h after each class ends (with 10 min of grace), late work is kept and shown but scores zero. 2 missed classes are allowed without penalty. Takes files up to 50 MB and text up to 50,000 characters. Closed: students cannot hand it in now.',
    );
  });

  it('gives a course-wide deadline in the course zone', () => {
    expect(
      ruleSentence(
        {
          dueRule: { kind: 'absolute', at: '2024-12-20T00:00:00Z' },
          lateRule: 'reject',
          graceMinutes: 0,
          allowance: 0,
          closed: false,
          perMeeting: false,
        },
        CHICAGO,
      ),
    ).toBe('Due Thu, Dec 19 · 6:00 PM CST, late work is refused.');
  });
});
