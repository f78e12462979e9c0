// Domain error codes raised by services; src/http/plugins/errors.ts maps each code to one HTTP status.

/**
 * Every code a use case may fail with. Add new codes here and give each a status in
 * src/http/plugins/errors.ts (the map there is exhaustive, so the compiler reminds you).
 */
export const ERROR_CODES = [
  /** Input failed validation (also used for zod errors at the HTTP edge). */
  'invalid_input',
  /** A course slug that is not lower-case letters, digits and hyphens, 1–64 chars. */
  'invalid_slug',
  /** A file that is not a syllabus: empty, binary, over 5 MB, or without a schedule. details.reason says which. */
  'invalid_syllabus',
  /** The thing asked for does not exist (or the viewer may not know it exists). */
  'not_found',
  /** The request conflicts with the current state. */
  'conflict',
  /** Sign-in required. */
  'unauthenticated',
  /** Signed in, but not allowed. */
  'forbidden',
  /** Too many requests; try later. */
  'rate_limited',
  /** An e-mailed or join link past its expiry (or withdrawn); the message says what to do. */
  'link_expired',
  /** A single-use link that was already used; the message says what to do. */
  'link_used',
  /** An uploaded file refused by the deliverable's file rules (type, content, archive, pages); details.reason says which. */
  'file_rejected',
  /** An upload over the deliverable's size limit. */
  'too_large',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure the user can act on: a code, a sentence saying what to do, and optional details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const SLUG_PATTERN = /^[a-z0-9-]{1,64}$/;

/** Throws invalid_slug unless the slug is lower-case letters, digits and hyphens, 1–64 characters. */
export function assertSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug)) {
    throw new DomainError(
      'invalid_slug',
      'A course slug uses lower-case letters, digits and hyphens only (1–64 characters), e.g. "cs598-genai-f24".',
    );
  }
}
