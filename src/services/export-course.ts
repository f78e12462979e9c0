// Use case: a stored course written back as a Markdown syllabus in the layout it was imported from.
import { toCourseModel } from '../domain/stored-course.js';
import { exportSyllabus } from '../syllabus/index.js';
import { getCourse } from './get-course.js';
import type { ServiceDeps } from './deps.js';

export async function exportCourse(deps: ServiceDeps, slug: string): Promise<string> {
  const course = await getCourse(deps, slug);
  return exportSyllabus(toCourseModel(course));
}
