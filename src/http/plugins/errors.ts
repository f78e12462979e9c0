// The one place that turns failures into HTTP answers: domain codes -> statuses, zod -> 400, unknown /api -> 404 JSON.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../../services/errors.js';

/** HTTP status of every domain error code (exhaustive: a new code will not compile without one). */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_slug: 400,
  invalid_syllabus: 422,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  link_expired: 410,
  link_used: 410,
  file_rejected: 422,
  too_large: 413,
};

/** Codes for failures that happen at the HTTP edge, before any use case runs. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Sends an error body with a status; for handlers that answer an error without throwing. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(errorBody(code, message, details));
}

function zodDetails(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function describeValidation(error: ZodError, context: string | undefined): string {
  const first = error.issues[0];
  const where = [context, ...(first?.path.map(String) ?? [])].filter(Boolean).join('.');
  return first ? `Invalid ${where || 'input'}: ${first.message}` : 'Invalid input.';
}

/**
 * Installs the error handler and the not-found handler on the root instance (so every route
 * plugin inherits them). `fallback` may answer non-API GETs (the web client) before the 404.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown,
): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof DomainError) {
      return sendError(reply, STATUS_BY_CODE[err.code], err.code, err.message, err.details);
    }
    if (err instanceof ZodError) {
      const context = (err as { validationContext?: string }).validationContext;
      return sendError(reply, 400, 'invalid_input', describeValidation(err, context), zodDetails(err));
    }
    const fe = err as FastifyError;
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (fe.validation) {
      return sendError(reply, 400, 'invalid_input', fe.message, fe.validation);
    }
    if (status >= 400 && status < 500) {
      const code =
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
          ? 'invalid_json'
          : (CODE_BY_STATUS[status] ?? 'bad_request');
      // Fastify's own 4xx messages are safe and short (e.g. "Body is too large"); keep them.
      return sendError(reply, status, code, fe.message || 'Bad request.');
    }
    request.log.error({ err }, 'request failed');
    if (status === 503)
      return sendError(reply, 503, 'unavailable', 'The service is unavailable; try again shortly.');
    return sendError(reply, 500, 'internal', 'Something went wrong on our side; the error has been logged.');
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      fallback &&
      !path.startsWith('/api/') &&
      path !== '/api' &&
      (request.method === 'GET' || request.method === 'HEAD')
    ) {
      return fallback(request, reply);
    }
    return sendError(reply, 404, 'not_found', `No route for ${request.method} ${path.slice(0, 200)}.`);
  });
}
