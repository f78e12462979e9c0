// Live updates: the course's discussion events (Server-Sent Events); the page reloads what changed.
import { useEffect, useRef } from 'react';

export interface LiveEvent {
  kind: 'thread' | 'post' | 'change';
  threadId: string;
  postId: string | null;
}

/** Listens while mounted; the browser reconnects by itself after a dropped connection. */
export function useLiveUpdates(slug: string, onEvent: (e: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/courses/${encodeURIComponent(slug)}/discussions/events`);
    source.addEventListener('discussion', (e) => {
      try {
        handler.current(JSON.parse((e as MessageEvent<string>).data) as LiveEvent);
      } catch {
        // A malformed event is ignored: the next one (or a reload) brings the page up to date.
      }
    });
    return () => source.close();
  }, [slug]);
}
