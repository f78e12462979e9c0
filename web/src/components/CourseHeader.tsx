// The band at the top of every course page: code and term, the course title (the h1 on its home page), its navigation.
import { Link, useLocation } from '../router.js';
import type { CourseDetail } from '../api.js';
import { coursePageUrl } from '../routes.js';
import { CourseNav } from './CourseNav.js';

export function CourseHeader({ course }: { course: CourseDetail }) {
  const home = coursePageUrl(course.slug, '');
  const isHome = useLocation().pathname.replace(/\/$/, '') === home;
  const eyebrow = [course.code, course.term].filter(Boolean).join(' · ');
  return (
    <div className="course-header">
      <div className="wrap">
        {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
        {isHome ? (
          <h1 className="course-title">{course.title}</h1>
        ) : (
          <p className="course-title">
            <Link to={home}>{course.title}</Link>
          </p>
        )}
        <CourseNav slug={course.slug} />
      </div>
    </div>
  );
}
