// GET /metrics (Prometheus text): request rate and latency by route pattern, hand-ins, the mail queue, reminder lag, live feeds.
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../../config.js';
import { readMailQueueGauges } from '../../services/operations/queue-stats.js';
import type { AppDeps } from '../deps.js';
import { sendError } from './errors.js';

/** What other parts of the app count into (one set per app instance: tests build several in one process). */
export interface AppMetrics {
  registry: Registry;
  /** Open live-update streams (Server-Sent Events), by feed: inc() when one opens, dec() when it closes. */
  sseConnections: Gauge<'feed'>;
  /** The notification loop reports each finished reminder run here (reminder lag counts from it). */
  remindersRan(at: Date): void;
}

const HANDIN_ROUTES: Record<string, 'text' | 'file'> = {
  '/api/courses/:slug/submissions': 'text',
  '/api/courses/:slug/submissions/upload': 'file',
};

export async function metricsPlugin(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'seminar_' });
  const requests = new Counter({
    name: 'seminar_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'seminar_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const handins = new Counter({
    name: 'seminar_handins_total',
    help: 'Hand-ins accepted (a version stored and its receipt answered), by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const sseConnections = new Gauge({
    name: 'seminar_sse_connections',
    help: 'Open live-update streams (Server-Sent Events), by feed.',
    labelNames: ['feed'] as const,
    registers: [registry],
  });
  let lastReminders: Date | null = null;
  new Gauge({
    name: 'seminar_reminder_lag_seconds',
    help: 'Seconds since the last finished reminder run of this instance (-1 before the first).',
    registers: [registry],
    collect() {
      this.set(lastReminders ? (deps.clock().getTime() - lastReminders.getTime()) / 1000 : -1);
    },
  });
  const queue = new Gauge({
    name: 'seminar_mail_queue',
    help: 'Mail jobs in the queue (shared by every instance), by state: pending (waiting or retrying), retrying, failed (given up).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const g = await readMailQueueGauges({ db: deps.db, clock: deps.clock });
      queue.set({ state: 'pending' }, g.pending);
      queue.set({ state: 'retrying' }, g.retrying);
      queue.set({ state: 'failed' }, g.gaveUp);
      queueAge.set(g.oldestWaitSeconds);
    },
  });
  const queueAge = new Gauge({
    name: 'seminar_mail_queue_oldest_seconds',
    help: 'Seconds the oldest waiting mail job has waited (0 when none waits).',
    registers: [registry],
  });

  app.decorate('metrics', {
    registry,
    sseConnections,
    remindersRan: (at: Date) => {
      lastReminders = at;
    },
  } satisfies AppMetrics);

  // A callback hook (no promise per request); elapsedTime is the reply's own clock, no timer of ours.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    requests.inc({ method: request.method, route, status });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    const kind = HANDIN_ROUTES[route];
    if (kind && request.method === 'POST' && status === 201) handins.inc({ kind });
    done();
  });

  const allowed = metricsAccess(deps.config);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return sendError(reply, 404, 'not_found', 'Not found.');
    reply.header('content-type', registry.contentType).header('cache-control', 'no-store');
    return registry.metrics();
  });
}

/** Who may read /metrics: an address in METRICS_ALLOW, or the bearer token METRICS_TOKEN. Nobody when neither is set. */
export function metricsAccess(config: Readonly<Config>): (request: FastifyRequest) => boolean {
  const list = new BlockList();
  for (const entry of config.metricsAllow) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  const token = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : null;
  return (request) => {
    const given = request.headers.authorization;
    if (token && typeof given === 'string') {
      const bytes = Buffer.from(given);
      if (bytes.length === token.length && timingSafeEqual(bytes, token)) return true;
    }
    const ip = (request.ip ?? '').replace(/^::ffff:(?=\d+\.)/, '');
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}
