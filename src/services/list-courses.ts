// Use case: the courses this instance hosts, by slug.
import { listCourseRows, type CourseSummaryRow } from '../storage/repositories/course-reader.js';
import type { ServiceDeps } from './deps.js';

export type CourseListItem = CourseSummaryRow;

export async function listCourses(deps: ServiceDeps): Promise<CourseListItem[]> {
  return listCourseRows(deps.db);
}
