// Response bodies about people's own accounts: the user, their courses, the session answer.
import type { User, MyCourse, SessionBody } from '../../contracts/auth.js';
import { canOnInstance, INSTANCE_ACTIONS, type Viewer } from '../../domain/permissions.js';
import type { Account } from '../../services/auth/users.js';

export function presentUser(user: Account): User {
  return { id: user.id, email: user.email, name: user.name, netId: user.netId, isAdmin: user.isAdmin };
}

/** Instance-wide abilities (create courses, …) for the site frame. */
export function instanceAbilities(viewer: Viewer | null): Record<string, boolean> {
  return Object.fromEntries(INSTANCE_ACTIONS.map((a) => [a, canOnInstance(a, viewer)]));
}

export function presentSession(
  user: Account | null,
  viewer: Viewer | null,
  csrfToken: string,
  courses: MyCourse[],
): SessionBody {
  return { user: user ? presentUser(user) : null, csrfToken, courses, abilities: instanceAbilities(viewer) };
}
