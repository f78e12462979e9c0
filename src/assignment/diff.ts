// Compares the current roles with a proposed plan for the preview: what is added, removed or changed.
import type { PlanDiff, RoleAssignment } from './types.js';

function key(a: RoleAssignment): string {
  return `${a.meetingId}\u0000${a.groupId}`;
}

/**
 * Roles are matched by (meeting, group): a group that keeps its seat at a meeting but with another role is
 * "changed"; everything else is added or removed. Lists keep the order of their source.
 */
export function diffPlans(current: RoleAssignment[], proposed: RoleAssignment[]): PlanDiff {
  const before = new Map<string, RoleAssignment[]>();
  for (const a of current) before.set(key(a), [...(before.get(key(a)) ?? []), a]);
  const after = new Map<string, RoleAssignment[]>();
  for (const a of proposed) after.set(key(a), [...(after.get(key(a)) ?? []), a]);

  const diff: PlanDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const a of proposed) {
    const olds = before.get(key(a)) ?? [];
    if (olds.some((o) => o.role === a.role)) diff.unchanged++;
    else {
      const news = after.get(key(a))!;
      // A single old role replaced by a single new one at the same meeting is a change of role.
      if (olds.length === 1 && news.length === 1)
        diff.changed.push({ meetingId: a.meetingId, groupId: a.groupId, from: olds[0]!.role, to: a.role });
      else diff.added.push(a);
    }
  }
  for (const a of current) {
    const news = after.get(key(a)) ?? [];
    if (news.some((n) => n.role === a.role)) continue;
    const olds = before.get(key(a))!;
    if (olds.length === 1 && news.length === 1) continue; // reported as changed
    diff.removed.push(a);
  }
  return diff;
}
