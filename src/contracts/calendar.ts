// Calendar feeds: the secret-URL parameter and the personal feed's state. Shared by server and web.
import { z } from 'zod';

/** "<token>.ics"; only bounded here: a malformed name answers the same 404 as an unknown one. */
export const calendarTokenParamsSchema = z.object({
  file: z.string().max(200).describe('The secret file name of a personal feed, "<token>.ics"'),
});

export const personalFeedStateSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});

export const newPersonalFeedSchema = personalFeedStateSchema.extend({
  path: z.string().describe('The feed below the site, "/api/calendar/<token>.ics": shown once'),
});

export type PersonalFeedStateDto = z.infer<typeof personalFeedStateSchema>;
export type NewPersonalFeedDto = z.infer<typeof newPersonalFeedSchema>;
