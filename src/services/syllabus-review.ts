// Use cases of the import review: read a syllabus (pasted or by address) with staff's fixes, writing nothing; then apply it.
import type { ApplyView, ReviewBody, ReviewView } from '../contracts/syllabus-review.js';
import type { SyllabusFix } from '../syllabus/index.js';
import { loadCourse } from '../storage/repositories/course-reader.js';
import { loadSyllabusFixes } from '../storage/repositories/syllabus-fixes.js';
import { fetchSyllabus } from './fetch-syllabus.js';
import { importSyllabus } from './import-syllabus.js';
import { reviewSyllabus, type SyllabusReview } from './read-syllabus.js';
import type { ServiceDeps } from './deps.js';

export interface ReviewSettings {
  /** The zone a syllabus is read in when neither a fix nor the body names one. */
  defaultZone: string;
  allowLoopback: boolean;
}

interface Given {
  source: string | Uint8Array;
  fetchedFrom: string | null;
  baseUrl?: string;
  timeZone: string;
  fixes: SyllabusFix[];
}

/** The syllabus of the request: the Markdown given, or the file fetched from its address (whose folder is the base URL). */
async function given(
  deps: ServiceDeps,
  slug: string | null,
  body: ReviewBody,
  settings: ReviewSettings,
): Promise<Given> {
  const zone = await zoneOf(deps, slug, settings);
  const fixes =
    body.fixes !== undefined
      ? (body.fixes as SyllabusFix[])
      : slug === null
        ? []
        : await loadSyllabusFixes(deps.db, slug);
  const timeZone = body.timeZone ?? zone;
  if (body.url === undefined) {
    return { source: body.source ?? '', fetchedFrom: null, timeZone, fixes, ...baseOf(body.baseUrl) };
  }
  const fetched = await fetchSyllabus(body.url, { allowLoopback: settings.allowLoopback });
  const folder = new URL('.', fetched.url).href;
  return {
    source: fetched.bytes,
    fetchedFrom: fetched.url,
    timeZone,
    fixes,
    baseUrl: body.baseUrl ?? folder,
  };
}

const baseOf = (baseUrl: string | undefined) => (baseUrl === undefined ? {} : { baseUrl });

/** The zone of an existing course (re-import), else the default. */
async function zoneOf(deps: ServiceDeps, slug: string | null, settings: ReviewSettings): Promise<string> {
  if (slug === null) return settings.defaultZone;
  return (await loadCourse(deps.db, slug))?.timeZone ?? settings.defaultZone;
}

/** Reads without writing: the course as read beside its source, each warning at its line, each fix's outcome. */
export async function reviewForCourse(
  deps: ServiceDeps,
  slug: string | null,
  body: ReviewBody,
  settings: ReviewSettings,
): Promise<ReviewView> {
  const input = await given(deps, slug, body, settings);
  return presentReview(reviewSyllabus(input), input.fetchedFrom);
}

/** Stores the course as reviewed (the import's own path: re-import semantics unchanged) with its fixes. */
export async function applyForCourse(
  deps: ServiceDeps,
  slug: string,
  body: ReviewBody,
  settings: ReviewSettings,
): Promise<ApplyView> {
  const input = await given(deps, slug, body, settings);
  const result = await importSyllabus(deps, {
    ...input,
    slug,
    acceptPartial: body.acceptPartial === true,
  });
  return {
    slug,
    created: result.created,
    title: result.course.title,
    meetings: result.course.meetings.length,
    readings: result.course.meetings.reduce((n, m) => n + m.readings.length, 0),
    warnings: result.warnings,
    fixes: result.fixes,
  };
}

/** The fixes kept with a course and its zone, to start a review of a new version. */
export async function storedFixes(
  deps: ServiceDeps,
  slug: string,
  settings: ReviewSettings,
): Promise<{ fixes: SyllabusFix[]; timeZone: string }> {
  return { fixes: await loadSyllabusFixes(deps.db, slug), timeZone: await zoneOf(deps, slug, settings) };
}

const YEAR_WARNING = /\bno year\b|\byear is given\b/i;

export function presentReview(review: SyllabusReview, fetchedFrom: string | null): ReviewView {
  const { course, lines } = review;
  return {
    ok: review.ok,
    refusal: review.refusal,
    source: review.source,
    fetchedFrom,
    course: {
      code: course.code,
      title: course.title,
      term: course.term,
      timeZone: course.timeZone,
      location: course.location,
      pattern: course.pattern,
      meetings: course.meetings.map((m, k) => ({
        date: m.date,
        kind: m.kind,
        title: m.title,
        unit: m.unit,
        lines: lines.meetings[k] ?? [],
        readings: m.readings.map((r, j) => ({
          title: r.title,
          url: r.url,
          required: r.required,
          note: r.note,
          line: lines.readings[k]?.[j] ?? null,
        })),
        notes: m.notes,
      })),
      milestones: course.milestones.map((m, k) => ({
        key: m.key,
        title: m.title,
        dueAt: m.dueAt,
        meetingDates: m.meetingDates,
        line: lines.milestones[k] ?? null,
      })),
      units: course.units.map((u, k) => ({ title: u.title, line: lines.units[k] ?? null })),
      staff: course.staff.map((s, k) => ({ name: s.name, role: s.role, line: lines.staff[k] ?? null })),
      policies: course.policies.map((p) => ({ title: p.title })),
    },
    yearSource: review.warnings.find((w) => YEAR_WARNING.test(w.message)) ?? null,
    warnings: review.warnings,
    fixes: review.outcomes,
  };
}
