// The course's page navigation, built from the routes table so added pages appear without editing this file.
import { useContext } from 'react';
import { NavLink } from '../router.js';
import { coursePages, coursePageUrl } from '../routes.js';
import { CourseContext } from '../course-context.js';

export function CourseNav({ slug }: { slug: string }) {
  // Adapts to the viewer's role: a page that needs an ability shows only to those who have it.
  const abilities = useContext(CourseContext)?.abilities ?? {};
  return (
    <nav className="course-nav" aria-label="Course pages">
      <ul>
        {coursePages
          .filter((p) => !p.ability || abilities[p.ability])
          .map((p) => (
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
