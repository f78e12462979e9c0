// The course's page navigation, built from the routes table so added pages appear without editing this file.
import { useContext, useEffect, useRef } from 'react';
import { NavLink } from '../router.js';
import { coursePages, coursePageUrl } from '../routes.js';
import { CourseContext } from '../course-context.js';

export function CourseNav({ slug }: { slug: string }) {
  // Adapts to the viewer's role: a page that needs an ability shows only to those who have it.
  const abilities = useContext(CourseContext)?.abilities ?? {};
  const list = useRef<HTMLUListElement>(null);
  const path = typeof window === 'undefined' ? '' : window.location.pathname;
  // On a phone the row scrolls sideways: keep the current page's link in view.
  useEffect(() => {
    const ul = list.current;
    const current = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!ul || !current || ul.scrollWidth <= ul.clientWidth) return;
    ul.scrollLeft = current.offsetLeft - ul.offsetLeft - (ul.clientWidth - current.offsetWidth) / 2;
  }, [path]);
  return (
    <nav className="course-nav" aria-label="Course pages">
      <ul ref={list}>
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
