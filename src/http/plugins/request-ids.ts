// Request ids: taken from a balancer's X-Request-Id when it looks like one, else made here; answered in X-Request-Id.
// The id rides on the request's viewer (and on the request meta of anonymous mail requests) into the mail it queues,
// so the log line of that mail's sending names it. (Named explicitly rather than carried by AsyncLocalStorage: its
// promise hooks cost every promise of every request about a tenth of the hand-in path on Node 20.)
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const GIVEN_ID = /^[\w.:-]{8,64}$/;

/** Fastify's genReqId: the incoming X-Request-Id if sane (one id across balancer and instances), else a fresh UUID. */
export function requestIdOf(request: { headers: FastifyRequest['headers'] }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
}

export async function requestIdPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
}
