// Response bodies about people's own accounts: the user, their courses, the session answer.
import type { User, MyCourse, SessionBody } from '../../contracts/auth.js';
import { canOnInstance, INSTANCE_ACTIONS, type Viewer } from '../../domain/permissions.js';
import type { CourseRef } from '../../storage/repositories/enrollments.js';
import type { UserRow } from '../../storage/repositories/users.js';

export function presentUser(user: UserRow): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    netId: user.net_id,
    isAdmin: user.is_admin === 1,
  };
}

export function presentMyCourses(courses: Array<CourseRef & { role: MyCourse['role'] }>): MyCourse[] {
  return courses.map((c) => ({ slug: c.slug, title: c.title, code: c.code, role: c.role }));
}

/** Instance-wide abilities (create courses, …) for the site frame. */
export function instanceAbilities(viewer: Viewer | null): Record<string, boolean> {
  return Object.fromEntries(INSTANCE_ACTIONS.map((a) => [a, canOnInstance(a, viewer)]));
}

export function presentSession(
  user: UserRow | null,
  viewer: Viewer | null,
  csrfToken: string,
  courses: MyCourse[],
): SessionBody {
  return { user: user ? presentUser(user) : null, csrfToken, courses, abilities: instanceAbilities(viewer) };
}
