// Import review over HTTP: the syllabus given (pasted, uploaded or by address), staff's fixes, and the course as read.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:mm (24 h)');
const weekday = z.number().int().min(1).max(7);

export const syllabusFixSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('required'),
    date: isoDate,
    reading: z.string().min(1).max(1000),
    required: z.boolean(),
  }),
  z.object({ kind: z.literal('merge'), date: isoDate, into: isoDate }),
  z.object({
    kind: z.literal('split'),
    date: isoDate,
    reading: z.string().min(1).max(1000),
    newDate: isoDate,
  }),
  z.object({ kind: z.literal('special-day'), date: isoDate }),
  z.object({ kind: z.literal('milestone'), date: isoDate, title: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('year'), year: z.number().int().min(1990).max(2100) }),
  z.object({ kind: z.literal('zone'), zone: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('start'), date: isoDate }),
  z.object({
    kind: z.literal('class-times'),
    days: z.array(weekday).min(1).max(7),
    startTime: clock,
    endTime: clock,
  }),
]);
export type SyllabusFixView = z.infer<typeof syllabusFixSchema>;

export const reviewBodySchema = z
  .object({
    /** The Markdown, pasted or read from an uploaded file. */
    source: z
      .string()
      .max(5 * 1024 * 1024)
      .optional(),
    /** Or the http(s) address of the raw Markdown file, fetched by the server. */
    url: z.string().max(2000).optional(),
    /** The course repository's folder; for a URL, its folder is the default. */
    baseUrl: z.string().max(2000).optional(),
    /** IANA zone the syllabus is read in when no fix sets one (default: the course's). */
    timeZone: z.string().max(64).optional(),
    /** Staff's fixes, the whole list; when absent, those kept with the course (none for a new course). */
    fixes: z.array(syllabusFixSchema).max(500).optional(),
    /** Apply only: store the course even though the importer refused it (header, staff and policies, no classes). */
    acceptPartial: z.boolean().optional(),
  })
  .refine((b) => (b.source === undefined) !== (b.url === undefined), {
    message:
      'Give the syllabus either as Markdown (source) or as the address of the raw file (url), not both.',
  });
export type ReviewBody = z.input<typeof reviewBodySchema>;

const warning = z.object({ line: z.number().int(), message: z.string() });
const line = z.number().int().nullable();

export const reviewViewSchema = z.object({
  /** False when the importer refused: the course is what was read anyway (header, staff, policies). */
  ok: z.boolean(),
  refusal: z.string().nullable(),
  /** The syllabus as lines (what the item lines point at). */
  source: z.array(z.string()),
  /** The address the syllabus was fetched from, when given by URL. */
  fetchedFrom: z.string().nullable(),
  course: z.object({
    code: z.string().nullable(),
    title: z.string(),
    term: z.object({ season: z.string(), year: z.number() }).nullable(),
    timeZone: z.string(),
    location: z.string().nullable(),
    pattern: z.object({ days: z.array(z.number()), startTime: z.string(), endTime: z.string() }).nullable(),
    meetings: z.array(
      z.object({
        date: z.string(),
        kind: z.string(),
        title: z.string().nullable(),
        unit: z.string().nullable(),
        lines: z.array(z.number().int()),
        readings: z.array(
          z.object({
            title: z.string(),
            url: z.string().nullable(),
            required: z.boolean(),
            note: z.string().nullable(),
            line,
          }),
        ),
        notes: z.array(z.string()),
      }),
    ),
    milestones: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        dueAt: z.string().nullable(),
        meetingDates: z.array(z.string()),
        line,
      }),
    ),
    units: z.array(z.object({ title: z.string(), line })),
    staff: z.array(z.object({ name: z.string(), role: z.string(), line })),
    policies: z.array(z.object({ title: z.string() })),
  }),
  /** Where the year of the schedule came from, when the importer had to choose it. */
  yearSource: warning.nullable(),
  warnings: z.array(warning),
  fixes: z.array(z.object({ fix: syllabusFixSchema, applied: z.boolean(), message: z.string() })),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

export const applyViewSchema = z.object({
  slug: z.string(),
  created: z.boolean(),
  title: z.string(),
  meetings: z.number().int(),
  readings: z.number().int(),
  warnings: z.array(warning),
  fixes: z.array(z.object({ fix: syllabusFixSchema, applied: z.boolean(), message: z.string() })),
});
export type ApplyView = z.infer<typeof applyViewSchema>;

export const storedFixesSchema = z.object({ fixes: z.array(syllabusFixSchema), timeZone: z.string() });
