// A small Server-Sent Events client over fetch: each message's id, event and data, in order, as they arrive.
export interface SseMessage {
  id: number | null;
  event: string;
  data: string;
}

export interface SseClient {
  status: number;
  /** The next message (comments skipped); rejects when the stream ends. */
  next: () => Promise<SseMessage>;
  close: () => void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { ...headers, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<SseMessage> => {
    for (;;) {
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        if (fields.has('data'))
          return {
            id: fields.has('id') ? Number(fields.get('id')) : null,
            event: fields.get('event') ?? 'message',
            data: fields.get('data')!,
          };
        cut = buffer.indexOf('\n\n');
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { status: res.status, next, close: () => abort.abort() };
}
