// Checks in plain words: malformed input, causes of infeasibility found before solving, shortfall notes, and plan violations.
import type { Instance } from './instance.js';
import { buildInstance, groupLoad, ROLE_NOUN, ROLE_VERB, ROLES } from './instance.js';
import type { AssignmentInput, Role, RoleAssignment, Violation } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

const TIMES = ['never', 'once', 'twice'];
function times(count: number): string {
  return TIMES[count] ?? `${count} times`;
}

/** Structural problems: unknown or duplicate ids, bad settings, bad rankings. Empty when the input is well-formed. */
export function validateInput(input: AssignmentInput): string[] {
  const errors: string[] = [];
  const groupIds = new Set<string>();
  const groupName = new Map<string, string>();
  for (const group of input.groups) {
    if (groupIds.has(group.id)) errors.push(`Group id "${group.id}" appears twice.`);
    groupIds.add(group.id);
    groupName.set(group.id, group.name || group.id);
  }
  const meetingIds = new Set<string>();
  const meetingLabel = new Map<string, string>();
  for (const meeting of input.meetings) {
    if (meetingIds.has(meeting.id)) errors.push(`Meeting id "${meeting.id}" appears twice.`);
    meetingIds.add(meeting.id);
    meetingLabel.set(meeting.id, meeting.label || meeting.date);
    if (!DATE.test(meeting.date))
      errors.push(`Meeting ${meeting.label || meeting.id} has date "${meeting.date}", not YYYY-MM-DD.`);
  }
  if (input.groups.length === 0) errors.push('There are no groups to assign.');
  if (input.meetings.length === 0) errors.push('No meetings need presenters.');

  const { presentersPerMeeting: p, summarizersPerMeeting: s, reviewersPerMeeting: v } = input.settings;
  if (!isCount(p)) errors.push(`Presenters per meeting must be a whole number ≥ 0, not ${String(p)}.`);
  if (!isCount(s)) errors.push(`Summarizers per meeting must be a whole number ≥ 0, not ${String(s)}.`);
  if (v !== 'each-group-once' && !isCount(v)) {
    errors.push(`Reviewers per meeting must be a whole number ≥ 0 or "each-group-once", not ${String(v)}.`);
  }
  if (input.timeLimitSeconds !== undefined && !(input.timeLimitSeconds > 0)) {
    errors.push(
      `The time limit must be a positive number of seconds, not ${String(input.timeLimitSeconds)}.`,
    );
  }

  for (const [groupId, list] of Object.entries(input.preferences)) {
    if (!groupIds.has(groupId)) {
      errors.push(`Preferences are given for an unknown group "${groupId}".`);
      continue;
    }
    const name = groupName.get(groupId);
    const seen = new Set<string>();
    for (const meetingId of list) {
      if (!meetingIds.has(meetingId)) {
        errors.push(`${name} ranks "${meetingId}", which is not a meeting that needs presenters.`);
      } else if (seen.has(meetingId)) {
        errors.push(`${name} ranks ${meetingLabel.get(meetingId)} twice.`);
      }
      seen.add(meetingId);
    }
  }
  for (const lock of input.locks ?? []) {
    if (!groupIds.has(lock.groupId)) errors.push(`A lock names an unknown group "${lock.groupId}".`);
    if (!meetingIds.has(lock.meetingId))
      errors.push(`A lock names "${lock.meetingId}", which is not a meeting that needs presenters.`);
    if (!(ROLES as readonly string[]).includes(lock.role))
      errors.push(`A lock names an unknown role "${String(lock.role)}".`);
  }
  for (const ex of input.exclusions ?? []) {
    if (!groupIds.has(ex.groupId)) errors.push(`An exclusion names an unknown group "${ex.groupId}".`);
    if (!meetingIds.has(ex.meetingId))
      errors.push(`An exclusion names "${ex.meetingId}", which is not a meeting that needs presenters.`);
  }
  return errors;
}

function rolesNeeded(inst: Instance): { total: number; words: string } {
  const { presenter, summarizer, reviewer } = inst.perMeeting;
  const reviewers = reviewer ?? inst.reviewerSpread?.min ?? 0;
  const parts: string[] = [];
  if (presenter > 0) parts.push(plural(presenter, 'presenter'));
  if (summarizer > 0) parts.push(plural(summarizer, 'summarizer'));
  if (reviewers > 0) parts.push(plural(reviewers, 'reviewer'));
  return { total: presenter + summarizer + reviewers, words: parts.join(', ') };
}

function perMeetingMax(inst: Instance, role: Role): number {
  if (role === 'reviewer') return inst.perMeeting.reviewer ?? inst.reviewerSpread?.max ?? 0;
  return inst.perMeeting[role];
}

/** Causes of infeasibility that can be named before solving. Empty does not prove feasibility. */
export function feasibilityProblems(inst: Instance): string[] {
  const problems: string[] = [];
  const n = inst.groups.length;
  const name = (g: number) => inst.groups[g]!.name;
  const label = (m: number) => inst.meetings[m]!.label;

  const need = rolesNeeded(inst);
  inst.meetings.forEach((meeting, m) => {
    const available = inst.groups.filter((_, g) => !inst.excluded[g]![m]).length;
    if (need.total > available) {
      const who =
        available === n
          ? n === 1
            ? 'there is only 1 group'
            : `there are only ${plural(n, 'group')}`
          : `only ${plural(available, 'group is', 'groups are')} available`;
      problems.push(`${meeting.label} needs ${plural(need.total, 'group')} (${need.words}) but ${who}.`);
    }
  });

  inst.groups.forEach((group, g) => {
    const minRoles = ROLES.reduce((sum, role) => sum + groupLoad(inst, role, g).min, 0);
    const available = inst.meetings.filter((_, m) => !inst.excluded[g]![m]).length;
    if (available === 0) problems.push(`${group.name} is excluded from every meeting.`);
    else if (available < minRoles) {
      problems.push(
        `${group.name} is available for ${plural(available, 'meeting')} but must take ${minRoles} roles, at most one per meeting.`,
      );
    }
  });

  // Locks: on an excluded date, two roles in one meeting, more than a meeting takes, more than a group may hold.
  const byGroupMeeting = new Map<string, Role[]>();
  const byMeetingRole = new Map<string, number>();
  const byGroupRole = new Map<string, number>();
  for (const lock of inst.locks) {
    if (inst.excluded[lock.g]![lock.m]) {
      problems.push(
        `${name(lock.g)} is locked as ${lock.role} on ${label(lock.m)} but is unavailable that day.`,
      );
    }
    const gm = `${lock.g}|${lock.m}`;
    byGroupMeeting.set(gm, [...(byGroupMeeting.get(gm) ?? []), lock.role]);
    const mr = `${lock.m}|${lock.role}`;
    byMeetingRole.set(mr, (byMeetingRole.get(mr) ?? 0) + 1);
    const gr = `${lock.g}|${lock.role}`;
    byGroupRole.set(gr, (byGroupRole.get(gr) ?? 0) + 1);
  }
  for (const [key, roles] of byGroupMeeting) {
    if (roles.length < 2) continue;
    const [g, m] = key.split('|').map(Number) as [number, number];
    problems.push(
      `Locks give ${name(g)} ${roles.length === 2 ? 'two' : roles.length} roles on ${label(m)} (${roles.join(' and ')}).`,
    );
  }
  for (const [key, count] of byMeetingRole) {
    const [mText, role] = key.split('|') as [string, Role];
    const max = perMeetingMax(inst, role);
    if (count > max) {
      problems.push(
        `Locks put ${plural(count, `${role} group`)} on ${label(Number(mText))} but it takes ${max}.`,
      );
    }
  }
  for (const [key, count] of byGroupRole) {
    const [gText, role] = key.split('|') as [string, Role];
    const bounds = { ...inst.loads[role], max: groupLoad(inst, role, Number(gText)).max };
    if (count <= bounds.max) continue;
    const why =
      role === 'reviewer' && inst.reviewerSpread
        ? 'each group reviews exactly once'
        : `with ${plural(bounds.total, `${ROLE_NOUN[role]} slot`)} for ${plural(n, 'group')} no group may ${ROLE_VERB[role]} more than ${times(bounds.max)}`;
    problems.push(
      `Locks give ${name(Number(gText))} ${plural(count, `${ROLE_NOUN[role]} slot`)}, but ${why}.`,
    );
  }
  return problems;
}

/** Where the numbers do not let every group take every role once, says how the plan shares them out. */
export function shortfallNotes(inst: Instance): { notes: string[]; shortfalls: string[] } {
  const notes: string[] = [];
  const shortfalls: string[] = [];
  const n = inst.groups.length;
  const m = inst.meetings.length;
  for (const role of ROLES) {
    if (role === 'reviewer' && inst.reviewerSpread) continue;
    const perMeeting = inst.perMeeting[role] ?? 0;
    const { total, min, max } = inst.loads[role];
    if (perMeeting === 0) continue;
    const verb = ROLE_VERB[role];
    if (inst.groupLoads && inst.replan) {
      // A re-plan shares out only the classes left: what counts is each group's total over the term.
      const bounds = inst.groupLoads[role];
      const none = bounds.filter((b) => b.max === 0).length;
      const held = none === 1 ? '1 group already holds its share' : `${none} groups already hold their share`;
      notes.push(
        `${plural(total, `${ROLE_NOUN[role]} slot`)} left for ${plural(n, 'group')}, shared so that each group's total over the term stays as even as the classes left allow${none > 0 ? ` (${held})` : ''}.`,
      );
      continue;
    }
    if (total < n) {
      const head =
        role === 'presenter' && perMeeting === 1
          ? `${plural(n, 'group')} but ${plural(m, 'meeting needs', 'meetings need')} presenters`
          : `${plural(n, 'group')} but only ${plural(total, `${ROLE_NOUN[role]} slot`)} (${plural(m, 'meeting')} × ${perMeeting})`;
      const text = `${head}: not every group can ${verb}; ${total} ${total === 1 ? 'group' : 'groups'} ${verb} once and ${n - total} do not.`;
      shortfalls.push(text);
      notes.push(text);
    } else if (max > min) {
      const extra = total - min * n;
      notes.push(
        `${plural(total, `${ROLE_NOUN[role]} slot`)} for ${plural(n, 'group')}: ${extra} ${extra === 1 ? 'group' : 'groups'} ${verb} ${times(max)} and ${n - extra} ${times(min)}.`,
      );
    }
  }
  if (inst.reviewerSpread) {
    const { min, max } = inst.reviewerSpread;
    if (n < m) {
      notes.push(
        `${plural(n, 'group')} each review once, so ${m - n} of the ${plural(m, 'meeting')} have no reviewer group.`,
      );
    } else if (max > min) {
      notes.push(
        `Each group reviews once: each meeting has ${min} or ${max} reviewer groups (${plural(n, 'group')} over ${plural(m, 'meeting')}).`,
      );
    }
  }
  return { notes, shortfalls };
}

/** Every hard constraint the assignments break, in words. Empty means the plan is valid for this input. */
export function checkPlan(input: AssignmentInput, assignments: RoleAssignment[]): Violation[] {
  const inst = buildInstance(input);
  const violations: Violation[] = [];
  const n = inst.groups.length;
  const held = new Map<string, Role[]>(); // "g|m" → roles
  const perMeeting = inst.meetings.map(() => ({ presenter: 0, summarizer: 0, reviewer: 0 }));
  const perGroup = inst.groups.map(() => ({ presenter: 0, summarizer: 0, reviewer: 0 }));
  const seen = new Set<string>();

  for (const a of assignments) {
    const g = inst.groupIndex.get(a.groupId);
    const m = inst.meetingIndex.get(a.meetingId);
    if (g === undefined) {
      violations.push({
        code: 'unknown-group',
        message: `Unknown group "${a.groupId}".`,
        groupId: a.groupId,
      });
      continue;
    }
    if (m === undefined) {
      violations.push({
        code: 'unknown-meeting',
        message: `Unknown meeting "${a.meetingId}".`,
        meetingId: a.meetingId,
      });
      continue;
    }
    const key = `${g}|${m}|${a.role}`;
    if (seen.has(key)) {
      violations.push({
        code: 'duplicate',
        message: `${inst.groups[g]!.name} is listed twice as ${a.role} on ${inst.meetings[m]!.label}.`,
        groupId: a.groupId,
        meetingId: a.meetingId,
        role: a.role,
      });
      continue;
    }
    seen.add(key);
    perMeeting[m]![a.role]++;
    perGroup[g]![a.role]++;
    held.set(`${g}|${m}`, [...(held.get(`${g}|${m}`) ?? []), a.role]);
    if (inst.excluded[g]![m]) {
      violations.push({
        code: 'exclusion',
        message: `${inst.groups[g]!.name} is unavailable on ${inst.meetings[m]!.label} but is assigned as ${a.role}.`,
        groupId: a.groupId,
        meetingId: a.meetingId,
        role: a.role,
      });
    }
  }

  for (const [key, roles] of held) {
    if (roles.length < 2) continue;
    const [g, m] = key.split('|').map(Number) as [number, number];
    violations.push({
      code: 'two-roles',
      message: `${inst.groups[g]!.name} holds ${roles.length} roles on ${inst.meetings[m]!.label} (${roles.join(' and ')}); a group takes one role per meeting.`,
      groupId: inst.groups[g]!.id,
      meetingId: inst.meetings[m]!.id,
    });
  }

  inst.meetings.forEach((meeting, m) => {
    for (const role of ROLES) {
      const count = perMeeting[m]![role];
      const fixed = inst.perMeeting[role];
      if (fixed !== null) {
        if (count !== fixed) {
          violations.push({
            code: 'meeting-count',
            message: `${meeting.label} has ${plural(count, role)} but needs ${fixed}.`,
            meetingId: meeting.id,
            role,
          });
        }
      } else if (
        inst.reviewerSpread &&
        (count < inst.reviewerSpread.min || count > inst.reviewerSpread.max)
      ) {
        const { min, max } = inst.reviewerSpread;
        violations.push({
          code: 'reviewer-spread',
          message: `${meeting.label} has ${plural(count, 'reviewer group')}; with each group reviewing once it needs ${min === max ? min : `${min} or ${max}`}.`,
          meetingId: meeting.id,
          role,
        });
      }
    }
  });

  inst.groups.forEach((group, g) => {
    for (const role of ROLES) {
      const count = perGroup[g]![role];
      const { total } = inst.loads[role];
      const { min, max } = groupLoad(inst, role, g);
      if (count >= min && count <= max) continue;
      if (role === 'reviewer' && inst.reviewerSpread) {
        violations.push({
          code: 'review-once',
          message: `${group.name} reviews ${times(count)}; each group reviews exactly once.`,
          groupId: group.id,
          role,
        });
        continue;
      }
      const range = min === max ? `exactly ${times(min)}` : `${times(min)} or ${times(max)}`;
      violations.push({
        code: 'load',
        message: `${group.name} has ${plural(count, `${ROLE_NOUN[role]} slot`)}; with ${total} for ${plural(n, 'group')} each must ${ROLE_VERB[role]} ${range}.`,
        groupId: group.id,
        role,
      });
    }
  });

  for (const lock of inst.locks) {
    if (!seen.has(`${lock.g}|${lock.m}|${lock.role}`)) {
      const group = inst.groups[lock.g]!;
      const meeting = inst.meetings[lock.m]!;
      violations.push({
        code: 'lock',
        message: `Staff locked ${group.name} as ${lock.role} on ${meeting.label}, but the plan does not have it.`,
        groupId: group.id,
        meetingId: meeting.id,
        role: lock.role,
      });
    }
  }
  return violations;
}
