// Request ids: taken from a balancer's X-Request-Id when it looks like one, else made here; answered in X-Request-Id, and
// carried (AsyncLocalStorage) into what the request queues, so the mail it causes is logged with its id.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runForRequest } from '../../request-context.js';

const GIVEN_ID = /^[\w.:-]{8,64}$/;

/** Fastify's genReqId: the incoming X-Request-Id if sane (one id across balancer and instances), else a fresh UUID. */
export function requestIdOf(request: { headers: FastifyRequest['headers'] }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
}

export async function requestIdPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    runForRequest(request.id, done);
  });
  // The body is read in the socket's own async context: enter the request's again before the handler.
  app.addHook('preValidation', (request, _reply, done) => runForRequest(request.id, done));
}
