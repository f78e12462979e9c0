// Request schemas of discussions and Q&A: opening a class discussion, asking, replying, editing, moderating, search. Shared by server and web.
import { z } from 'zod';
import { POST_BODY_MAX, QUESTION_CATEGORIES, REACTIONS, THREAD_TITLE_MAX } from '../domain/discussions.js';

const noControl = (s: string) =>
  ![...s].some((ch) => ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t');

export const postBodySchema = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(POST_BODY_MAX, `Keep a post under ${POST_BODY_MAX} characters.`)
  .refine(noControl, 'Control characters are not allowed.');

const titleSchema = z
  .string()
  .trim()
  .min(1, 'Give the question a title.')
  .max(THREAD_TITLE_MAX, `Keep the title under ${THREAD_TITLE_MAX} characters.`)
  .refine((s) => noControl(s) && !/[\n\r\t]/.test(s), 'A title is one line.');

const id = z.string().max(40);

export const threadParamsSchema = z.object({ slug: z.string(), threadId: id });
export const postParamsSchema = z.object({ slug: z.string(), postId: id });

export const discussionListQuerySchema = z.object({
  kind: z.enum(['class', 'question']).optional(),
  category: z.enum(QUESTION_CATEGORIES).optional(),
  resolved: z.enum(['true', 'false']).optional(),
});

export const discussionSearchQuerySchema = z.object({
  q: z.string().max(200, 'Keep the search under 200 characters.').default(''),
});

export const newThreadSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('class'),
    meetingId: id,
    body: postBodySchema,
    anonymous: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('question'),
    title: titleSchema,
    category: z.enum(QUESTION_CATEGORIES),
    body: postBodySchema,
    anonymous: z.boolean().optional(),
    private: z.boolean().optional(),
  }),
]);

export const replySchema = z.object({
  parentId: id.nullable().optional(),
  body: postBodySchema,
  anonymous: z.boolean().optional(),
  private: z.boolean().optional(),
});

export const editPostSchema = z.object({ body: postBodySchema, title: titleSchema.optional() });

export const threadPatchSchema = z.object({
  pinned: z.boolean().optional(),
  closed: z.boolean().optional(),
  resolved: z.boolean().optional(),
  acceptedPostId: id.nullable().optional(),
});

export const postModerationSchema = z.object({
  hidden: z.boolean().optional(),
  endorsed: z.boolean().optional(),
});

export const reactionSchema = z.object({ kind: z.enum(REACTIONS) });
