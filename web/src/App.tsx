// The site's router: picks the page for the current path from the routes table, inside the site frame.
import { Suspense } from 'react';
import { SiteLayout } from './components/SiteLayout.js';
import { CourseLayout } from './components/CourseLayout.js';
import { Loading } from './components/states.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { coursePages, sitePages } from './routes.js';
import { matchPath, Params, Router, useLocation, type Location } from './router.js';

function Page() {
  const { pathname } = useLocation();
  for (const route of sitePages) {
    const params = matchPath(route.pattern, pathname);
    if (params) {
      return (
        <Params value={params}>
          <Suspense fallback={<Loading label="Loading the page" />}>
            <route.page />
          </Suspense>
        </Params>
      );
    }
  }
  const course = matchPath('/courses/:slug/*', pathname);
  if (course) {
    const rest = (course['*'] ?? '').replace(/\/+$/, '');
    return (
      <Params value={course}>
        <CourseLayout route={coursePages.find((p) => p.path === rest) ?? null} />
      </Params>
    );
  }
  return (
    <div className="wrap page">
      <NotFoundPage what="page" />
    </div>
  );
}

/** `at`: the location to render when there is no browser (server rendering). */
export function App({ at }: { at?: Location }) {
  return (
    <Router at={at}>
      <SiteLayout>
        <Page />
      </SiteLayout>
    </Router>
  );
}
