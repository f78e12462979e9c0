// The room's live connection: Server-Sent Events resumed from the last event seen, after a drop or a phone's sleep.
import { useEffect, useRef, useState } from 'react';
import { CLOSED, OPEN, reconnectDelayMs, restartOnWake, resumeUrl } from './room-resume.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  /** One event of the stream, its data parsed as JSON. */
  onEvent: (type: string, data: unknown) => void;
  /**
   * The stream reopened after a gap, or the server said the gap is too long to replay ("reset"): the page reloads
   * the state it shows and answers the event id to resume after.
   */
  onResume: () => Promise<string | null>;
}

/**
 * Listens to `url` from event `startAfter` on while mounted and says how the connection is. The browser retries a
 * dropped stream by itself (sending Last-Event-ID); when it gives up, when a phone wakes, or when the server
 * cannot replay the gap, the stream is opened anew from the last event seen.
 */
export function useRoomEvents(
  url: string | null,
  startAfter: string | null,
  types: readonly string[],
  handlers: LiveHandlers,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlerRef = useRef(handlers);
  handlerRef.current = handlers;
  const firstId = useRef(startAfter);
  firstId.current ??= startAfter;
  const typesKey = types.join(' ');
  const ready = url !== null && startAfter !== null;
  useEffect(() => {
    if (!url || !ready || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastId: string | null = firstId.current;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let hiddenAt: number | null = null;
    let gap = false;
    let closed = false;
    const resume = () =>
      handlerRef.current.onResume().then(
        (id) => {
          if (id !== null) lastId = id;
        },
        () => undefined, // The page shows its own error; the stream keeps trying.
      );
    const receive = (type: string) => (e: Event) => {
      const message = e as MessageEvent<string>;
      if (message.lastEventId) lastId = message.lastEventId;
      if (type === 'reset') {
        source?.close();
        void resume().then(() => !closed && open());
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return; // A malformed event is skipped: the next one (or the resume) brings the page up to date.
      }
      handlerRef.current.onEvent(type, data);
    };
    const open = () => {
      clearTimeout(retry);
      source?.close();
      const next = new EventSource(resumeUrl(url, lastId));
      source = next;
      next.onopen = () => {
        attempt = 0;
        setStatus('live');
        if (gap) void resume();
        gap = false;
      };
      next.onerror = () => {
        gap = true;
        setStatus('reconnecting');
        if (next.readyState === CLOSED) retry = setTimeout(open, reconnectDelayMs(attempt++));
      };
      for (const type of typesKey.split(' ')) next.addEventListener(type, receive(type));
    };
    const wake = () => {
      gap = true;
      setStatus('reconnecting');
      open();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        return;
      }
      const slept = hiddenAt === null ? 0 : Date.now() - hiddenAt;
      hiddenAt = null;
      if (source && restartOnWake(source.readyState, slept)) wake();
    };
    const onOnline = () => {
      if (source?.readyState !== OPEN) wake();
    };
    open();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
    };
  }, [url, ready, typesKey]);
  return status;
}
