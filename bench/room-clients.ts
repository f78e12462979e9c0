// The room bench's Server-Sent Events clients, run in a child process so that reading 300 streams does not share the
// server's event loop or its CPU count (a browser never does): opens every stream with plain node:http, stamps each
// chunk's receipt (every message in one chunk arrived together), and once told the final counts, waits until every
// client shows them (or the time limit), then answers what it saw.
import http from 'node:http';

export interface ClientsInput {
  urls: string[];
  headers: Array<Record<string, string>>;
  /** Added to Date.now() so receipts are on the apps' (shifted) clock, as the commit stamps are. */
  shift: number;
}

export type ClientsMessage =
  { type: 'open' } | { type: 'done'; allFinal: boolean; receipts: Array<Array<[number, number]>> };

type Command =
  | { type: 'start'; input: ClientsInput }
  | { type: 'finish'; expected: Array<[string, number]>; limitMs: number };

const send = (msg: ClientsMessage) => process.send!(msg);

interface Client {
  counts: Map<string, number>;
  receipts: Array<[number, number]>;
  request: http.ClientRequest;
  ended: Promise<void>;
}

/** Reads one message block's fields that the bench needs (id, event, data); blocks without data are comments. */
function readBlock(block: string, client: Client, at: number): void {
  let id = -1;
  let event = 'message';
  let data: string | null = null;
  for (const line of block.split('\n')) {
    if (line.startsWith('id: ')) id = Number(line.slice(4));
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data = line.slice(6);
  }
  if (data === null) return;
  client.receipts.push([id, at]);
  if (event === 'votes') {
    const parsed = JSON.parse(data) as { questionId: string; votes: number };
    client.counts.set(parsed.questionId, parsed.votes);
  }
}

function open(url: string, headers: Record<string, string>, shift: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { ...headers, accept: 'text/event-stream' }, agent: false });
    request.on('error', reject);
    request.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`the stream answered ${res.statusCode}`));
      let ended!: () => void;
      const client: Client = {
        counts: new Map(),
        receipts: [],
        request,
        ended: new Promise<void>((r) => (ended = r)),
      };
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = Date.now() + shift;
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        let from = 0;
        while (cut >= 0) {
          readBlock(buffer.slice(from, cut), client, at);
          from = cut + 2;
          cut = buffer.indexOf('\n\n', from);
        }
        buffer = buffer.slice(from);
      });
      res.on('close', ended);
      res.on('error', ended);
      resolve(client);
    });
  });
}

let clients: Client[] = [];

process.on('message', (command: Command) => {
  void (async () => {
    if (command.type === 'start') {
      const { urls, headers, shift } = command.input;
      clients = await Promise.all(urls.map((url, i) => open(url, headers[i]!, shift)));
      send({ type: 'open' });
      return;
    }
    const settled = () => clients.every((c) => command.expected.every(([id, n]) => c.counts.get(id) === n));
    const deadline = Date.now() + command.limitMs;
    while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const allFinal = settled();
    for (const c of clients) c.request.destroy();
    await Promise.all(clients.map((c) => c.ended));
    send({ type: 'done', allFinal, receipts: clients.map((c) => c.receipts) });
  })();
});
