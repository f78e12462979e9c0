// Countdown words: "due in 26 h", "due in 3 days", "1 h 5 min late".
import { toMillis } from '../../domain/due.js';

export function countdown(dueAt: string, now: Date): string {
  const ms = toMillis(dueAt) - now.getTime();
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const hours = Math.floor(abs / 3_600_000);
  const words =
    hours >= 72
      ? `${Math.floor(hours / 24)} days`
      : hours >= 1
        ? `${hours} h`
        : `${Math.max(1, minutes)} min`;
  return ms >= 0 ? `due in ${words}` : `${words} ago`;
}
