// Hand-ins: text (questions, Markdown summaries) as JSON, files as a streamed multipart upload; receipts; staff reviews.
import fastifyMultipart from '@fastify/multipart';
import {
  looseObjectSchema,
  receiptSchema,
  reviewBodySchema,
  submissionParamsSchema,
  textSubmissionBodySchema,
  uploadQuerySchema,
} from '../../contracts/work.js';
import { TooLargeError, type TempFile } from '../../files/blob-store.js';
import { DEFAULT_MAX_BYTES } from '../../domain/deliverables.js';
import { authorize } from '../../services/enrollment/course-access.js';
import { DomainError } from '../../services/errors.js';
import { findDeliverable } from '../../services/work/context.js';
import { chooseCountedVersion, clearCountedChoice, reviewSubmission } from '../../services/work/staff.js';
import { submitWork } from '../../services/work/submit.js';
import type { RoutePlugin } from '../deps.js';
import { presentReceipt } from '../presenters/receipt.js';
import { slugParamsSchema } from './courses.js';
import { errors, tags, workDepsOf, workOf } from './deliverables.js';

/** The largest upload any deliverable may set; each deliverable's own limit is enforced while streaming. */
const HARD_LIMIT = 1024 * 1024 * 1024;

export const submissionRoutes: RoutePlugin = async (app, { deps }) => {
  // preservePath: the name as sent, so that a traversal name is refused rather than silently cut.
  await app.register(fastifyMultipart, {
    preservePath: true,
    limits: { files: 1, fields: 0, parts: 2, fileSize: HARD_LIMIT, headerPairs: 100 },
  });

  app.post(
    '/courses/:slug/submissions',
    {
      schema: {
        summary:
          'Hand in text: a question (per reading) or a Markdown summary; answers the receipt (students)',
        tags,
        params: slugParamsSchema,
        body: textSubmissionBodySchema,
        response: { 201: receiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const now = deps.clock();
      const { slug } = request.params;
      const body = request.body;
      const work = await workOf(deps, request, slug);
      const receipt = await submitWork(workDepsOf(app, deps), work, {
        deliverableKey: body.deliverableKey,
        meetingDate: body.meetingDate ?? null,
        readingIndex: body.readingIndex ?? null,
        text: body.text,
        file: null,
        acknowledgePolicy: body.acknowledgePolicy === true,
        now,
      });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(presentReceipt(receipt));
    },
  );

  app.post(
    '/courses/:slug/submissions/upload',
    {
      schema: {
        summary:
          'Hand in a file (multipart/form-data, one file part); type checked by content; answers the receipt (students)',
        tags,
        params: slugParamsSchema,
        querystring: uploadQuerySchema,
        response: { 201: receiptSchema, 413: errors[400], 422: errors[400], ...errors },
      },
    },
    async (request, reply) => {
      const now = deps.clock();
      const { slug } = request.params;
      const query = request.query;
      const work = await workOf(deps, request, slug);
      // Who and what first: nothing is read from the body of a request that will be refused.
      authorize(work.access, 'submitWork');
      const { spec } = findDeliverable(work, query.deliverableKey ?? '');
      if (!spec.fileRules)
        throw new DomainError('file_rejected', `"${spec.title}" is handed in as text, not as a file.`, {
          reason: 'no-files',
        });
      if (!request.isMultipart())
        throw new DomainError('invalid_input', 'Send the file as multipart/form-data with one file part.', {
          field: 'file',
        });
      const wd = workDepsOf(app, deps);
      const limit = spec.fileRules.maxBytes ?? DEFAULT_MAX_BYTES;
      let temp: TempFile | null = null;
      try {
        const part = await request.file({ limits: { fileSize: limit + 1 } });
        if (!part) throw new DomainError('invalid_input', 'No file was sent.', { field: 'file' });
        const name = part.filename ?? 'file';
        try {
          temp = await wd.files.receive(part.file, limit);
        } catch (error) {
          if (error instanceof TooLargeError)
            throw new DomainError(
              'too_large',
              `The file is larger than the ${Math.round(limit / 1048576)} MB limit of "${spec.title}".`,
              { reason: 'too-large', limit },
            );
          throw new DomainError(
            'invalid_input',
            'The upload was interrupted; nothing was recorded. Try again.',
            { reason: 'interrupted' },
          );
        }
        if (temp.truncated)
          throw new DomainError('too_large', `The file is larger than the limit of "${spec.title}".`, {
            reason: 'too-large',
            limit,
          });
        const receipt = await submitWork(wd, work, {
          deliverableKey: spec.key,
          meetingDate: query.meetingDate ?? null,
          readingIndex: null,
          text: null,
          file: { temp, name },
          acknowledgePolicy: query.acknowledgePolicy === 'true',
          now,
        });
        temp = null;
        reply.header('cache-control', 'no-store');
        return reply.code(201).send(presentReceipt(receipt));
      } finally {
        // Refused or failed: the temp file goes (a committed one was already renamed away).
        if (temp) await wd.files.discard(temp);
      }
    },
  );

  app.post(
    '/courses/:slug/submissions/:submissionId/reviews',
    {
      schema: {
        summary: 'Comment on a hand-in, or approve / return a proposal (staff)',
        tags,
        params: submissionParamsSchema,
        body: reviewBodySchema,
        response: { 201: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, submissionId } = request.params;
      const work = await workOf(deps, request, slug);
      authorize(work.access, 'grade');
      return reply
        .code(201)
        .send(await reviewSubmission(workDepsOf(app, deps), work, submissionId, request.body));
    },
  );

  app.post(
    '/courses/:slug/submissions/:submissionId/count',
    {
      schema: {
        summary: 'Make this version the one that counts (staff)',
        tags,
        params: submissionParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, submissionId } = request.params;
      const work = await workOf(deps, request, slug);
      return chooseCountedVersion(workDepsOf(app, deps), work, submissionId);
    },
  );

  app.delete(
    '/courses/:slug/submissions/:submissionId/count',
    {
      schema: {
        summary:
          'Undo staff’s choice of the counted version of this hand-in: the last version on time counts again (staff)',
        tags,
        params: submissionParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, submissionId } = request.params;
      const work = await workOf(deps, request, slug);
      reply.header('cache-control', 'no-store');
      return clearCountedChoice(workDepsOf(app, deps), work, submissionId);
    },
  );
};
