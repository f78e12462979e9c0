// Reads stored courses: the cheap version probe, the summary list, and the whole course mapped to the domain.
import type { Selectable } from 'kysely';
import type { MeetingKind, TermSeason } from '../../domain/course.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import { dialectOf, sqliteHandle, type Db } from '../db.js';
import type { CourseTable } from '../schema.js';

export interface CourseVersion {
  id: string;
  version: number;
  updatedAt: string;
}

export interface CourseSummaryRow {
  id: string;
  slug: string;
  code: string | null;
  title: string;
  term: { season: TermSeason; year: number } | null;
  timeZone: string;
  updatedAt: string;
}

const versionStatements = new WeakMap<object, { get(slug: string): unknown }>();

/**
 * One indexed lookup: lets readers trust a cached presentation while the version is unchanged.
 * It runs on every course request, so on SQLite it keeps its prepared statement.
 */
export async function findCourseVersion(db: Db, slug: string): Promise<CourseVersion | null> {
  const raw = sqliteHandle(db);
  if (raw) {
    let statement = versionStatements.get(raw);
    if (!statement) {
      statement = raw.prepare('select id, version, updated_at from courses where slug = ?');
      versionStatements.set(raw, statement);
    }
    const hit = statement.get(slug) as { id: string; version: number; updated_at: string } | undefined;
    return hit ? { id: hit.id, version: hit.version, updatedAt: hit.updated_at } : null;
  }
  const row = await db
    .selectFrom('courses')
    .select(['id', 'version', 'updated_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? { id: row.id, version: row.version, updatedAt: row.updated_at } : null;
}

function termOf(row: Pick<Selectable<CourseTable>, 'term_season' | 'term_year'>) {
  return row.term_season !== null && row.term_year !== null
    ? { season: row.term_season as TermSeason, year: row.term_year }
    : null;
}

export async function listCourseRows(db: Db): Promise<CourseSummaryRow[]> {
  const rows = await db
    .selectFrom('courses')
    .select(['id', 'slug', 'code', 'title', 'term_season', 'term_year', 'time_zone', 'updated_at'])
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    code: r.code,
    title: r.title,
    term: termOf(r),
    timeZone: r.time_zone,
    updatedAt: r.updated_at,
  }));
}

const parse = <T>(text: string | null, fallback: T): T =>
  text === null ? fallback : (JSON.parse(text) as T);

/** The whole course with its parts in syllabus order, or null when the slug is unknown. */
export async function loadCourse(db: Db, slug: string): Promise<StoredCourse | null> {
  // One snapshot for all seven reads, so a concurrent re-import is seen whole or not at all.
  let trx = db.transaction();
  if (dialectOf(db) === 'postgres') trx = trx.setIsolationLevel('repeatable read');
  const rows = await trx.execute(async (t) => {
    const c = await t.selectFrom('courses').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!c) return null;
    const units = await t
      .selectFrom('units')
      .selectAll()
      .where('course_id', '=', c.id)
      .orderBy('position')
      .execute();
    const meetings = await t
      .selectFrom('meetings')
      .selectAll()
      .where('course_id', '=', c.id)
      .orderBy('position')
      .execute();
    const readings = await t
      .selectFrom('readings')
      .selectAll()
      .where('course_id', '=', c.id)
      .orderBy('position')
      .execute();
    const components = await t
      .selectFrom('components')
      .selectAll()
      .where('course_id', '=', c.id)
      .orderBy('position')
      .execute();
    const policies = await t
      .selectFrom('policies')
      .selectAll()
      .where('course_id', '=', c.id)
      .orderBy('position')
      .execute();
    const milestones = await t
      .selectFrom('milestones')
      .selectAll()
      .where('course_id', '=', c.id)
      .orderBy('position')
      .execute();
    return { c, units, meetings, readings, components, policies, milestones };
  });
  if (!rows) return null;
  const { c, units, meetings, readings, components, policies, milestones } = rows;
  const unitTitle = new Map(units.map((u) => [u.id, u.title]));
  const readingsByMeeting = new Map<string, StoredCourse['meetings'][number]['readings']>();
  for (const r of readings) {
    const list = readingsByMeeting.get(r.meeting_id) ?? [];
    list.push({ id: r.id, title: r.title, url: r.url, required: r.required === 1, note: r.note });
    readingsByMeeting.set(r.meeting_id, list);
  }
  return {
    id: c.id,
    slug: c.slug,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    code: c.code,
    title: c.title,
    term: termOf(c),
    timeZone: c.time_zone,
    location: c.location,
    pattern: parse(c.pattern, null),
    staff: parse(c.staff, []),
    forum: parse(c.forum, null),
    staffEmail: c.staff_email,
    description: c.description,
    objectives: parse(c.objectives, []),
    units: units.map((u) => ({ id: u.id, title: u.title })),
    meetings: meetings.map((m) => ({
      id: m.id,
      date: m.date,
      kind: m.kind as MeetingKind,
      title: m.title,
      startTime: m.start_time,
      endTime: m.end_time,
      unit: m.unit_id === null ? null : (unitTitle.get(m.unit_id) ?? null),
      readings: readingsByMeeting.get(m.id) ?? [],
      needsPresenters: m.needs_presenters === 1,
      notes: parse(m.notes, []),
      extra: parse(m.extra, {}),
    })),
    components: components.map((k) => ({ id: k.id, key: k.key, name: k.name, weight: Number(k.weight) })),
    policies: policies.map((p) => ({ id: p.id, slug: p.slug, title: p.title, markdown: p.markdown })),
    milestones: milestones.map((m) => ({
      id: m.id,
      key: m.key,
      title: m.title,
      dueAt: m.due_at,
      meetingDates: parse(m.meeting_dates, []),
      source: m.source,
    })),
    resources: parse(c.resources, []),
    groupSize: parse(c.group_size, null),
  };
}
