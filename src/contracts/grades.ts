// Request schemas of grades: categories and settings, items, scores, release, regrades, what-if, export. Shared by server and web.
import { z } from 'zod';

/** A decimal as a person types it: "15", "17.5", "0.25". The service reads it exactly. */
export const decimalText = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, 'Give a number such as 15 or 17.5 (at most four decimals).');

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'An id is letters, digits, "-" and "_".');

/** Path parts are only bounded here: the service answers 404 for an unknown one after authorization. */
export const gradeItemParamsSchema = z.object({ slug: z.string(), itemId: z.string().min(1).max(200) });
export const gradeCategoryParamsSchema = z.object({ slug: z.string(), key: z.string().min(1).max(200) });
export const regradeParamsSchema = z.object({ slug: z.string(), regradeId: z.string().min(1).max(200) });

const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      (s) => ![...s].some((ch) => ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t'),
      'Control characters are not allowed.',
    );
const title = plainText(200).trim().min(1, 'Give a title.');

export const rubricSchema = z
  .array(
    z.object({
      key: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[a-z0-9-]+$/, 'A criterion key is lower-case letters, digits and "-".'),
      title,
      description: plainText(500),
      points: decimalText,
    }),
  )
  .max(30);

export const categoryPatchSchema = z
  .object({
    name: title.optional(),
    weight: decimalText.optional(),
    dropLowest: z.number().int().min(0).max(10).optional(),
  })
  .strict();

export const gradeSettingsSchema = z
  .object({
    cutoffs: z
      .array(z.object({ letter: plainText(4).trim().min(1), min: decimalText }))
      .min(1)
      .max(20)
      .optional(),
    participation: z
      .object({
        attendance: z.number().int().min(0).max(100).optional(),
        questions: z.number().int().min(0).max(100).optional(),
        posts: z.number().int().min(0).max(100).optional(),
        postsExpected: z.number().int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    regradeDays: z.number().int().min(0).max(365).optional(),
  })
  .strict();

export const newItemSchema = z
  .object({
    categoryKey: z.string().min(1).max(200),
    title,
    pointsPossible: decimalText,
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    rubric: rubricSchema.nullable().optional(),
  })
  .strict();

export const itemPatchSchema = z
  .object({
    title: title.optional(),
    categoryKey: z.string().min(1).max(200).optional(),
    pointsPossible: decimalText.optional(),
    rubric: rubricSchema.nullable().optional(),
  })
  .strict();

export const scoreBodySchema = z
  .object({
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('student'), userId: id }),
      z.object({ kind: z.literal('group'), groupId: id }),
    ]),
    points: decimalText.nullable(),
    rubricScores: z.record(z.string().max(40), decimalText).optional(),
    comment: plainText(20_000).optional(),
    excused: z.boolean().optional(),
    reason: plainText(2000).nullable().optional(),
    clear: z.boolean().optional(),
  })
  .strict();

export const releaseBodySchema = z.object({ released: z.boolean() }).strict();

export const regradeBodySchema = z
  .object({ reason: plainText(5000).trim().min(1, 'Say what you would like looked at again.') })
  .strict();

export const regradeAnswerSchema = z
  .object({
    answer: plainText(5000).trim().min(1, 'Write an answer.'),
    points: decimalText.nullable().optional(),
  })
  .strict();

export const whatIfQuerySchema = z.object({ itemId: z.string().min(1).max(200), points: z.string().max(20) });

/**
 * What an item is for one student now (the rules live in src/domain/grading.ts):
 * - scored, late-zero, missing: counted; excused, before-joined, not-member: left out of the category;
 * - ungraded, not-due, hidden (not released, a student's view): left out of the current total.
 */
export type ItemState =
  | 'scored'
  | 'late-zero'
  | 'missing'
  | 'excused'
  | 'before-joined'
  | 'not-member'
  | 'ungraded'
  | 'not-due'
  | 'hidden';

export const GRADE_EXPORT_FORMATS = ['canvas', 'csv', 'json'] as const;
export const exportQuerySchema = z.object({ format: z.enum(GRADE_EXPORT_FORMATS).default('canvas') });
