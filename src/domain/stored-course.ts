// A course as stored: the course model plus the ids the database keeps stable across re-imports.
import type {
  CourseModel,
  GradeComponent,
  Meeting,
  Milestone,
  PolicySection,
  Reading,
  Unit,
} from './course.js';

export type WithId<T> = T & { id: string };

export type StoredReading = WithId<Reading>;
export type StoredMeeting = WithId<Omit<Meeting, 'readings'>> & { readings: StoredReading[] };

export interface StoredCourse extends Omit<
  CourseModel,
  'units' | 'meetings' | 'components' | 'policies' | 'milestones'
> {
  id: string;
  slug: string;
  /** Bumped by every import; caches key on it. */
  version: number;
  createdAt: string;
  updatedAt: string;
  units: WithId<Unit>[];
  meetings: StoredMeeting[];
  components: WithId<GradeComponent>[];
  policies: WithId<PolicySection>[];
  milestones: WithId<Milestone>[];
}

/** The plain course model of a stored course (ids and bookkeeping dropped), e.g. to export or compare. */
export function toCourseModel(course: StoredCourse): CourseModel {
  const strip = <T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;
  return {
    code: course.code,
    title: course.title,
    term: course.term,
    timeZone: course.timeZone,
    location: course.location,
    pattern: course.pattern,
    staff: course.staff,
    forum: course.forum,
    staffEmail: course.staffEmail,
    description: course.description,
    objectives: course.objectives,
    units: course.units.map(strip),
    meetings: course.meetings.map((m) => ({ ...strip(m), readings: m.readings.map(strip) })),
    components: course.components.map(strip),
    policies: course.policies.map(strip),
    milestones: course.milestones.map(strip),
    resources: course.resources,
    groupSize: course.groupSize,
  };
}
