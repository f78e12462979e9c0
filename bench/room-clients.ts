// The room bench's Server-Sent Events clients, run in a worker thread so that parsing 300 streams does not share the
// server's event loop (a browser's parsing never does): opens every stream, stamps each event's receipt, and once
// told the final counts, waits until every client shows them (or the time limit), then answers what it saw.
import { parentPort, workerData } from 'node:worker_threads';
import { openSse } from '../test/support/sse.js';

export interface ClientsInput {
  urls: string[];
  headers: Array<Record<string, string>>;
  /** Added to Date.now() so receipts are on the apps' (shifted) clock, as the commit stamps are. */
  shift: number;
}

export type ClientsMessage =
  { type: 'open' } | { type: 'done'; allFinal: boolean; receipts: Array<Array<[number, number]>> };

const input = workerData as ClientsInput;
const port = parentPort!;
const clients = await Promise.all(input.urls.map((url, i) => openSse(url, input.headers[i]!)));
const counts = clients.map(() => new Map<string, number>());
const receipts = clients.map(() => [] as Array<[number, number]>);
const readers = clients.map(async (client, i) => {
  for (;;) {
    const m = await client.next().catch(() => null);
    if (!m) return;
    receipts[i]!.push([m.id ?? -1, Date.now() + input.shift]);
    if (m.event === 'votes') {
      const data = JSON.parse(m.data) as { questionId: string; votes: number };
      counts[i]!.set(data.questionId, data.votes);
    }
  }
});
port.postMessage({ type: 'open' } satisfies ClientsMessage);
port.once('message', (msg: { expected: Array<[string, number]>; limitMs: number }) => {
  void (async () => {
    const settled = () => counts.every((c) => msg.expected.every(([id, votes]) => c.get(id) === votes));
    const deadline = Date.now() + msg.limitMs;
    while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const allFinal = settled();
    for (const c of clients) c.close();
    await Promise.all(readers);
    port.postMessage({ type: 'done', allFinal, receipts } satisfies ClientsMessage);
  })();
});
