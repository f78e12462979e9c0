// When and from where the room's event stream reopens: pure rules, kept apart from the browser's EventSource.

/** Waits 1, 2, 4, 8 then 15 s between attempts to reopen a stream the browser gave up on. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt));
}

/** EventSource.readyState values (named here: the constants are missing where there is no EventSource). */
export const OPEN = 1;
export const CLOSED = 2;

/**
 * Whether a page coming back into view opens its stream anew: when the stream is not open, or when the page
 * slept long enough (a phone's screen off) that a silently dead connection is likely.
 */
export function restartOnWake(readyState: number, hiddenForMs: number): boolean {
  return readyState !== OPEN || hiddenForMs >= 30_000;
}

/** The stream's address resuming after `lastEventId` (a new EventSource cannot send the header itself). */
export function resumeUrl(url: string, lastEventId: string | null): string {
  if (!lastEventId) return url;
  return `${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(lastEventId)}`;
}
