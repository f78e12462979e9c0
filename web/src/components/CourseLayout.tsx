// One course's frame: loads the course once, shows its header and navigation, and renders the page inside.
import { startTransition, Suspense, useCallback, useEffect, useState } from 'react';
import { useParams } from '../router.js';
import { ApiError, coursePath, fetchCourse, forget, type CourseDetail } from '../api.js';
import { CourseContext, CourseReloadContext } from '../course-context.js';
import { seededLoad, takeSeeded } from '../page-data.js';
import type { CoursePageRoute } from '../routes.js';
import { CourseHeader } from './CourseHeader.js';
import { ErrorState, Loading } from './states.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

type Load =
  { state: 'loading' } | { state: 'ok'; course: CourseDetail } | { state: 'error'; error: ApiError };

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client', String(error));
}

function useCourseLoad(slug: string): [Load, () => void] {
  // A server-rendered page starts from the course it was rendered with (so hydration matches it).
  const [load, setLoad] = useState<Load>(() => seededLoad(slug) ?? { state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (takeSeeded(slug)) return;
    let live = true;
    setLoad((prev) => (prev.state === 'ok' && prev.course.slug === slug ? prev : { state: 'loading' }));
    fetchCourse(slug).then(
      // A transition lets React render the (long) page in slices instead of one long task.
      (course) => live && startTransition(() => setLoad({ state: 'ok', course })),
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

/** `route` is the course page at the current path, or null for an unknown one (shown as not found). */
export function CourseLayout({ route }: { route: CoursePageRoute | null }) {
  const slug = useParams().slug ?? '';
  // Start downloading the page's code while the course data is on its way.
  useEffect(() => {
    void route?.load().catch(() => undefined);
  }, [route]);
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
      <CourseReloadContext.Provider value={retry}>
        <CourseHeader course={load.course} />
        <div className="wrap page">
          {route ? (
            <Suspense fallback={<Loading label="Loading the page" />}>
              <route.page />
            </Suspense>
          ) : (
            <NotFoundPage what="page" />
          )}
        </div>
      </CourseReloadContext.Provider>
    </CourseContext.Provider>
  );
}
