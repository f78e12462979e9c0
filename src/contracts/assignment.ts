// Request/response schemas of the role assignment: plan preview, apply, hand edits, publish, settings, panels and own roles.
import { z } from 'zod';
import { groupSettingsSchema } from './groups.js';

export const roleSchema = z.enum(['presenter', 'summarizer', 'reviewer']);

const namedRole = z.object({
  meetingId: z.string(),
  meetingLabel: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  role: roleSchema,
});

export const rolePlanSchema = z.object({
  planId: z.string(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  stale: z.boolean(),
  status: z.enum(['optimal', 'time_limit']),
  gap: z.number(),
  solveTimeMs: z.number(),
  meanRank: z.number(),
  worstRank: z.number(),
  weekClashes: z.number(),
  notes: z.array(z.string()),
  assignments: z.array(namedRole.extend({ locked: z.boolean() })),
  diff: z.object({
    added: z.array(namedRole),
    removed: z.array(namedRole),
    changed: z.array(namedRole.omit({ role: true }).extend({ from: roleSchema, to: roleSchema })),
    unchanged: z.number().int(),
  }),
  frozenClasses: z.number().int(),
  changes: z.array(
    z.object({
      meetingId: z.string(),
      meetingLabel: z.string(),
      meetingDate: z.string(),
      role: roleSchema,
      from: z.string().nullable(),
      to: z.string().nullable(),
      fromGroupId: z.string().nullable(),
      toGroupId: z.string().nullable(),
      reason: z.enum(['new-group', 'dropped-group', 'locked', 'fairness']),
      why: z.string(),
    }),
  ),
  groups: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      presenting: z.array(
        z.object({ meetingId: z.string(), meetingLabel: z.string(), rank: z.number().int().nullable() }),
      ),
      /** Rank of the best date the plan gives (1 = first choice; list length + 1 when unranked), null if none. */
      planRank: z.number().int().nullable(),
      /** Median of the same rank over seeded first-come sign-up orders, null if none or nothing left to plan. */
      firstComeRank: z.number().nullable(),
      summarizing: z.array(z.string()),
      reviewing: z.array(z.string()),
      explanation: z.string(),
    }),
  ),
});
export type RolePlanBody = z.infer<typeof rolePlanSchema>;

export const planRolesBodySchema = z.object({ timeLimitSeconds: z.number().min(1).max(120).optional() });

export const violationSchema = z.object({
  code: z.string(),
  message: z.string(),
  groupId: z.string().optional(),
  meetingId: z.string().optional(),
  role: roleSchema.optional(),
});

export const staffAssignmentSchema = z.object({
  settings: groupSettingsSchema,
  groups: z.array(z.object({ id: z.string(), name: z.string(), size: z.number().int() })),
  meetings: z.array(
    z.object({ id: z.string(), date: z.string(), label: z.string(), title: z.string().nullable() }),
  ),
  roles: z.array(
    z.object({ meetingId: z.string(), groupId: z.string(), role: roleSchema, locked: z.boolean() }),
  ),
  exclusions: z.array(z.object({ groupId: z.string(), meetingId: z.string() })),
  violations: z.array(violationSchema),
  /** Groups whose roles changed since the last publish: a publish now mails their members. */
  publishWouldMail: z.array(z.string()),
  latestPlan: rolePlanSchema.nullable(),
});
export type StaffAssignmentBody = z.infer<typeof staffAssignmentSchema>;

export const editRoleBodySchema = z.object({
  meetingId: z.string().min(1).max(64),
  groupId: z.string().min(1).max(64),
  role: roleSchema.nullable(),
  locked: z.boolean().optional(),
  confirm: z.boolean().optional(),
});
export const lockRoleBodySchema = z.object({
  meetingId: z.string().min(1).max(64),
  groupId: z.string().min(1).max(64),
  locked: z.boolean(),
});
export const publishBodySchema = z.object({ published: z.boolean() });
export const exclusionBodySchema = z.object({
  groupId: z.string().min(1).max(64),
  meetingId: z.string().min(1).max(64),
  excluded: z.boolean(),
});

const count = z.number().int().min(0).max(20).nullable().optional();
export const settingsPatchSchema = z.object({
  groupMin: z.number().int().min(1).max(20).nullable().optional(),
  groupMax: z.number().int().min(1).max(20).nullable().optional(),
  groupDeadline: z.string().max(40).nullable().optional(),
  presentersPerMeeting: count,
  summarizersPerMeeting: count,
  reviewersPerMeeting: count,
});

const panelGroup = z.object({
  groupId: z.string(),
  name: z.string(),
  members: z.array(z.string()).nullable(),
});
export const panelsBodySchema = z.object({
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  panels: z.array(
    z.object({
      meetingId: z.string(),
      date: z.string(),
      title: z.string().nullable(),
      presenters: z.array(panelGroup),
      summarizers: z.array(panelGroup),
      reviewers: z.array(panelGroup),
    }),
  ),
});
export type PanelsBody = z.infer<typeof panelsBodySchema>;

export const myRolesBodySchema = z.object({
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  published: z.boolean(),
  timeZone: z.string(),
  roles: z.array(
    z.object({
      meetingId: z.string(),
      date: z.string(),
      title: z.string().nullable(),
      readings: z.array(z.string()),
      role: roleSchema,
      classStart: z.string().nullable(),
      classEnd: z.string().nullable(),
      due: z.object({ what: z.string(), at: z.string() }).nullable(),
    }),
  ),
});
export type MyRolesBody = z.infer<typeof myRolesBodySchema>;
