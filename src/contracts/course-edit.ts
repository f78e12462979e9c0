// Request and response shapes of editing a course in the browser (staff): classes, readings, units, staff, policies.
import { z } from 'zod';
import { MEETING_KINDS } from '../domain/course.js';

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();

export const meetingIdParamsSchema = z.object({ slug: z.string().max(80), meetingId: z.string().max(40) });

export const meetingFieldsSchema = z.object({
  date: text(10).describe('Local date YYYY-MM-DD in the course time zone'),
  startTime: nullableText(5).describe(
    'Local "HH:mm" in the course time zone; null for the usual class hours',
  ),
  endTime: nullableText(5),
  title: nullableText(300),
  unit: nullableText(300).describe('Title of one of the course units, or null'),
});

export const addMeetingBodySchema = meetingFieldsSchema.extend({
  kind: z.enum(MEETING_KINDS).default('lecture'),
});

export const cancelBodySchema = z.object({
  confirm: z.literal(true).describe('The attached roles, hand-ins and deadlines were shown and accepted'),
});

export const readingsBodySchema = z.object({
  readings: z
    .array(
      z.object({
        id: z.string().max(40).optional(),
        title: text(500),
        url: nullableText(2000),
        required: z.boolean(),
        note: nullableText(300).default(null),
      }),
    )
    .max(60),
});

export const unitsBodySchema = z.object({
  units: z.array(z.object({ id: z.string().max(40).optional(), title: text(300) })).max(60),
});

export const staffBodySchema = z.object({
  staff: z
    .array(
      z.object({
        name: text(200),
        role: text(60),
        netId: nullableText(100).default(null),
        url: nullableText(2000).default(null),
        officeHours: nullableText(200).default(null),
        officeLocation: nullableText(200).default(null),
      }),
    )
    .max(40),
  staffEmail: nullableText(200).optional(),
});

export const policiesBodySchema = z.object({
  policies: z
    .array(z.object({ id: z.string().max(40).optional(), title: text(200), markdown: text(50_000) }))
    .max(40),
});

export type MeetingFieldsBody = z.infer<typeof meetingFieldsSchema>;
export type AddMeetingBody = z.infer<typeof addMeetingBodySchema>;
export type ReadingsBody = z.infer<typeof readingsBodySchema>;
export type UnitsBody = z.infer<typeof unitsBodySchema>;
export type StaffBody = z.infer<typeof staffBodySchema>;
export type PoliciesBody = z.infer<typeof policiesBodySchema>;

/** The course as the editor shows it: ids, raw fields, local times in the labelled zone. */
export interface CourseEditView {
  now: string;
  slug: string;
  title: string;
  timeZone: string;
  /** "America/Chicago (CST)": how times on the screen are labelled. */
  zoneLabel: string;
  /** The usual class hours "HH:mm", or null when the syllabus gave none. */
  pattern: { startTime: string; endTime: string } | null;
  meetings: Array<{
    id: string;
    date: string;
    /** "Mon, Sep 9" */
    day: string;
    kind: string;
    title: string | null;
    startTime: string | null;
    endTime: string | null;
    unit: string | null;
    readings: Array<{
      id: string;
      title: string;
      url: string | null;
      required: boolean;
      note: string | null;
    }>;
  }>;
  units: Array<{ id: string; title: string }>;
  staff: Array<{
    name: string;
    role: string;
    netId: string | null;
    url: string | null;
    officeHours: string | null;
    officeLocation: string | null;
  }>;
  staffEmail: string | null;
  policies: Array<{ id: string; slug: string; title: string; markdown: string }>;
  /** Edits made here since the last import of the syllabus, newest first (a re-import would replace them). */
  edits: Array<{ at: string; summary: string }>;
  /** What the last change did, in a sentence (after a save). */
  done?: string;
}

/** What a class holds, shown before it is cancelled. */
export interface ClassAttachments {
  meetingId: string;
  day: string;
  title: string | null;
  roles: Array<{ role: string; group: string; published: boolean }>;
  handIns: Array<{ deliverable: string; count: number }>;
  deadlines: Array<{ deliverable: string; dueAt: string; due: string }>;
  readings: number;
  /** What cancelling does with them, in sentences. */
  consequences: string[];
}
