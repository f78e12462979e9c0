// Server rendering of the public course pages (built by `vite build --ssr` into web/dist-ssr, loaded by the server).
import { renderToString } from 'preact-render-to-string';
import { App } from './App.js';
import { noteServerTime } from './components/server-now.js';
import { coursePageAt, renderedTitle, seedPage, type PageData } from './page-data.js';

/**
 * The module of each public page's code (a key of the client build's manifest): the server links its scripts and
 * stylesheets from the page's head, so they load beside the entry and the first paint is already styled.
 */
export const pageSources: Record<string, string> = {
  '': 'src/pages/CourseHomePage.tsx',
  schedule: 'src/pages/SchedulePage.tsx',
  grading: 'src/pages/GradingPage.tsx',
  policies: 'src/pages/PoliciesPage.tsx',
  project: 'src/pages/ProjectPage.tsx',
  resources: 'src/pages/ResourcesPage.tsx',
};

/** Course pages anyone may read: the ones rendered on the server. */
export const publicPaths = Object.keys(pageSources);

/** Loads the public pages' code once (with what each shows any viewer), so that rendering is synchronous. */
export async function preload(): Promise<void> {
  await Promise.all(
    publicPaths.map((path) =>
      coursePageAt(`/courses/x/${path}`)
        ?.load()
        .then((module) => module.loadParts?.(null)),
    ),
  );
}

/**
 * The markup of the page at `pathname` for this data, and its document title; "now" (the next class and how far
 * away it is) is the server's clock `serverNow`.
 */
export function renderPage(
  pathname: string,
  data: PageData,
  serverNow: string,
): { html: string; title: string } {
  noteServerTime(serverNow);
  seedPage(data);
  renderedTitle.current = 'Seminar';
  try {
    const html = renderToString(<App at={{ pathname, search: '', hash: '' }} />);
    return { html, title: renderedTitle.current };
  } finally {
    seedPage(null);
  }
}
