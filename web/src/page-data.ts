// The data a server-rendered course page carries (the course it was rendered from), so the browser hydrates it without fetching again.
import { ApiError, primeCourse, type CourseDetail } from './api.js';
import { matchPath } from './router.js';
import { coursePages, type CoursePageRoute } from './routes.js';

/** What the server embeds in a public course page: the course as the API gives it to this viewer, or null (no such course). */
export interface PageData {
  slug: string;
  /** The page was asked for with a session (its header shows the account, so it is hydrated at once). */
  signedIn?: boolean;
  course: CourseDetail | null;
}

/** id of the `<script type="application/json">` element holding the PageData. */
export const PAGE_DATA_ID = 'seminar-page';

/** The title the last server render asked for (useDocumentTitle writes it when there is no document). */
export const renderedTitle = { current: '' };

let seeded: PageData | null = null;

/** Takes the embedded data as the first answer for its course (in the browser, read from the page; on the server, given). */
export function seedPage(data: PageData | null): void {
  seeded = data;
  // In the browser, later visits to the course (another page of it) reuse it too.
  if (data?.course && typeof window !== 'undefined') primeCourse(data.slug, data.course);
}

/** The embedded data of the page, or null when the page was not server-rendered. */
export function readPageData(): PageData | null {
  const element = document.getElementById(PAGE_DATA_ID);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as PageData;
  } catch {
    return null;
  }
}

/** The course load the page was rendered with, for `slug`: the course, its absence (404), or undefined when not seeded. */
export function seededLoad(
  slug: string,
): { state: 'ok'; course: CourseDetail } | { state: 'error'; error: ApiError } | undefined {
  if (!seeded || seeded.slug !== slug) return undefined;
  return seeded.course
    ? { state: 'ok', course: seeded.course }
    : { state: 'error', error: new ApiError(404, 'not_found', `No course "${slug}" here.`) };
}

/** True once for the seeded course: its first load is the embedded one, no request needed. */
export function takeSeeded(slug: string): boolean {
  if (!seeded || seeded.slug !== slug) return false;
  seeded = null;
  return true;
}

/** The course page at `pathname` (/courses/:slug/schedule), or null. */
export function coursePageAt(pathname: string): CoursePageRoute | null {
  const match = matchPath('/courses/:slug/*', pathname);
  if (!match) return null;
  const rest = (match['*'] ?? '').replace(/\/+$/, '');
  return coursePages.find((p) => p.path === rest) ?? null;
}

/**
 * Loads the code of the page at `pathname` first, with the parts of it `course`'s viewer sees (null: every viewer's),
 * so hydration renders it at once (as the server did).
 */
export async function preloadPage(pathname: string, course: CourseDetail | null): Promise<void> {
  await coursePageAt(pathname)
    ?.load()
    .then((module) => module.loadParts?.(course))
    .catch(() => undefined);
}
