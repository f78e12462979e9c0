// Properties over many dates and clocks: classes never move with daylight saving, "24 h" is always 24 real hours.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { allowanceState, type AllowanceEntry } from '../../src/domain/allowances.js';
import { addElapsedHours, dueAt, meetingInterval } from '../../src/domain/due.js';
import { isLate, lateBy } from '../../src/domain/lateness.js';
import { meeting } from './demo-course.js';

const ZONES = [
  'America/Chicago',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
];
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
// Classes between 06:00 and 20:59: never inside a change's skipped or repeated hour.
const clock = fc
  .tuple(fc.integer({ min: 6, max: 20 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('for any date, zone and class time', () => {
  it('a class starts at its local wall-clock time, whatever the offset that day', () => {
    fc.assert(
      fc.property(day, clock, fc.constantFrom(...ZONES), (date, time, zone) => {
        const [h, m] = time.split(':').map(Number);
        const end = `${String((h ?? 0) + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const { start } = meetingInterval(
          { timeZone: zone, pattern: null },
          meeting({ date, startTime: time, endTime: end }),
        );
        expect(DateTime.fromISO(start, { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(`${date} ${time}`);
      }),
      { numRuns: 200 },
    );
  });

  it('slides are due exactly 24 elapsed hours before the start and summaries 24 after the end', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...ZONES), (date, zone) => {
        const course = {
          timeZone: zone,
          pattern: { days: [1, 3] as (1 | 3)[], startTime: '09:30', endTime: '10:45' },
        };
        const m = meeting({ date });
        const { start, end } = meetingInterval(course, m);
        const slides = dueAt({ kind: 'meeting', anchor: 'start', offsetHours: -24 }, course, m);
        const summary = dueAt({ kind: 'meeting', anchor: 'end', offsetHours: 24 }, course, m);
        expect(Date.parse(start) - Date.parse(slides)).toBe(86_400_000);
        expect(Date.parse(summary) - Date.parse(end)).toBe(86_400_000);
      }),
      { numRuns: 200 },
    );
  });
});

describe('lateness', () => {
  it('is late exactly when handed in after the due instant, by that many milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 86_400, max: 10 * 86_400 }), (seconds) => {
        const due = '2024-12-20T00:00:00.000Z';
        const at = addElapsedHours(due, seconds / 3600);
        expect(isLate(at, due)).toBe(seconds > 0);
        expect(lateBy(at, due)).toBe(Math.max(0, seconds) * 1000);
      }),
    );
  });
});

describe('allowances', () => {
  it('forgive at most the allowance and penalize every other unexcused miss', () => {
    const entry = fc.record({
      done: fc.boolean(),
      excused: fc.boolean(),
      hour: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (raw, allowance) => {
        const entries: AllowanceEntry[] = raw.map((e, i) => ({
          key: `m${i}`,
          dueAt: addElapsedHours('2024-08-26T14:30:00.000Z', e.hour),
          done: e.done,
          excused: e.excused,
        }));
        const state = allowanceState(allowance, entries, '2025-06-01T00:00:00.000Z');
        const misses = raw.filter((e) => !e.done && !e.excused).length;
        expect(state.missed).toBe(misses);
        expect(state.forgiven.length).toBe(Math.min(allowance, misses));
        expect(state.penalized.length).toBe(Math.max(0, misses - allowance));
        expect(state.left + state.forgiven.length).toBe(allowance);
      }),
    );
  });
});
