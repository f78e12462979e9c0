// Request/response schemas of the talk slots of presentation days: staff board, auto-fill plan, placing, publishing; a student's own day.
import { z } from 'zod';

/** Ids are ULIDs; anything longer or with odd characters is refused before it reaches a query. */
const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'An id is letters, digits, "-" and "_".');

/** Path parts are only bounded here: the service answers 404 for an unknown key or group after authorization. */
export const slotKeyParamsSchema = z.object({ slug: z.string(), key: z.string().min(1).max(200) });

export const slotGroupParamsSchema = slotKeyParamsSchema.extend({ groupId: z.string().min(1).max(200) });

export const slotProblemSchema = z.object({
  code: z.enum(['two-days', 'over-capacity', 'unbalanced', 'unplaced', 'not-a-talk-day']),
  message: z.string(),
  meetingId: z.string().optional(),
  groupId: z.string().optional(),
});

const slotGroupSchema = z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) });

const boardDaySchema = z.object({
  meetingId: z.string(),
  date: z.string(),
  title: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  minutes: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  talks: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      members: z.array(z.string()),
      position: z.number().int(),
      startTime: z.string().nullable(),
      locked: z.boolean(),
    }),
  ),
});

export const slotBoardsSchema = z.object({
  timeZone: z.string(),
  boards: z.array(
    z.object({
      deliverableKey: z.string(),
      title: z.string(),
      talkMinutes: z.number().int().nullable(),
      publishedAt: z.string().nullable(),
      days: z.array(boardDaySchema),
      unplaced: z.array(slotGroupSchema),
      problems: z.array(slotProblemSchema),
      groupCount: z.number().int(),
    }),
  ),
});
export type SlotBoardsBody = z.infer<typeof slotBoardsSchema>;

export const slotPlanSchema = z.object({
  deliverableKey: z.string(),
  fingerprint: z.string(),
  days: z.array(boardDaySchema),
  unplaced: z.array(slotGroupSchema),
  problems: z.array(slotProblemSchema),
  changes: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  ),
});
export type SlotPlanBody = z.infer<typeof slotPlanSchema>;

export const slotPlanBodySchema = z.object({}).strict();
export const slotApplyBodySchema = z.object({ fingerprint: z.string().min(1).max(128) }).strict();

export const placeTalkBodySchema = z
  .object({
    meetingId: id,
    position: z.number().int().min(0).max(1000).optional(),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the start time as HH:MM (24-hour), e.g. 09:50.')
      .nullable()
      .optional(),
  })
  .strict();

export const slotPublishBodySchema = z.object({ published: z.boolean() }).strict();
export const slotSettingsBodySchema = z
  .object({ talkMinutes: z.number().int().min(1).max(600).nullable().optional() })
  .strict();

export const slotProblemsBodySchema = z.object({ problems: z.array(slotProblemSchema) }).passthrough();

export const myTalksBodySchema = z.object({
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  timeZone: z.string(),
  talks: z.array(
    z.object({
      deliverableKey: z.string(),
      title: z.string(),
      published: z.boolean(),
      talk: z
        .object({
          meetingId: z.string(),
          date: z.string(),
          meetingTitle: z.string().nullable(),
          order: z.number().int(),
          of: z.number().int(),
          sentence: z.string(),
          startTime: z.string().nullable(),
          classStart: z.string().nullable(),
          classEnd: z.string().nullable(),
          slidesDueAt: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});
export type MyTalksBody = z.infer<typeof myTalksBodySchema>;
