// The class timer: start, pause, resume, reset, overtime, a client's clock offset, the warnings.
import { describe, expect, it } from 'vitest';
import {
  clockOffsetMs,
  freshTimer,
  pauseTimer,
  remainingAtClient,
  remainingMs,
  resetTimer,
  startTimer,
  timerWarning,
} from '../../src/domain/room-timer.js';

const at = (min: number, sec = 0) => new Date(Date.UTC(2026, 11, 8, 9, min, sec));

describe('room timer', () => {
  it('runs from its length once started and keeps the time used across a pause and a resume', () => {
    const t0 = freshTimer(40);
    expect(remainingMs(t0, at(30).getTime())).toBe(40 * 60_000);
    const running = startTimer(t0, at(0));
    expect(remainingMs(running, at(10).getTime())).toBe(30 * 60_000);
    const paused = pauseTimer(running, at(12));
    expect(paused.startedAt).toBeNull();
    expect(remainingMs(paused, at(50).getTime())).toBe(28 * 60_000);
    const resumed = startTimer(paused, at(20));
    expect(remainingMs(resumed, at(23).getTime())).toBe(25 * 60_000);
  });

  it('starting a running timer or pausing a stopped one changes nothing', () => {
    const running = startTimer(freshTimer(40), at(0));
    expect(startTimer(running, at(5))).toBe(running);
    const stopped = freshTimer(40);
    expect(pauseTimer(stopped, at(5))).toBe(stopped);
  });

  it('goes negative past time and reset brings it back full and stopped', () => {
    const running = startTimer(freshTimer(1), at(0));
    expect(remainingMs(running, at(2).getTime())).toBe(-60_000);
    const reset = resetTimer(30);
    expect(reset).toEqual({ durationMs: 30 * 60_000, startedAt: null, elapsedMs: 0 });
  });

  it('a clock stepping back before the start never adds time', () => {
    const running = startTimer(freshTimer(40), at(10));
    expect(remainingMs(running, at(5).getTime())).toBe(40 * 60_000);
  });

  it('a client whose clock runs 7 s late sees the server remaining time', () => {
    const running = startTimer(freshTimer(40), at(0));
    const serverNow = at(10).toISOString();
    const clientNow = at(10).getTime() - 7000;
    const offset = clockOffsetMs(serverNow, clientNow);
    expect(offset).toBe(7000);
    expect(remainingAtClient(running, clientNow + 60_000, offset)).toBe(29 * 60_000);
  });

  it('warns at 10 and 5 minutes left and at time', () => {
    expect(timerWarning(10 * 60_000 + 1)).toBe('none');
    expect(timerWarning(10 * 60_000)).toBe('10-minutes');
    expect(timerWarning(5 * 60_000)).toBe('5-minutes');
    expect(timerWarning(1)).toBe('5-minutes');
    expect(timerWarning(0)).toBe('time');
    expect(timerWarning(-5000)).toBe('time');
  });
});
