// The course's page navigation, built from the routes table so added pages appear without editing this file.
import { NavLink } from '../router.js';
import { coursePages, coursePageUrl } from '../routes.js';

export function CourseNav({ slug }: { slug: string }) {
  return (
    <nav className="course-nav" aria-label="Course pages">
      <ul>
        {coursePages.map((p) => (
          <li key={p.path}>
            <NavLink to={coursePageUrl(slug, p.path)} end={p.path === ''}>
              {p.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
