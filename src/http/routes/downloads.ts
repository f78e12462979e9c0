// Downloads as attachments with nosniff: one hand-in (owners and staff), or a whole class / deliverable as one streamed zip (staff).
import type { FastifyReply } from 'fastify';
import {
  deliverableParamsSchema,
  meetingParamsSchema,
  submissionParamsSchema,
} from '../../contracts/work.js';
import { downloadAll, downloadSubmission, type Download } from '../../services/work/downloads.js';
import type { RoutePlugin } from '../deps.js';
import { errors, tags, workDepsOf, workOf } from './deliverables.js';

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function send(reply: FastifyReply, d: Download) {
  reply.header('content-type', d.type);
  reply.header('content-disposition', attachment(d.name));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'private, no-store');
  if (d.size !== null) reply.header('content-length', String(d.size));
  return reply.send(d.stream);
}

export const downloadRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses/:slug/submissions/:submissionId/download',
    {
      schema: {
        summary: 'Download a hand-in as an attachment (its owners and staff)',
        tags,
        params: submissionParamsSchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const { slug, submissionId } = request.params;
      return send(
        reply,
        await downloadSubmission(workDepsOf(app, deps), await workOf(deps, request, slug), submissionId),
      );
    },
  );

  app.get(
    '/courses/:slug/meetings/:date/download',
    {
      schema: {
        summary: 'Every counted hand-in of a class as one zip (staff)',
        tags,
        params: meetingParamsSchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const { slug, date } = request.params;
      return send(
        reply,
        await downloadAll(workDepsOf(app, deps), await workOf(deps, request, slug), { meetingDate: date }),
      );
    },
  );

  app.get(
    '/courses/:slug/deliverables/:key/download',
    {
      schema: {
        summary: 'Every counted hand-in of a deliverable as one zip (staff)',
        tags,
        params: deliverableParamsSchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const { slug, key } = request.params;
      return send(
        reply,
        await downloadAll(workDepsOf(app, deps), await workOf(deps, request, slug), { deliverableKey: key }),
      );
    },
  );
};
