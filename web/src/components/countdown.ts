// Countdown words for a deadline as the student reads them ("due in 26 h", "due in 3 days", "2 days ago") and how urgent it is.

export type Urgency = 'past' | 'soon' | 'week' | 'later';

export interface Countdown {
  /** "due in 26 h", "due in 45 min", "due in 4 days", or "3 h ago" once it has passed. */
  words: string;
  urgency: Urgency;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The same words the server's dashboard uses (src/services/dashboard/countdown.ts), from the browser's clock so they stay true. */
export function countdownTo(dueAt: string, now: number): Countdown {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / HOUR);
  const span =
    hours >= 72
      ? `${Math.floor(hours / 24)} days`
      : hours >= 1
        ? `${hours} h`
        : `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  if (ms < 0) return { words: `${span} ago`, urgency: 'past' };
  return {
    words: `due in ${span}`,
    urgency: ms <= 48 * HOUR ? 'soon' : ms <= 7 * 24 * HOUR ? 'week' : 'later',
  };
}
