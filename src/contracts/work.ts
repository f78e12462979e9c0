// Request and response shapes of the work API: deliverables, hand-ins and receipts, questions, attendance, dashboards.
import { z } from 'zod';

const date = z.string().max(40);

export const meetingParamsSchema = z.object({ slug: z.string().max(80), date });
export const deliverableParamsSchema = z.object({ slug: z.string().max(80), key: z.string().max(60) });
export const submissionParamsSchema = z.object({
  slug: z.string().max(80),
  submissionId: z.string().max(40),
});

export const textSubmissionBodySchema = z.object({
  deliverableKey: z.string().min(1).max(60),
  meetingDate: z.string().max(10).nullable().optional(),
  readingIndex: z.number().int().min(0).max(50).nullable().optional(),
  // The length limit is the deliverable's (questions 1 000, summaries 50 000); this only bounds the request.
  text: z.string().max(200_000),
  acknowledgePolicy: z.boolean().optional(),
});

export const uploadQuerySchema = z.object({
  // Checked after authorization (so a refused caller learns nothing from validation).
  deliverableKey: z.string().max(60).optional(),
  meetingDate: z.string().max(10).optional(),
  acknowledgePolicy: z.enum(['true', 'false']).optional(),
});

export const receiptSchema = z.object({
  id: z.string(),
  headline: z.string(),
  deliverableKey: z.string(),
  deliverableTitle: z.string(),
  meetingDate: z.string().nullable(),
  readingIndex: z.number().nullable(),
  version: z.number(),
  submittedBy: z.string(),
  groupId: z.string().nullable(),
  submittedAt: z.string(),
  dueAt: z.string(),
  sha256: z.string(),
  size: z.number(),
  late: z.boolean(),
  outcome: z.enum(['on-time', 'late', 'late-zero']),
  lateByMs: z.number(),
  files: z.array(
    z.object({ name: z.string(), type: z.string(), size: z.number(), pages: z.number().nullable() }),
  ),
  warnings: z.array(z.string()),
});
export type ReceiptView = z.infer<typeof receiptSchema>;

export const reviewBodySchema = z.object({
  decision: z.enum(['comment', 'approved', 'returned']),
  body: z.string().max(20_000),
  /** A return's resubmission deadline (ISO-8601 with an offset); a week from now when left out. */
  resubmitBy: z.string().max(40).nullable().optional(),
});

export const extensionBodySchema = z.object({
  meetingDate: z.string().max(10).nullable().optional(),
  target: z.union([
    z.object({ kind: z.literal('student'), userId: z.string().max(40) }),
    z.object({ kind: z.literal('group'), groupId: z.string().max(40) }),
  ]),
  dueAt: z.string().max(40),
  reason: z.string().max(500).nullable().optional(),
});

export const deliverablePatchSchema = z
  .object({
    title: z.string().min(1).max(120),
    dueRule: z.union([
      z.object({ kind: z.literal('absolute'), at: z.string().max(40) }),
      z.object({
        kind: z.literal('meeting'),
        anchor: z.enum(['start', 'end']),
        offsetHours: z
          .number()
          .min(-24 * 60)
          .max(24 * 60),
      }),
    ]),
    lateRule: z.enum(['accept', 'flag', 'zero', 'reject']),
    graceMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    allowance: z.number().int().min(0).max(50),
    maxTextChars: z.number().int().min(1).max(200_000).nullable(),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(1024 * 1024 * 1024),
    notes: z.array(z.string().max(500)).max(20),
    closeAfterHours: z
      .number()
      .min(0)
      .max(24 * 365)
      .nullable(),
    closed: z.boolean(),
  })
  .partial();

export const extensionParamsSchema = z.object({ slug: z.string().max(80), extensionId: z.string().max(40) });

/** One owner's hand-ins of a deliverable: "u:<student id>" or "g:<group id>", optionally one class. */
export const handInsQuerySchema = z.object({
  // Checked after authorization (so a refused caller learns nothing from validation).
  owner: z.string().max(60).optional(),
  meetingDate: z.string().max(10).optional(),
});

export const attendanceBodySchema = z.object({
  marks: z
    .array(
      z.object({
        userId: z.string().max(40),
        status: z.enum(['present', 'absent', 'excused']),
        note: z.string().max(500).nullable().optional(),
      }),
    )
    .min(1)
    .max(2000),
});

export const checkInBodySchema = z.object({ code: z.string().min(1).max(40) });

/** Documentation of the JSON answers that are not receipts (the web client reads them through api.ts types). */
export const looseObjectSchema = z.object({}).passthrough();

/** One version of a student's hand-in on their dashboard, with the staff comments about it. */
export interface DueVersion {
  id: string;
  version: number;
  readingIndex: number | null;
  submittedAt: string;
  late: boolean;
  counted: boolean;
  reviews: Array<{ decision: string; body: string; at: string }>;
}
