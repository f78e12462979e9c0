// Attendance: a check-in code valid while the class runs, "up to 2 absences allowed", excuses.

import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_ALPHABET,
  absences,
  canCheckIn,
  checkInBlocker,
  generateCheckInCode,
  normalizeCheckInCode,
  type AttendanceRecord,
} from '../../src/domain/attendance.js';
import { meetingInterval } from '../../src/domain/due.js';
import { buildCourse, meeting, meetingOn } from './demo-course.js';

const course = buildCourse();
const { start, end } = meetingInterval(course, meetingOn(course, '2024-11-04'));
const attempt = (now: string, entered = 'K7PQ2M') => ({
  enrolled: true,
  code: 'K7PQ2M',
  entered,
  meetingStart: start,
  meetingEnd: end,
  now,
});

describe('a check-in code shown in class', () => {
  it('is not open one second before class starts', () => {
    expect(checkInBlocker(attempt('2024-11-04T15:29:59.000Z'))).toBe('not-open');
  });

  it('is valid from the start of class', () => {
    expect(canCheckIn(attempt(start))).toBe(true);
  });

  it('is valid at the last second of class, and expires one second after it ends', () => {
    expect(checkInBlocker(attempt(end))).toBeNull();
    expect(checkInBlocker(attempt('2024-11-04T16:45:01.000Z'))).toBe('expired');
  });

  it('ignores case, spaces and dashes in what the student types', () => {
    expect(normalizeCheckInCode(' k7p-q2m ')).toBe('K7PQ2M');
    expect(checkInBlocker(attempt('2024-11-04T15:40:00.000Z', 'k7p q2m'))).toBeNull();
  });

  it('refuses a wrong code', () => {
    expect(checkInBlocker(attempt('2024-11-04T15:40:00.000Z', 'K7PQ2N'))).toBe('wrong-code');
  });

  it('refuses students not enrolled, and meetings without a code', () => {
    expect(checkInBlocker({ ...attempt('2024-11-04T15:40:00.000Z'), enrolled: false })).toBe('not-enrolled');
    expect(checkInBlocker({ ...attempt('2024-11-04T15:40:00.000Z'), code: null })).toBe('no-code');
  });

  it('is drawn from a seeded random source using unambiguous characters only', () => {
    let seed = 42;
    const rng = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const code = generateCheckInCode(rng);
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect([...code].every((c) => CHECK_IN_ALPHABET.includes(c))).toBe(true);
    expect(code).not.toMatch(/[01OIL]/);
    seed = 42;
    expect(generateCheckInCode(rng)).toBe(code);
    expect(generateCheckInCode(() => 0.999999999)).toBe('999999');
  });
});

describe('"up to 2 absences allowed for legitimate reasons"', () => {
  const record = (date: string, status: AttendanceRecord['status'], rollTaken = true): AttendanceRecord => ({
    meetingDate: date,
    meetingEnd: meetingInterval(course, meeting({ date })).end,
    rollTaken,
    status,
  });
  const records = [
    record('2024-10-28', 'absent'),
    record('2024-10-30', 'present'),
    record('2024-11-04', null), // roll taken, student not on it
    record('2024-11-06', 'excused'),
    record('2024-11-11', 'absent'),
    record('2024-11-13', null, false), // no roll that day
  ];

  it('forgives two absences and counts the third', () => {
    const state = absences(records, '2024-12-01T00:00:00.000Z');
    expect(state.forgiven).toEqual(['2024-10-28', '2024-11-04']);
    expect(state.penalized).toEqual(['2024-11-11']);
    expect(state.left).toBe(0);
  });

  it('does not count an excused absence or a meeting without a roll', () => {
    const state = absences(records, '2024-12-01T00:00:00.000Z');
    expect(state.excused).toBe(1);
    expect(state.settled).toBe(5);
  });

  it('shows one absence left after the first', () => {
    expect(absences(records, '2024-10-29T00:00:00.000Z').left).toBe(1);
  });
});
