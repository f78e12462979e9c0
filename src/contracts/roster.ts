// Request/response schemas of the staff roster, join links, CSV import preview and the audit log.
import { z } from 'zod';

export const courseRoleSchema = z.enum(['instructor', 'ta', 'student']);

export const rosterPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  netId: z.string().nullable(),
  role: courseRoleSchema,
  enrolledAt: z.string(),
  droppedAt: z.string().nullable(),
  /** The local date (course zone) the current enrollment starts: work due before it is not theirs. */
  startsOn: z.string().nullable(),
  /** Staff set the start date by hand. */
  startSetByHand: z.boolean(),
});

export const rosterBodySchema = z.object({
  /** The course's IANA zone: start dates are local dates in it. */
  timeZone: z.string(),
  people: z.array(rosterPersonSchema),
  abilities: z.record(z.string(), z.boolean()),
});

export const rosterQuerySchema = z.object({
  search: z.string().max(200).optional(),
  role: courseRoleSchema.optional(),
  includeDropped: z.enum(['true', 'false']).optional(),
});

export const classmatesBodySchema = z.object({
  people: z.array(z.object({ userId: z.string(), name: z.string(), role: courseRoleSchema })),
});

export const enrollmentStartBodySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
    .describe("A local date in the course's time zone; obligations start at 00:00 that day"),
});
export const enrollmentStartSchema = z.object({
  userId: z.string(),
  startsOn: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
});

export const roleChangeBodySchema = z.object({ role: courseRoleSchema });

export const joinLinkSchema = z.object({
  id: z.string(),
  role: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  uses: z.number().int(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export const joinLinksBodySchema = z.object({ links: z.array(joinLinkSchema) });
export const createJoinLinkBodySchema = z.object({ days: z.number().int().min(1).max(180).default(14) });
export const createdJoinLinkSchema = z.object({
  link: joinLinkSchema,
  url: z.string().describe('Shown once: only its hash is stored'),
});

export const rowProblemSchema = z.object({
  line: z.number().int(),
  field: z.enum(['email', 'name', 'netId', 'role']).nullable(),
  message: z.string(),
});
export const plannedRowSchema = z.object({
  line: z.number().int(),
  email: z.string(),
  name: z.string(),
  netId: z.string().nullable(),
  role: courseRoleSchema,
  action: z.enum(['invite', 'enroll', 'restore', 'change-role', 'unchanged']),
  previousRole: courseRoleSchema.nullable(),
});
export const rosterPlanSchema = z.object({
  rows: z.array(plannedRowSchema),
  problems: z.array(rowProblemSchema),
  counts: z.record(z.string(), z.number()),
  applicable: z.boolean(),
  fingerprint: z.string(),
  encoding: z.enum(['utf-8', 'latin-1']),
});
export const applyQuerySchema = z.object({ fingerprint: z.string().min(1).max(64) });
export const applyResultSchema = z.object({ plan: rosterPlanSchema, invited: z.number().int() });

const canvasFieldSchema = z.enum(['canvasId', 'sisUserId', 'sisLoginId']);
export const canvasPlanSchema = z.object({
  matched: z.array(
    z.object({
      line: z.number().int(),
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      matchedBy: z.enum(['sis-login-id', 'email']),
      changes: z.array(z.object({ field: canvasFieldSchema, from: z.string().nullable(), to: z.string() })),
    }),
  ),
  unmatched: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      sisLoginId: z.string(),
      email: z.string(),
      why: z.string(),
    }),
  ),
  notInFile: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  counts: z.object({
    matched: z.number().int(),
    changed: z.number().int(),
    unmatched: z.number().int(),
    notInFile: z.number().int(),
  }),
  applicable: z.boolean(),
  fingerprint: z.string(),
  encoding: z.enum(['utf-8', 'latin-1']),
});
export const canvasApplyResultSchema = z.object({ plan: canvasPlanSchema, updated: z.number().int() });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** Who did it by name (their e-mail when the name is unknown), null for the system. */
  actorName: z.string().nullable(),
  /** The entry as a sentence with names and times in `timeZone` ("Ada Lovelace granted Bo an extension on …"). */
  sentence: z.string(),
  /** The zone the entry reads in: its course's, else UTC. */
  timeZone: z.string(),
});
export const auditBodySchema = z.object({ entries: z.array(auditEntrySchema), next: z.string().nullable() });
export const auditQuerySchema = z.object({
  before: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export type RosterPerson = z.infer<typeof rosterPersonSchema>;
export type RosterBody = z.infer<typeof rosterBodySchema>;
export type JoinLinkView = z.infer<typeof joinLinkSchema>;
export type RosterPlanView = z.infer<typeof rosterPlanSchema>;
export type CanvasPlanView = z.infer<typeof canvasPlanSchema>;
export type AuditBody = z.infer<typeof auditBodySchema>;
