// Request schemas of peer feedback: a rating of a class (rubric scores and a Markdown comment), staff's peer weight. Shared by server and web.
import { z } from 'zod';
import { PEER_COMMENT_MAX } from '../domain/peer-feedback.js';

/** The date is only bounded here: the service answers 404 for a day without a student-led class, after authorization. */
export const peerClassParamsSchema = z.object({ slug: z.string(), date: z.string().max(40) });

export const peerRatingSchema = z.object({
  /** Criterion key → a whole number 1–5; the service names a missing or unknown criterion. */
  scores: z
    .record(z.string().max(40), z.number())
    .refine((s) => Object.keys(s).length <= 20, 'Too many scores.'),
  comment: z
    .string()
    .max(PEER_COMMENT_MAX, `Keep the comment under ${PEER_COMMENT_MAX} characters.`)
    .refine(
      (s) => ![...s].some((ch) => ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t'),
      'Control characters are not allowed.',
    )
    .optional(),
});

export const peerSettingsSchema = z.object({
  counts: z.boolean().optional(),
  /** Percent of the presentation's score the peer median makes up, "0" to "100". */
  weight: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Give a percent from 0 to 100, such as 20 or 12.5.')
    .optional(),
});
