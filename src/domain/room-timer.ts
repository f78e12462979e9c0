// The class timer as data: a length, the time used by earlier runs, and when the current run started. Pure; the
// server keeps it, every client derives the remaining time (and its warnings) from the server's clock.

/** @public The timer's length when neither the course nor its syllabus says. */
export const DEFAULT_TIMER_MINUTES = 40;

export interface TimerState {
  durationMs: number;
  /** When the current run started (ISO), null while stopped. */
  startedAt: string | null;
  /** Time used by earlier runs. */
  elapsedMs: number;
}

export function freshTimer(minutes: number): TimerState {
  return { durationMs: minutes * 60_000, startedAt: null, elapsedMs: 0 };
}

/** Time used at `nowMs` (never negative, even when a clock steps back). */
export function usedMs(timer: TimerState, nowMs: number): number {
  const run = timer.startedAt ? Math.max(0, nowMs - Date.parse(timer.startedAt)) : 0;
  return timer.elapsedMs + run;
}

/** Remaining time at `nowMs`; negative past time (overtime). */
export function remainingMs(timer: TimerState, nowMs: number): number {
  return timer.durationMs - usedMs(timer, nowMs);
}

/** Starts (or resumes) the timer; starting a running timer changes nothing. */
export function startTimer(timer: TimerState, now: Date): TimerState {
  if (timer.startedAt) return timer;
  return { ...timer, startedAt: now.toISOString() };
}

/** Pauses, keeping the time used; pausing a stopped timer changes nothing. */
export function pauseTimer(timer: TimerState, now: Date): TimerState {
  if (!timer.startedAt) return timer;
  return { ...timer, startedAt: null, elapsedMs: usedMs(timer, now.getTime()) };
}

/** Back to full and stopped, with this length. */
export function resetTimer(minutes: number): TimerState {
  return freshTimer(minutes);
}

/** A client's estimate of the server's clock: its own clock plus the offset seen when a state or event arrived. */
export function clockOffsetMs(serverNow: string, clientNowMs: number): number {
  return Date.parse(serverNow) - clientNowMs;
}

/** Remaining time as a client sees it, from the server's timer and the client's clock offset. */
export function remainingAtClient(timer: TimerState, clientNowMs: number, offsetMs: number): number {
  return remainingMs(timer, clientNowMs + offsetMs);
}

export type TimerWarning = 'none' | '10-minutes' | '5-minutes' | 'time';

/** The warning in force at this remaining time: at 10 and 5 minutes left, and at time (0 and past). */
export function timerWarning(remaining: number): TimerWarning {
  if (remaining <= 0) return 'time';
  if (remaining <= 5 * 60_000) return '5-minutes';
  if (remaining <= 10 * 60_000) return '10-minutes';
  return 'none';
}
