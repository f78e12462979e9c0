// Comments on passages of a summary hand-in: read the threads, comment on a passage, reply, resolve or reopen (staff and the summary's group).
import { z } from 'zod';
import {
  commentReplySchema,
  commentResolveSchema,
  commentThreadParamsSchema,
  newSummaryCommentSchema,
  summaryCommentParamsSchema,
  summaryOwnerQuerySchema,
} from '../../contracts/summary-comments.js';
import {
  commentOnSummary,
  listSummaryComments,
  replyToComment,
  resolveComment,
} from '../../services/comments/summary-comments.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { errors, workDepsOf, workOf } from './deliverables.js';

const tags = ['summary comments'];
const ok = z.object({}).passthrough();

export const summaryCommentRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => workDepsOf(app, deps);

  app.get(
    '/courses/:slug/deliverables/:key/meetings/:date/comments',
    {
      schema: {
        summary:
          "A summary's latest version with the comment threads on it, anchored or outdated (staff name the owner; a student reads their own group's)",
        tags,
        params: summaryCommentParamsSchema,
        querystring: summaryOwnerQuerySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { slug, key, date } = request.params;
      return listSummaryComments(svc(), await workOf(deps, request, slug), {
        deliverableKey: key,
        meetingDate: date,
        owner: request.query.owner,
      });
    },
  );

  app.post(
    '/courses/:slug/deliverables/:key/meetings/:date/comments',
    {
      schema: {
        summary:
          'Comment on a passage of the latest version (the quote with a little context around it); staff comments are mailed to the group',
        tags,
        params: summaryCommentParamsSchema,
        body: newSummaryCommentSchema,
        response: { 201: ok, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, key, date } = request.params;
      const { owner, ...input } = request.body;
      const result = await commentOnSummary(
        svc(),
        await workOf(deps, request, slug),
        {
          deliverableKey: key,
          meetingDate: date,
          owner,
        },
        input,
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/courses/:slug/comments/:threadId/replies',
    {
      schema: {
        summary: 'Reply to a comment on a summary (staff and the summary’s group)',
        tags,
        params: commentThreadParamsSchema,
        body: commentReplySchema,
        response: { 201: ok, ...errors },
      },
    },
    async (request, reply) => {
      const result = await replyToComment(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.threadId,
        request.body,
      );
      return reply.code(201).send(result);
    },
  );

  app.patch(
    '/courses/:slug/comments/:threadId',
    {
      schema: {
        summary: 'Resolve a comment thread on a summary, or reopen it (staff and the summary’s group)',
        tags,
        params: commentThreadParamsSchema,
        body: commentResolveSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      resolveComment(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.threadId,
        request.body,
      ),
  );
};
