// Opening a Server-Sent Events response: headers, a heartbeat comment so proxies keep the connection, and an end
// that runs once (client gone, app closing). Messages leave at once: Node's response corks its socket on a write and
// uncorks it on the next tick, which waits behind every promise already queued (a burst of writes can hold the
// loop's microtasks for a while); an event shown late is what this stream exists to avoid.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  /** Writes one message: `id:` (when given), `event:` and the JSON data. */
  send: (event: string, data: unknown, id?: number) => void;
  /** Writes messages already made (the same bytes for every connection that shows them alike), sent at once. */
  write: (text: string | Buffer) => void;
  end: () => void;
  ended: () => boolean;
}

export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { heartbeatMs: number; onEnd: () => void },
): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n: connected\n\n');
  const beat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs);
  beat.unref();
  let done = false;
  const end = () => {
    if (done) return;
    done = true;
    clearInterval(beat);
    opts.onEnd();
    if (!res.writableEnded) res.end();
  };
  request.raw.on('close', end);
  return {
    send: (event, data, id) => {
      if (done) return;
      res.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    write: (text) => {
      if (done) return;
      res.write(text);
      // The cork taken by this write (see above) is let go now; the response's own uncork later finds none.
      if (res.socket?.writableCorked) res.socket.uncork();
    },
    end,
    ended: () => done,
  };
}
