// Response bodies of the groups pages: the overview with the viewer's abilities.
import type { GroupsBody } from '../../contracts/groups.js';
import type { CourseAction } from '../../domain/permissions.js';
import type { GroupsOverview } from '../../services/groups/list-groups.js';

export function presentGroups(
  overview: GroupsOverview,
  abilities: Record<CourseAction, boolean>,
): GroupsBody {
  return {
    settings: overview.settings,
    timeZone: overview.timeZone,
    deadlinePassed: overview.deadlinePassed,
    groups: overview.groups,
    myGroupId: overview.myGroupId,
    invitationsToMe: overview.invitationsToMe,
    invitationsFromMyGroup: overview.invitationsFromMyGroup,
    ungrouped: overview.ungrouped,
    abilities,
  };
}
