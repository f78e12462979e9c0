// The site's router: the site frame, the courses list, and each course's pages from the routes table.
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SiteLayout } from './components/SiteLayout.js';
import { CourseLayout } from './components/CourseLayout.js';
import { Loading } from './components/states.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { coursePages, CoursesPage } from './routes.js';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<SiteLayout />}>
          <Route
            index
            element={
              <Suspense fallback={<Loading label="Loading courses" />}>
                <CoursesPage />
              </Suspense>
            }
          />
          <Route path="courses/:slug" element={<CourseLayout />}>
            {coursePages.map(({ path, page: Page }) =>
              path === '' ? (
                <Route key="home" index element={<Page />} />
              ) : (
                <Route key={path} path={path} element={<Page />} />
              ),
            )}
            <Route path="*" element={<NotFoundPage what="page" />} />
          </Route>
          <Route
            path="*"
            element={
              <div className="wrap page">
                <NotFoundPage what="page" />
              </div>
            }
          />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
