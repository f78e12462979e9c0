// Downloads as attachments with nosniff: one hand-in (owners and staff), or a whole class / deliverable as one streamed zip (staff).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  deliverableParamsSchema,
  meetingParamsSchema,
  submissionParamsSchema,
} from '../../contracts/work.js';
import { downloadAll, downloadSubmission, type Download } from '../../services/work/downloads.js';
import type { RoutePlugin } from '../deps.js';
import { errors, tags, workDepsOf, workOf } from './deliverables.js';

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `?inline=1` asks to show a hand-in in the page (the grading queue's PDF viewer); anything else downloads. */
const downloadQuerySchema = z.object({ inline: z.enum(['0', '1']).optional() });

const PDF = 'application/pdf';

/**
 * A PDF asked for inline is shown in a frame of the site's own pages only: `inline` disposition, and a policy
 * that lets nothing else load and only the same origin frame it. Every other type stays an attachment.
 */
function send(reply: FastifyReply, d: Download, inline = false) {
  const shown = inline && d.type === PDF;
  reply.header('content-type', d.type);
  reply.header('content-disposition', attachment(d.name, shown ? 'inline' : 'attachment'));
  if (shown) {
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'self'");
    reply.header('x-frame-options', 'SAMEORIGIN');
  }
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
        summary:
          'Download a hand-in as an attachment, or show a PDF inline with ?inline=1 (its owners and staff)',
        tags,
        params: submissionParamsSchema,
        querystring: downloadQuerySchema,
        response: errors,
      },
    },
    async (request, reply) => {
      const { slug, submissionId } = request.params;
      return send(
        reply,
        await downloadSubmission(workDepsOf(app, deps), await workOf(deps, request, slug), submissionId),
        request.query.inline === '1',
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
