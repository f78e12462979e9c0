// One course's frame: loads the course once, shows its header and navigation, and renders the page inside.
import { Suspense, useCallback, useEffect, useState } from 'react';
import { Outlet, useLocation, useParams } from 'react-router-dom';
import { ApiError, coursePath, fetchCourse, forget, type CourseDetail } from '../api.js';
import { CourseContext } from '../course-context.js';
import { coursePages } from '../routes.js';
import { CourseHeader } from './CourseHeader.js';
import { ErrorState, Loading } from './states.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

type Load =
  { state: 'loading' } | { state: 'ok'; course: CourseDetail } | { state: 'error'; error: ApiError };

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client', String(error));
}

function useCourseLoad(slug: string): [Load, () => void] {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad((prev) => (prev.state === 'ok' && prev.course.slug === slug ? prev : { state: 'loading' }));
    fetchCourse(slug).then(
      (course) => live && setLoad({ state: 'ok', course }),
      (error: unknown) => live && setLoad({ state: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [slug, attempt]);
  const retry = useCallback(() => {
    forget(coursePath(slug));
    setAttempt((n) => n + 1);
  }, [slug]);
  return [load, retry];
}

/** Starts downloading the current page's code while the course data is on its way. */
function usePreloadPage(slug: string): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const rest = pathname.split('/').slice(3).join('/');
    const route = coursePages.find((p) => p.path === rest);
    void route?.load().catch(() => undefined);
  }, [slug, pathname]);
}

export function CourseLayout() {
  const slug = useParams().slug ?? '';
  usePreloadPage(slug);
  const [load, retry] = useCourseLoad(slug);

  if (load.state === 'loading') {
    return (
      <div className="wrap page">
        <Loading label="Loading the course" />
      </div>
    );
  }
  if (load.state === 'error') {
    return (
      <div className="wrap page">
        {load.error.notFound ? (
          <NotFoundPage what="course" slug={slug} />
        ) : (
          <ErrorState error={load.error} onRetry={retry} title="The course could not be loaded" />
        )}
      </div>
    );
  }
  return (
    <CourseContext.Provider value={load.course}>
      <CourseHeader course={load.course} />
      <div className="wrap page">
        <Suspense fallback={<Loading label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </div>
    </CourseContext.Provider>
  );
}
