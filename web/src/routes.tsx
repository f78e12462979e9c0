// The routes table of the site: one entry per page, lazily loaded so each page ships only its own code.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface CoursePageRoute {
  /** Path below /courses/:slug ('' for the course home). */
  path: string;
  /** Label in the course navigation. */
  label: string;
  /** Downloads the page's code (also used to start it early, while the course data loads). */
  load: () => Promise<{ default: ComponentType }>;
  page: LazyExoticComponent<ComponentType>;
}

function page(path: string, label: string, load: () => Promise<{ default: ComponentType }>): CoursePageRoute {
  return { path, label, load, page: lazy(load) };
}

/**
 * Pages of one course, in navigation order. Pages added later (sign-in, groups, submissions)
 * append an entry here; CourseNav and the router both read this table.
 */
export const coursePages: CoursePageRoute[] = [
  page('', 'Home', () => import('./pages/CourseHomePage.js')),
  page('schedule', 'Schedule', () => import('./pages/SchedulePage.js')),
  page('grading', 'Grading', () => import('./pages/GradingPage.js')),
  page('policies', 'Policies', () => import('./pages/PoliciesPage.js')),
  page('project', 'Project', () => import('./pages/ProjectPage.js')),
  page('resources', 'Resources', () => import('./pages/ResourcesPage.js')),
];

export const CoursesPage = lazy(() => import('./pages/CoursesPage.js'));

/** "/courses/cs598/schedule" for a page of a course. */
export function coursePageUrl(slug: string, path: string): string {
  return `/courses/${encodeURIComponent(slug)}${path ? '/' + path : ''}`;
}
