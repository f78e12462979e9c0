// "/": every course this Seminar hosts, or a clear empty state.
import { useEffect, useState } from 'react';
import { Link } from '../router.js';
import { ApiError, coursesPath, fetchCourses, forget, type CourseSummary } from '../api.js';
import { useDocumentTitle } from '../course-context.js';
import { coursePageUrl } from '../routes.js';
import { Empty, ErrorState, Loading } from '../components/states.js';

export default function CoursesPage() {
  useDocumentTitle('Courses');
  const [courses, setCourses] = useState<CourseSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    fetchCourses().then(
      (list) => live && setCourses(list),
      (e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e))),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = () => {
    forget(coursesPath);
    setAttempt((n) => n + 1);
  };

  return (
    <div className="wrap page">
      {error ? (
        <ErrorState error={error} onRetry={retry} title="The courses could not be loaded" />
      ) : !courses ? (
        <Loading label="Loading courses" />
      ) : (
        <>
          <h1>Courses</h1>
          <p className="lede">
            Each course’s schedule and reading list, grading, policies and project milestones.
          </p>
          {courses.length === 0 ? (
            <Empty>
              <p>No courses are published here yet.</p>
              <p>
                Staff can publish one from its Markdown syllabus:{' '}
                <code>npx seminar import syllabus.md --course SLUG</code>
              </p>
            </Empty>
          ) : (
            <ul className="course-list">
              {courses.map((c) => (
                <li key={c.slug} className="card">
                  {c.code || c.term ? (
                    <p className="eyebrow">{[c.code, c.term].filter(Boolean).join(' · ')}</p>
                  ) : null}
                  <h2>
                    <Link to={coursePageUrl(c.slug, '')}>{c.title}</Link>
                  </h2>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
