// HAProxy in front of the cluster suite's instances: round robin, no stickiness, health check on /api/ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Balancer {
  url: string;
  /** The HAProxy process (for the bench's CPU accounting). */
  pid: number;
  /** Each server's state as HAProxy sees it (UP, DOWN, …), by name. */
  states(): Promise<Record<string, string>>;
  /** Resolves once server `name` is in `state` (polling the stats socket). */
  waitFor(name: string, state: 'UP' | 'DOWN'): Promise<void>;
  stop(): Promise<void>;
}

/** Servers are named a, b, … in the order of `ports`; each response says which one answered (x-served-by). */
export async function startHaproxy(dir: string, ports: number[]): Promise<Balancer> {
  const port = await freePort();
  const socket = join(dir, 'haproxy.sock');
  const names = ports.map((_, i) => String.fromCharCode(97 + i));
  const config = [
    'global',
    `  stats socket ${socket} mode 600 level admin`,
    '  maxconn 4000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  option forwardfor',
    '  timeout check 2s',
    // A request to an instance that closed, or that answered 503 while stopping, goes to the other one.
    '  option redispatch 1',
    '  retries 3',
    '  retry-on conn-failure empty-response 503',
    'frontend web',
    `  bind 127.0.0.1:${port}`,
    '  default_backend seminar',
    'backend seminar',
    '  balance roundrobin',
    '  option httpchk GET /api/ready',
    '  http-check expect status 200',
    '  http-response set-header x-served-by %[srv_name]',
    // A slow check under load is not a failure (timeout check above); two failed checks take a server out.
    '  default-server inter 250ms fall 2 rise 1',
    ...ports.map((p, i) => `  server ${names[i]} 127.0.0.1:${p} check`),
    '',
  ].join('\n');
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const states = () =>
    new Promise<Record<string, string>>((resolve, reject) => {
      const conn = createConnection(socket);
      let out = '';
      conn.on('data', (d: Buffer) => (out += d.toString()));
      conn.on('error', reject);
      conn.on('end', () => {
        const result: Record<string, string> = {};
        for (const line of out.split('\n')) {
          const cols = line.split(',');
          if (cols[0] === 'seminar' && names.includes(cols[1] ?? ''))
            result[cols[1]!] = (cols[17] ?? '').split(' ')[0]!;
        }
        resolve(result);
      });
      conn.write('show stat\n');
    });
  const waitFor = async (name: string, state: 'UP' | 'DOWN') => {
    for (let i = 0; i < 600; i++) {
      const now = await states().catch(() => ({}) as Record<string, string>);
      if (now[name] === state) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`HAProxy never saw ${name} ${state}: ${JSON.stringify(await states())} ${err}`);
  };
  for (const name of names) await waitFor(name, 'UP');
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    states,
    waitFor,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
