// The web client's only door to the server: typed GETs of the course API with errors as values the pages can show.
import type { CourseDetail, CourseSummary } from '../../src/contracts/course.js';

export type { CourseDetail, CourseSummary, MeetingView } from '../../src/contracts/course.js';

/** An API failure: HTTP status (0 when the network failed) plus the server's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get notFound(): boolean {
    return this.status === 404;
  }
}

interface Prefetch {
  path: string;
  response: Promise<Response | null>;
}

declare global {
  interface Window {
    __seminarPrefetch?: Prefetch;
  }
}

/** Takes the request web/public/prefetch.js started for this path, once. */
function takePrefetch(path: string): Promise<Response | null> | null {
  const pre = window.__seminarPrefetch;
  if (!pre || pre.path !== path) return null;
  window.__seminarPrefetch = undefined;
  return pre.response;
}

async function getJson<T>(path: string): Promise<T> {
  let response: Response | null;
  try {
    response = (await takePrefetch(path)) ?? (await fetch(path, { headers: { accept: 'application/json' } }));
  } catch {
    response = null;
  }
  if (!response) throw new ApiError(0, 'network', 'The server could not be reached. Check your connection.');
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy error page or an empty body: reported below by status.
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_' + response.status,
      error?.message ?? response.statusText,
    );
  }
  return body as T;
}

const cache = new Map<string, Promise<unknown>>();

/** One request per path per page load; a failed request is forgotten so "Try again" refetches. */
function cached<T>(path: string): Promise<T> {
  let hit = cache.get(path) as Promise<T> | undefined;
  if (!hit) {
    hit = getJson<T>(path);
    hit.catch(() => cache.delete(path));
    cache.set(path, hit);
  }
  return hit;
}

/** Keeps a course the page already carries (server-rendered) as the answer of its GET. */
export function primeCourse(slug: string, course: CourseDetail): void {
  cache.set(coursePath(slug), Promise.resolve(course));
}

/** The next GET of `path` asks the server: the cached answer, and a prefetch started at page load, are dropped. */
export function forget(path: string): void {
  cache.delete(path);
  if (window.__seminarPrefetch?.path === path) window.__seminarPrefetch = undefined;
}

export const coursesPath = '/api/courses';
export const coursePath = (slug: string): string => `/api/courses/${encodeURIComponent(slug)}`;

/** GET /api/courses — accepts a bare array or the `{ courses: [...] }` envelope. */
export async function fetchCourses(): Promise<CourseSummary[]> {
  const body = await cached<CourseSummary[] | { courses: CourseSummary[] }>(coursesPath);
  return Array.isArray(body) ? body : body.courses;
}

/** GET /api/courses/:slug — the whole public course, Markdown fields pre-rendered and sanitized. */
export async function fetchCourse(slug: string): Promise<CourseDetail> {
  const body = await cached<CourseDetail | { course: CourseDetail }>(coursePath(slug));
  return 'course' in body && typeof body.course === 'object' ? body.course : (body as CourseDetail);
}
