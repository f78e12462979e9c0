// The cached read of one course for a viewer, shared by the JSON API and the server-rendered course pages.
import type { Viewer } from '../../domain/permissions.js';
import { courseAbilities } from '../../domain/permissions.js';
import { getCourse, getCourseVersion } from '../../services/get-course.js';
import { membershipOf } from '../../services/enrollment/course-access.js';
import type { AppDeps } from '../deps.js';
import type { CachedBody } from './course-cache.js';

/**
 * The presented course as this viewer may see it: one indexed version read per call, the full course
 * loaded and presented only when its version changed. Throws not_found for an unknown slug.
 */
export async function readCourseBody(
  deps: AppDeps,
  slug: string,
  viewer: Viewer | null,
): Promise<CachedBody> {
  const now = deps.clock();
  const { id, version } = await getCourseVersion(deps, slug);
  if (!deps.courseCache.has(slug, id, version)) deps.courseCache.store(await getCourse(deps, slug), now);
  // What this viewer may do here, from the permission module (visitors: the public page only).
  const abilities = courseAbilities(viewer, await membershipOf(deps.db, id, viewer));
  return deps.courseCache.body(slug, now, abilities)!;
}
