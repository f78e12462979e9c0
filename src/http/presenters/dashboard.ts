// Dashboards go out as the services build them; this marks them uncacheable (they change with every hand-in).
import type { FastifyReply } from 'fastify';

export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}
