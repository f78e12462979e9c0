// The routes table of the site: one entry per page, lazily loaded so each page ships only its own code.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type PageModule = { default: ComponentType };

export interface PageRoute {
  /** Downloads the page's code (also used to start it early, while data loads). */
  load: () => Promise<PageModule>;
  page: LazyExoticComponent<ComponentType>;
}

export interface SitePageRoute extends PageRoute {
  /** Path pattern for matchPath: "/", "/login", "/account/:tab". */
  pattern: string;
}

export interface CoursePageRoute extends PageRoute {
  /** Path below /courses/:slug ('' for the course home). */
  path: string;
  /** Label in the course navigation. */
  label: string;
}

function lazyPage(load: () => Promise<PageModule>): PageRoute {
  return { load, page: lazy(load) };
}

/** Pages outside any course. Later pages (sign-in, account) add an entry here. */
export const sitePages: SitePageRoute[] = [
  { pattern: '/', ...lazyPage(() => import('./pages/CoursesPage.js')) },
];

/**
 * Pages of one course, in navigation order. Pages added later (groups, submissions) append an
 * entry here; CourseNav and the router both read this table.
 */
export const coursePages: CoursePageRoute[] = [
  { path: '', label: 'Home', ...lazyPage(() => import('./pages/CourseHomePage.js')) },
  { path: 'schedule', label: 'Schedule', ...lazyPage(() => import('./pages/SchedulePage.js')) },
  { path: 'grading', label: 'Grading', ...lazyPage(() => import('./pages/GradingPage.js')) },
  { path: 'policies', label: 'Policies', ...lazyPage(() => import('./pages/PoliciesPage.js')) },
  { path: 'project', label: 'Project', ...lazyPage(() => import('./pages/ProjectPage.js')) },
  { path: 'resources', label: 'Resources', ...lazyPage(() => import('./pages/ResourcesPage.js')) },
];

/** "/courses/cs598/schedule" for a page of a course. */
export function coursePageUrl(slug: string, path: string): string {
  return `/courses/${encodeURIComponent(slug)}${path ? '/' + path : ''}`;
}
