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
  /** Writes the first comment (the client knows it is connected), when `announceLater` held it back. */
  announce: () => void;
  end: () => void;
  ended: () => boolean;
}

/** Counts open streams by feed (the metrics gauge). */
interface StreamGauge {
  inc: (labels: { feed: string }) => void;
  dec: (labels: { feed: string }) => void;
}

export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: {
    heartbeatMs: number;
    onEnd: () => void;
    /** Open streams are counted under this feed's name. */
    gauge?: { metric: StreamGauge; feed: string };
    /** The first comment waits for `announce()` (a feed without resume says "connected" once it follows). */
    announceLater?: boolean;
  },
): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const write = (text: string | Buffer) => {
    if (done) return;
    res.write(text);
    // The cork taken by this write (see above) is let go now; the response's own uncork later finds none.
    if (res.socket?.writableCorked) res.socket.uncork();
  };
  const announce = () => write('retry: 3000\n: connected\n\n');
  const gauge = opts.gauge;
  gauge?.metric.inc({ feed: gauge.feed });
  const beat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs);
  beat.unref();
  let done = false;
  const end = () => {
    if (done) return;
    done = true;
    gauge?.metric.dec({ feed: gauge.feed });
    clearInterval(beat);
    opts.onEnd();
    if (!res.writableEnded) res.end();
  };
  request.raw.on('close', end);
  if (!opts.announceLater) announce();
  return {
    send: (event, data, id) =>
      write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    write,
    announce,
    end,
    ended: () => done,
  };
}
