// The room's timer in words: its display, the warnings at 10, 5 and 0 minutes, and when a screen reader hears them.
import type { TimerWarning } from '../../../../src/domain/room-timer.js';
import { isoAt } from '../../time.js';

/** Whole seconds left (rounded up, so 0 means time is up) or over time (from the first whole second past). */
function wholeSeconds(ms: number): { over: boolean; seconds: number } {
  const over = ms <= -1000;
  return { over, seconds: over ? Math.floor(-ms / 1000) : Math.max(0, Math.ceil(ms / 1000)) };
}

/** "39:59", "4:05", "0:00"; over time "+1:12". Whole seconds, rounded up while time is left so 0:00 means time is up. */
export function clockText(ms: number): string {
  const { over, seconds } = wholeSeconds(ms);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${over ? '+' : ''}${m}:${String(s).padStart(2, '0')}`;
}

/** The same time in words for screen readers: "39 minutes 59 seconds left", "1 minute 12 seconds over time". */
export function clockWords(ms: number): string {
  const { over, seconds } = wholeSeconds(ms);
  if (seconds === 0) return 'Time is up';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [m ? `${m} minute${m === 1 ? '' : 's'}` : '', s ? `${s} second${s === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' ');
  return `${parts} ${over ? 'over time' : 'left'}`;
}

/** What the warning says, on screen and to screen readers. */
export function warningWords(warning: TimerWarning): string | null {
  switch (warning) {
    case '10-minutes':
      return 'Last 10 minutes';
    case '5-minutes':
      return 'Last 5 minutes';
    case 'time':
      return 'Time is up';
    default:
      return null;
  }
}

const ORDER: TimerWarning[] = ['none', '10-minutes', '5-minutes', 'time'];

/**
 * What to announce when the warning moves from `before` to `now` while the timer runs: only a step forward
 * (10 → 5 → time) speaks, so a reset or a late joiner's first reading stays silent and a screen reader hears
 * three announcements in a talk, not one a second.
 */
export function announcement(
  before: TimerWarning | null,
  now: TimerWarning,
  running: boolean,
): string | null {
  if (before === null || !running) return null;
  return ORDER.indexOf(now) > ORDER.indexOf(before) ? warningWords(now) : null;
}

/**
 * The server's time at the moment its answer arrived: its `now` plus half the round trip (the answer was
 * written about midway), so the offset to the browser's clock does not carry the network delay.
 */
export function serverTimeAtReceipt(
  serverNow: string,
  sentAtMs: number,
  receivedAtMs: number,
): string | null {
  const at = Date.parse(serverNow);
  if (!Number.isFinite(at)) return null;
  const half = Math.max(0, receivedAtMs - sentAtMs) / 2;
  return isoAt(at + half);
}
