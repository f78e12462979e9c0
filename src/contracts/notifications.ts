// Request schemas of announcements, notification settings, unsubscribe and course reminder settings. Shared by server and web.
import { z } from 'zod';
import { DELIVERY_MODES, NOTIFICATION_KINDS } from '../domain/notifications.js';

const noControl = (s: string) =>
  ![...s].some((ch) => ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t');

/** The id is only bounded here: the service answers 404 for an unknown one, after authorization. */
export const announcementParamsSchema = z.object({ slug: z.string(), id: z.string().max(64) });

export const announcementBodySchema = z.object({
  title: z
    .string()
    .max(200, 'Keep the title under 200 characters.')
    .refine(noControl, 'Control characters are not allowed.'),
  body: z
    .string()
    .max(20_000, 'Keep the announcement under 20 000 characters.')
    .refine(noControl, 'Control characters are not allowed.'),
  /** Local date and time in the course's zone, such as 2026-09-14T08:00; empty or absent: now. */
  publishAt: z.string().max(40).nullable().optional(),
});

const modeSchema = z.enum(DELIVERY_MODES);

export const notificationSettingsBodySchema = z.object({
  modes: z
    .object(
      Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, modeSchema.optional()])) as Record<
        (typeof NOTIFICATION_KINDS)[number],
        z.ZodOptional<typeof modeSchema>
      >,
    )
    .strict()
    .optional(),
  digestHour: z
    .number()
    .int()
    .min(0, 'Pick an hour from 0 to 23.')
    .max(23, 'Pick an hour from 0 to 23.')
    .optional(),
  /** An IANA zone such as Europe/Berlin; checked by the service. */
  digestZone: z.string().max(64).optional(),
});

export const unsubscribeParamsSchema = z.object({
  token: z
    .string()
    .max(200)
    .regex(/^[0-9A-Za-z]{1,64}\.[a-z]{1,20}\.[A-Za-z0-9_-]{1,64}$/, 'This unsubscribe link is not valid.'),
});

const occasionSchema = z.object({
  /** Hours before the anchor (class start or deadline), or a local time on the day before the anchor. */
  hoursBefore: z
    .number()
    .min(0)
    .max(24 * 30)
    .optional(),
  dayBeforeAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time such as 18:00.')
    .optional(),
});

const reminderKindSchema = z.object({
  on: z.boolean(),
  occasions: z.array(occasionSchema).max(5, 'At most five reminders per kind.').optional(),
});

export const reminderSettingsBodySchema = z
  .object({
    questions: reminderKindSchema.optional(),
    slides: reminderKindSchema.optional(),
    summary: reminderKindSchema.optional(),
    milestones: reminderKindSchema.optional(),
  })
  .strict();
