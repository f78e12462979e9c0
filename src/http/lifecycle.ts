// An instance's place in its life: serving, or draining before it stops (the readiness check and the drain read it).
import type { FastifyInstance } from 'fastify';

export class Lifecycle {
  /** Set by drain(): /api/ready answers 503 and responses close their connections. */
  draining = false;
  /** When /api/ready was last asked (ms since epoch): a balancer watching it must see the drain. */
  lastReadyProbe = 0;

  /** True when something polled /api/ready within the last minute. */
  watched(now = Date.now()): boolean {
    return now - this.lastReadyProbe < 60_000;
  }
}

/** While draining, every response asks its client to close the connection, so keep-alive clients move on. */
export function closeConnectionsWhileDraining(app: FastifyInstance, lifecycle: Lifecycle): void {
  // A callback hook: no promise per response for a flag check.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (lifecycle.draining) reply.header('connection', 'close');
    done(null, payload);
  });
}
