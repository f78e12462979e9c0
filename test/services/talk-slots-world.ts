// Fixture of the talk-slot suites: the demo syllabus (Oct 21 and Oct 23 presentation days), four groups of two, staff, and a second course with its own group.
import { readFileSync } from 'node:fs';
import { ulid } from 'ulid';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import type { Db } from '../../src/storage/db.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { buildCourse } from '../support/course-factory.js';
import { makePerson } from '../http/auth-client.js';

export const SLUG = 'cs598-genai-f24';
export const MIDTERM = 'midterm-presentation';
const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url));

export interface SlotWorld {
  courseId: string;
  /** Group 1 … Group 4, two students each. */
  groups: string[];
  /** students[g] = the two members of groups[g]. */
  students: string[][];
  loner: string;
  ta: string;
  prof: string;
  otherGroup: string;
  meeting(date: string): string;
}

export async function buildSlotWorld(db: Db, now: Date, emailPrefix = ''): Promise<SlotWorld> {
  const stamp = now.toISOString();
  await importSyllabus(
    { db, clock: () => now },
    { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' },
  );
  const ref = (await findCourseRef(db, SLUG))!;
  const course = (await loadCourse(db, SLUG))!;
  const person = async (name: string, role: 'student' | 'ta' | 'instructor', courseId = ref.id) =>
    (await makePerson(db, now, `${emailPrefix}${name}@example.edu`, { courseId, role, name })).id;
  const groups: string[] = [];
  const students: string[][] = [];
  for (let g = 1; g <= 4; g++) {
    const id = ulid();
    await insertGroup(db, { id, course_id: ref.id, name: `Group ${g}`, created_at: stamp, created_by: null });
    const members = [await person(`s${g}a`, 'student'), await person(`s${g}b`, 'student')];
    for (const m of members)
      await insertMember(db, { group_id: id, user_id: m, course_id: ref.id, joined_at: stamp });
    groups.push(id);
    students.push(members);
  }
  const loner = await person('loner', 'student');
  const ta = await person('ta', 'ta');
  const prof = await person('prof', 'instructor');

  await saveCourse(db, 'other-course', buildCourse({ title: 'Another Seminar' }), stamp);
  const other = (await findCourseRef(db, 'other-course'))!;
  const otherGroup = ulid();
  await insertGroup(db, {
    id: otherGroup,
    course_id: other.id,
    name: 'Outsiders',
    created_at: stamp,
    created_by: null,
  });
  const outsider = await person('outsider', 'student', other.id);
  await insertMember(db, { group_id: otherGroup, user_id: outsider, course_id: other.id, joined_at: stamp });

  return {
    courseId: ref.id,
    groups,
    students,
    loner,
    ta,
    prof,
    otherGroup,
    meeting: (date) => {
      const found = course.meetings.find((m) => m.date === date);
      if (!found) throw new Error(`no meeting on ${date}`);
      return found.id;
    },
  };
}
