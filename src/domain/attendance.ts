// Attendance: check-in codes valid while the meeting runs, the "up to 2 absences" allowance, excuses.

import type { AllowanceEntry } from './allowances.js';
import { allowanceState, type AllowanceState } from './allowances.js';
import { isAfter, toMillis, type Instant } from './due.js';

/** "up to 2 absences allowed for legitimate reasons" */
export const ATTENDANCE_ALLOWANCE = 2;

/** Letters and digits that cannot be misread on a projector (no 0/O, 1/I/L). */
export const CHECK_IN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 6;

/** A fresh check-in code from a random source returning numbers in [0, 1). */
export function generateCheckInCode(rng: () => number, length = CHECK_IN_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) {
    const index = Math.min(CHECK_IN_ALPHABET.length - 1, Math.floor(rng() * CHECK_IN_ALPHABET.length));
    code += CHECK_IN_ALPHABET[index];
  }
  return code;
}

/** What a student typed, made comparable: case, spaces and dashes don't matter. */
export function normalizeCheckInCode(entered: string): string {
  return entered
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

export type CheckInBlocker = 'not-enrolled' | 'no-code' | 'not-open' | 'expired' | 'wrong-code';

/**
 * Why a check-in is refused, or null when it counts. A code is valid from the meeting's start
 * through its end (both instants included); before the start it is not open yet, after the
 * end it has expired.
 */
export function checkInBlocker(input: {
  enrolled: boolean;
  /** The code shown in class, or null when staff did not open check-in for the meeting. */
  code: string | null;
  entered: string;
  meetingStart: Instant;
  meetingEnd: Instant;
  now: Instant;
}): CheckInBlocker | null {
  if (!input.enrolled) return 'not-enrolled';
  if (input.code === null) return 'no-code';
  if (toMillis(input.now) < toMillis(input.meetingStart)) return 'not-open';
  if (isAfter(input.now, input.meetingEnd)) return 'expired';
  if (normalizeCheckInCode(input.entered) !== normalizeCheckInCode(input.code)) return 'wrong-code';
  return null;
}

export function canCheckIn(input: Parameters<typeof checkInBlocker>[0]): boolean {
  return checkInBlocker(input) === null;
}

export type AttendanceStatus = 'present' | 'absent' | 'excused';

export interface AttendanceRecord {
  /** The meeting's local date. */
  meetingDate: string;
  meetingEnd: Instant;
  /** Whether staff took the roll (or opened check-in) for the meeting at all. */
  rollTaken: boolean;
  /** The student's mark; null when the roll was taken and the student is not on it (= absent). */
  status: AttendanceStatus | null;
}

/** Attendance as allowance entries: only meetings whose roll was taken count. */
export function attendanceEntries(records: readonly AttendanceRecord[]): AllowanceEntry[] {
  return records
    .filter((r) => r.rollTaken)
    .map((r) => ({
      key: r.meetingDate,
      dueAt: r.meetingEnd,
      done: r.status === 'present',
      excused: r.status === 'excused',
    }));
}

/** "Up to 2 absences": absences left, and which ones cost points. */
export function absences(
  records: readonly AttendanceRecord[],
  now: Instant,
  allowance = ATTENDANCE_ALLOWANCE,
): AllowanceState {
  return allowanceState(allowance, attendanceEntries(records), now);
}
