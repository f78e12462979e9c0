import { describe, expect, it } from 'vitest';
import { classFreeze } from '../../src/domain/class-freeze.js';

// Monday/Wednesday 9:30–10:45 in Chicago, as the demo course.
const course = {
  timeZone: 'America/Chicago',
  pattern: { days: [1, 3], startTime: '09:30', endTime: '10:45' },
} as never;
const meeting = { date: '2024-11-11', startTime: null, endTime: null };

describe('classFreeze', () => {
  it('is open before the first role deadline when nothing is handed in', () => {
    const f = classFreeze(course, meeting, '2024-11-10T15:29:59.999Z', { handIns: 0 });
    expect(f).toEqual({ frozen: false, reason: null, freezesAt: '2024-11-10T15:30:00.000Z' });
  });

  it('freezes at the slides deadline, 24 elapsed hours before the start', () => {
    const f = classFreeze(course, meeting, '2024-11-10T15:30:00.000Z', { handIns: 0 });
    expect(f.frozen).toBe(true);
    expect(f.reason).toBe('deadline-passed');
  });

  it('is frozen once the class started, and stays frozen afterwards', () => {
    expect(classFreeze(course, meeting, '2024-11-11T15:30:00.000Z', { handIns: 0 }).reason).toBe('started');
    expect(classFreeze(course, meeting, '2025-01-01T00:00:00.000Z', { handIns: 0 }).reason).toBe('started');
  });

  it('is frozen by an early hand-in even days before the deadline', () => {
    const f = classFreeze(course, meeting, '2024-11-01T12:00:00.000Z', { handIns: 1 });
    expect(f).toMatchObject({ frozen: true, reason: 'hand-in' });
  });

  it('takes an earlier first deadline when the course sets one, never a later one than the start', () => {
    const early = classFreeze(course, meeting, '2024-11-09T00:00:00.000Z', {
      handIns: 0,
      firstDeadline: '2024-11-08T23:00:00.000Z',
    });
    expect(early.reason).toBe('deadline-passed');
    const late = classFreeze(course, meeting, '2024-11-11T15:31:00.000Z', {
      handIns: 0,
      firstDeadline: '2024-11-12T00:00:00.000Z',
    });
    expect(late).toMatchObject({ reason: 'started', freezesAt: '2024-11-11T15:30:00.000Z' });
  });

  it('reads the start in the course zone across a daylight-saving change', () => {
    // Nov 4 2024 is the Monday after the fall-back change (Nov 3): 9:30 CST is 15:30 UTC, the deadline 24 h earlier.
    const f = classFreeze(
      course,
      { date: '2024-11-04', startTime: null, endTime: null },
      '2024-11-03T15:29:00.000Z',
      {
        handIns: 0,
      },
    );
    expect(f).toMatchObject({ frozen: false, freezesAt: '2024-11-03T15:30:00.000Z' });
  });
});
