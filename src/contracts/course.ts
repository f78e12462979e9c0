// Request/response schemas of the course API, shared with the web client (types only there).
import { z } from 'zod';

export const linkSchema = z.object({ label: z.string(), url: z.string() });

export const readingSchema = z.object({
  title: z.string(),
  url: z.string().nullable(),
  required: z.boolean(),
  note: z.string().nullable(),
});

export const meetingSchema = z.object({
  id: z.string(),
  date: z.string().describe('Local date YYYY-MM-DD in the course time zone'),
  weekday: z.string().describe('Short weekday name of the local date, e.g. "Mon"'),
  kind: z.enum(['lecture', 'presentations', 'poster', 'no_class', 'buffer']),
  title: z.string().nullable(),
  startTime: z.string().nullable().describe('Own local start "HH:mm" when it differs from the pattern'),
  endTime: z.string().nullable(),
  startsAt: z.string().nullable().describe('Start instant (ISO-8601 UTC); null for days without class'),
  endsAt: z.string().nullable(),
  unit: z.string().nullable(),
  readings: z.array(readingSchema),
  needsPresenters: z.boolean(),
  notes: z.array(z.string()),
  notesHtml: z.array(z.string()).describe('notes rendered from Markdown and sanitized'),
  extra: z.record(z.string(), z.string()),
});

export const staffSchema = z.object({
  name: z.string(),
  url: z.string().nullable(),
  netId: z.string().nullable(),
  role: z.string(),
  officeHours: z.string().nullable(),
  officeLocation: z.string().nullable(),
});

export const courseSummarySchema = z.object({
  slug: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  term: z.string().nullable().describe('"Fall 2024"'),
  timeZone: z.string(),
});

export const courseDetailSchema = courseSummarySchema.extend({
  location: z.string().nullable(),
  pattern: z
    .object({
      days: z.array(z.number().int().min(1).max(7)),
      startTime: z.string(),
      endTime: z.string(),
      label: z.string().describe('"Mon, Wed 9:30–10:45"'),
    })
    .nullable(),
  staff: z.array(staffSchema),
  forum: linkSchema.nullable(),
  staffEmail: z.string().nullable(),
  description: z.string(),
  descriptionHtml: z.string().describe('description rendered from Markdown and sanitized'),
  objectives: z.array(z.string()),
  units: z.array(z.object({ title: z.string() })),
  meetings: z.array(meetingSchema),
  components: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
  policies: z.array(
    z.object({ slug: z.string(), title: z.string(), markdown: z.string(), html: z.string() }),
  ),
  milestones: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      dueAt: z.string().nullable(),
      meetingDates: z.array(z.string()),
      source: z.string(),
      sourceHtml: z.string(),
    }),
  ),
  resources: z.array(linkSchema),
  groupSize: z.object({ min: z.number(), max: z.number() }).nullable(),
  /** What the viewer may do here; the client hides what is false. */
  /** Id of the next meeting that has class at the time of the response, or null after the last. */
  nextMeetingId: z.string().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export type CourseSummary = z.infer<typeof courseSummarySchema>;
export type CourseDetail = z.infer<typeof courseDetailSchema>;
export type MeetingView = z.infer<typeof meetingSchema>;
