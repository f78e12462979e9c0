// What every grades use case starts from: the course's categories, settings and items (derived on first use, kept in step with roles), and the people.
import { ulid } from 'ulid';
import { parseDecimal, type Ratio } from '../../domain/exact.js';
import { deriveGradeItems } from '../../domain/grade-items.js';
import {
  DEFAULT_CUTOFFS,
  type GradeCategory,
  type GradeItem,
  type LetterCutoff,
} from '../../domain/grading.js';
import type { Period } from '../../domain/obligations.js';
import { DEFAULT_PARTICIPATION, type ParticipationFormula } from '../../domain/participation.js';
import type { RubricCriterion } from '../../domain/rubrics.js';
import { toCourseModel } from '../../domain/stored-course.js';
import {
  findSettingsRow,
  insertItemRows,
  insertMissingCategories,
  listCategoryRows,
  listItemRows,
  listMemberships,
  listStudentEnrollments,
  updateItemRow,
  type GradeItemRow,
} from '../../storage/repositories/grades.js';
import { listRoleHolders } from '../../storage/repositories/work-people.js';
import { loadCoursePeriods, personPeriods } from '../enrollment/periods.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';

/** Regrade requests are accepted for a week after an item is released, unless staff set another window. */
export const DEFAULT_REGRADE_DAYS = 7;

export interface GradeSettings {
  cutoffs: LetterCutoff[];
  participation: ParticipationFormula;
  regradeDays: number;
}

/** A stored grade item, read. */
export interface StoredItem extends GradeItem {
  key: string;
  deliverableKeys: string[];
  meetingDate: string | null;
  audience: 'individual' | 'group';
  groupIds: string[] | null;
  rubric: RubricCriterion[] | null;
  source: GradeItemRow['source'];
  releasedAt: string | null;
  /** Decimal as entered. */
  points: string;
}

export interface GradeStudent {
  id: string;
  name: string;
  email: string;
  netId: string | null;
  /** Canvas's ids, once a Canvas export matched the student (canvas-import.ts); the Canvas CSV writes them back. */
  canvas?: { id: string | null; sisUserId: string | null; sisLoginId: string | null };
  active: boolean;
  /** Enrollment periods, as stored (obligations start there; loadCoursePeriods, the one source every view reads). */
  enrollment: readonly Period[];
  /** The current group with the student's periods in it (its earlier work before them was not theirs). */
  group: { id: string; name: string; periods: readonly Period[] } | null;
}

export interface GradeCourse {
  work: WorkCourse;
  categories: Array<GradeCategory & { weightText: string }>;
  settings: GradeSettings;
  items: StoredItem[];
  students: GradeStudent[];
  groups: Array<{ id: string; name: string; memberIds: string[] }>;
}

const dec = (text: string): Ratio => parseDecimal(text) ?? parseDecimal('0')!;

export function itemOf(row: GradeItemRow): StoredItem {
  return {
    id: row.id,
    key: row.key,
    categoryKey: row.category_key,
    title: row.title,
    pointsPossible: dec(row.points_possible),
    points: row.points_possible,
    dueAt: row.due_at,
    handIn: row.hand_in === 1,
    released: row.released_at !== null,
    releasedAt: row.released_at,
    deliverableKeys: JSON.parse(row.deliverable_keys) as string[],
    meetingDate: row.meeting_date,
    audience: row.audience,
    groupIds: row.group_ids === null ? null : (JSON.parse(row.group_ids) as string[]),
    rubric: row.rubric === null ? null : (JSON.parse(row.rubric) as RubricCriterion[]),
    source: row.source,
  };
}

export function settingsOf(
  row: { cutoffs: string; participation: string; regrade_days: number } | undefined,
): GradeSettings {
  if (!row)
    return {
      cutoffs: [...DEFAULT_CUTOFFS],
      participation: { ...DEFAULT_PARTICIPATION },
      regradeDays: DEFAULT_REGRADE_DAYS,
    };
  const cutoffs = (JSON.parse(row.cutoffs) as Array<{ letter: string; min: string }>).map((c) => ({
    letter: c.letter,
    min: dec(c.min),
  }));
  return {
    cutoffs,
    participation: {
      ...DEFAULT_PARTICIPATION,
      ...(JSON.parse(row.participation) as Partial<ParticipationFormula>),
    },
    regradeDays: row.regrade_days,
  };
}

/**
 * Keeps the stored categories and items in step with the course: a syllabus component without a category
 * gets one (its weight as written); an item the deliverables and roles call for is added; a derived item's
 * groups, class and due instant follow the roles (staff edits of title, points and rubric stay).
 */
async function syncItems(deps: Pick<WorkDeps, 'db' | 'clock'>, work: WorkCourse): Promise<void> {
  const stamp = deps.clock().toISOString();
  const course = work.course;
  await insertMissingCategories(
    deps.db,
    course.components.map((c, position) => ({
      course_id: course.id,
      key: c.key,
      name: c.name,
      weight: String(c.weight),
      drop_lowest: 0,
      position,
      updated_at: stamp,
    })),
  );
  const dateOf = new Map(course.meetings.map((m) => [m.id, m.date]));
  const roles = (await listRoleHolders(deps.db, course.id))
    .filter((r) => dateOf.has(r.meeting_id) && (r.role === 'presenter' || r.role === 'summarizer'))
    .map((r) => ({
      meetingDate: dateOf.get(r.meeting_id)!,
      groupId: r.group_id,
      role: r.role as 'presenter',
    }));
  const drafts = deriveGradeItems(
    toCourseModel(course),
    work.deliverables.map((d) => d.spec),
    roles,
  );
  const existing = new Map((await listItemRows(deps.db, course.id)).map((r) => [r.key, r]));
  const missing: GradeItemRow[] = [];
  for (const [position, d] of drafts.entries()) {
    const groupIds = d.groupIds === null ? null : JSON.stringify(d.groupIds);
    const row = existing.get(d.key);
    if (!row) {
      missing.push({
        id: ulid(),
        course_id: course.id,
        key: d.key,
        category_key: d.categoryKey,
        title: d.title,
        points_possible: d.pointsPossible,
        deliverable_keys: JSON.stringify(d.deliverableKeys),
        meeting_date: d.meetingDate,
        audience: d.audience,
        group_ids: groupIds,
        due_at: d.dueAt,
        hand_in: d.handIn ? 1 : 0,
        rubric: d.rubric === null ? null : JSON.stringify(d.rubric),
        source: d.source,
        released_at: null,
        position,
        created_at: stamp,
        updated_at: stamp,
      });
    } else if (row.group_ids !== groupIds || row.due_at !== d.dueAt || row.meeting_date !== d.meetingDate) {
      await updateItemRow(deps.db, course.id, row.id, {
        group_ids: groupIds,
        due_at: d.dueAt,
        meeting_date: d.meetingDate,
        updated_at: stamp,
      });
    }
  }
  await insertItemRows(deps.db, missing);
}

/** The grade data of a course, items in step with its deliverables and roles. */
export async function loadGradeCourse(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
): Promise<GradeCourse> {
  await syncItems(deps, work);
  const courseId = work.course.id;
  const categories = (await listCategoryRows(deps.db, courseId)).map((r) => ({
    key: r.key,
    name: r.name,
    weight: dec(r.weight),
    weightText: r.weight,
    dropLowest: r.drop_lowest,
  }));
  const settings = settingsOf(await findSettingsRow(deps.db, courseId));
  const items = (await listItemRows(deps.db, courseId)).map(itemOf);
  const memberships = await listMemberships(deps.db, courseId);
  const groupOf = new Map(memberships.map((m) => [m.user_id, m]));
  const periods = await loadCoursePeriods(deps.db, courseId);
  const students = (await listStudentEnrollments(deps.db, courseId)).map((s) => {
    const m = groupOf.get(s.id);
    return {
      id: s.id,
      name: s.name,
      email: s.email,
      netId: s.net_id,
      canvas: {
        id: s.canvas_id ?? null,
        sisUserId: s.sis_user_id ?? null,
        sisLoginId: s.sis_login_id ?? null,
      },
      active: s.dropped_at === null,
      enrollment: personPeriods(periods, s.id).enrollment,
      group: m
        ? { id: m.group_id, name: m.name, periods: personPeriods(periods, s.id, m.group_id).group ?? [] }
        : null,
    };
  });
  const groups = new Map<string, { id: string; name: string; memberIds: string[] }>();
  for (const m of memberships) {
    const g = groups.get(m.group_id) ?? { id: m.group_id, name: m.name, memberIds: [] };
    g.memberIds.push(m.user_id);
    groups.set(m.group_id, g);
  }
  return {
    work,
    categories,
    settings,
    items,
    students,
    groups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
