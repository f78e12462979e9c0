// Now by the server's clock: deadlines are judged by server time, so countdowns follow it, not the browser's clock.
import { useEffect, useState } from 'react';
import { useNow } from '../course-context.js';

/**
 * The server's clock as last seen (its `now` minus the browser's at that moment): deadlines are
 * judged by server time, so a browser whose clock is off still shows true countdowns.
 */
let serverOffsetMs = 0;
const listeners = new Set<(offset: number) => void>();

/** Records the server's time from a response that carries it (the student dashboard's `now`). */
export function noteServerTime(serverNow: string): void {
  const at = Date.parse(serverNow);
  if (!Number.isFinite(at)) return;
  serverOffsetMs = at - Date.now();
  for (const listener of listeners) listener(serverOffsetMs);
}

/** Now by the server's clock, refreshed every `everyMs` and whenever the server's time is learned. */
export function useServerNow(everyMs = 30_000): number {
  const [offset, setOffset] = useState(serverOffsetMs);
  useEffect(() => {
    listeners.add(setOffset);
    setOffset(serverOffsetMs);
    return () => {
      listeners.delete(setOffset);
    };
  }, []);
  return useNow(everyMs) + offset;
}

/**
 * The server clock's offset from the browser's in milliseconds: it changes only when the server's
 * time is learned anew (unlike a ticking "now"), so a form can seed its fields from server time
 * without resetting them on each tick.
 */
export function useServerOffset(): number {
  const [offset, setOffset] = useState(serverOffsetMs);
  useEffect(() => {
    listeners.add(setOffset);
    setOffset(serverOffsetMs);
    return () => {
      listeners.delete(setOffset);
    };
  }, []);
  return offset;
}
