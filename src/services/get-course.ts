// Use case: one stored course by slug (model plus stable ids), or not_found.
import type { StoredCourse } from '../domain/stored-course.js';
import { findCourseVersion, loadCourse, type CourseVersion } from '../storage/repositories/course-reader.js';
import { DomainError, SLUG_PATTERN } from './errors.js';
import type { ServiceDeps } from './deps.js';

function notFound(slug: string): DomainError {
  return new DomainError('not_found', `No course "${slug.slice(0, 64)}" here.`);
}

export async function getCourse(deps: ServiceDeps, slug: string): Promise<StoredCourse> {
  if (!SLUG_PATTERN.test(slug)) throw notFound(slug);
  const course = await loadCourse(deps.db, slug);
  if (!course) throw notFound(slug);
  return course;
}

/** The course's id and version only (one indexed read): lets callers reuse a cached presentation. */
export async function getCourseVersion(deps: ServiceDeps, slug: string): Promise<CourseVersion> {
  if (!SLUG_PATTERN.test(slug)) throw notFound(slug);
  const version = await findCourseVersion(deps.db, slug);
  if (!version) throw notFound(slug);
  return version;
}
