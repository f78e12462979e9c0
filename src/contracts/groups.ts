// Request/response schemas of groups, invitations, rankings and auto-formation (shared with the web client).
import { z } from 'zod';

const person = z.object({ userId: z.string(), name: z.string() });

export const groupSettingsSchema = z.object({
  groupMin: z.number().int(),
  groupMax: z.number().int(),
  groupDeadline: z.string().nullable(),
  deadlineSource: z.enum(['staff', 'syllabus']).nullable(),
  roles: z.object({
    presentersPerMeeting: z.number().int(),
    summarizersPerMeeting: z.number().int(),
    reviewersPerMeeting: z.union([z.number().int(), z.literal('each-group-once')]),
  }),
  rolesPublishedAt: z.string().nullable(),
});

export const groupsBodySchema = z.object({
  settings: groupSettingsSchema,
  timeZone: z.string(),
  deadlinePassed: z.boolean(),
  groups: z.array(
    z.object({ id: z.string(), name: z.string(), members: z.array(person), problem: z.string().nullable() }),
  ),
  myGroupId: z.string().nullable(),
  invitationsToMe: z.array(
    z.object({ id: z.string(), groupId: z.string(), groupName: z.string(), createdAt: z.string() }),
  ),
  invitationsFromMyGroup: z.array(
    z.object({ id: z.string(), userId: z.string(), name: z.string(), createdAt: z.string() }),
  ),
  ungrouped: z.array(person),
  abilities: z.record(z.string(), z.boolean()),
});
export type GroupsBody = z.infer<typeof groupsBodySchema>;

export const createGroupBodySchema = z.object({ name: z.string().max(200).optional() });
export const inviteBodySchema = z.object({ userId: z.string().min(1).max(64) });
export const invitationParamsSchema = z.object({ slug: z.string(), invitationId: z.string().max(64) });
export const moveMemberBodySchema = z.object({
  userId: z.string().min(1).max(64),
  /** A group id, "new" for a new group, or null for no group. */
  target: z.string().min(1).max(64).nullable(),
});
export const formationPlanBodySchema = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export const planIdBodySchema = z.object({ planId: z.string().min(1).max(64) });

export const formationPreviewSchema = z.object({
  planId: z.string(),
  seed: z.number().int(),
  newGroups: z.array(z.object({ name: z.string(), members: z.array(person) })),
  joins: z.array(z.object({ groupId: z.string(), groupName: z.string(), members: z.array(person) })),
  notes: z.array(z.string()),
  placed: z.number().int(),
});

export const presentableMeetingSchema = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string().nullable(),
  readings: z.array(z.string()),
});

export const rankingBodySchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  meetings: z.array(presentableMeetingSchema),
  ranking: z.array(z.string()),
  history: z.array(z.object({ at: z.string(), by: z.string().nullable(), count: z.number().int() })),
  deadline: z.string().nullable(),
  deadlinePassed: z.boolean(),
});
export type RankingBody = z.infer<typeof rankingBodySchema>;

export const setRankingBodySchema = z.object({ meetingIds: z.array(z.string().max(64)).max(200) });

export const preferenceMatrixSchema = z.object({
  meetings: z.array(presentableMeetingSchema),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      ranks: z.record(z.string(), z.number().int()),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type PreferenceMatrixBody = z.infer<typeof preferenceMatrixSchema>;
