// Request schemas of comments on summary passages: the hand-in (deliverable, class, owner), a quote selector, Markdown bodies. Shared by server and web.
import { z } from 'zod';

/** The longest comment or reply, in characters. */
export const COMMENT_MAX_LENGTH = 5000;

const noControl = (s: string) =>
  ![...s].some((ch) => ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t');

/** The key and date are only bounded here: the service answers 404 for ones the course does not have, after authorization. */
export const summaryCommentParamsSchema = z.object({
  slug: z.string(),
  key: z.string().max(40),
  date: z.string().max(40),
});

/** Whose summary: staff name the owner ("g:<group id>"); a student leaves it out (their own group's). */
export const summaryOwnerQuerySchema = z.object({ owner: z.string().max(80).optional() });

export const commentThreadParamsSchema = z.object({ slug: z.string(), threadId: z.string().max(40) });

const bodySchema = z
  .string()
  .max(COMMENT_MAX_LENGTH, `Keep the comment under ${COMMENT_MAX_LENGTH} characters.`)
  .refine(noControl, 'Control characters are not allowed.');

const quotePart = (max: number) => z.string().max(max, 'The selected passage is too long.');

export const newSummaryCommentSchema = z.object({
  owner: z.string().max(80).optional(),
  /** The version the passage was selected in (a newer one makes the request a conflict). */
  version: z.number().int().min(1),
  quote: z.object({ exact: quotePart(2000), prefix: quotePart(128), suffix: quotePart(128) }),
  body: bodySchema,
});

export const commentReplySchema = z.object({ body: bodySchema });

export const commentResolveSchema = z.object({ resolved: z.boolean() });
