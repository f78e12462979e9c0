// The course's navigation, built from the routes table: the public course pages, then the signed-in workspace,
// then the staff tools grouped under one "Staff" menu; one row at desktop width, and a visible "More" on a phone.
import { useContext, useEffect, useState } from 'react';
import { NavLink, useLocation } from '../router.js';
import { coursePages, coursePageUrl, type CoursePageRoute } from '../routes.js';
import { CourseContext } from '../course-context.js';
import { Icon } from './Icon.js';

/** Abilities only staff hold: their pages go under the Staff menu. */
const STAFF_ABILITIES = new Set([
  'viewRoster',
  'viewAuditLog',
  'runAssignment',
  'viewAllSubmissions',
  'recordAttendance',
  'grade',
  'manageCourse',
  'importSyllabus',
]);

/** Course pages that stay in the row for everyone (the rest fold under "Course" for a signed-in member). */
const ALWAYS_INLINE = new Set(['', 'schedule']);

type Section = 'public' | 'workspace' | 'staff';
function sectionOf(p: CoursePageRoute): Section {
  if (!p.ability || p.withCourse) return 'public';
  return STAFF_ABILITIES.has(p.ability) ? 'staff' : 'workspace';
}

const SECTION_NAMES: Record<Section, string> = { public: 'Course', workspace: 'Your work', staff: 'Staff' };

export function CourseNav({ slug }: { slug: string }) {
  // Adapts to the viewer's role: a page that needs an ability shows only to those who have it.
  const abilities = useContext(CourseContext)?.abilities ?? {};
  const { pathname } = useLocation();
  const [open, setOpen] = useState<'course' | 'staff' | 'more' | null>(null);
  useEffect(() => setOpen(null), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const pages = coursePages.filter((p) => !p.unlisted && (!p.ability || abilities[p.ability]));
  const of = (s: Section) => pages.filter((p) => sectionOf(p) === s);
  const isCurrent = (p: CoursePageRoute) =>
    pathname.replace(/\/$/, '') === coursePageUrl(slug, p.path).replace(/\/$/, '');
  const link = (p: CoursePageRoute) => (
    <NavLink to={coursePageUrl(slug, p.path)} end={p.path === ''}>
      {p.label}
    </NavLink>
  );
  const staff = of('staff');
  const workspace = of('workspace');
  // A signed-in member's own pages take the row: the course's reference pages beyond Home and Schedule then
  // sit under a "Course" menu, so that the row stays one line at desktop width.
  const publicPages = of('public');
  const folded = workspace.length > 0 ? publicPages.filter((p) => !ALWAYS_INLINE.has(p.path)) : [];
  const rowPublic = publicPages.filter((p) => !folded.includes(p));
  // On a phone the row keeps the first page and the current one (so that it fits 320 px with the longest
  // label); the rest are behind "More".
  const inline = (p: CoursePageRoute, i: number) => (
    <li key={p.path} className={i < 1 || isCurrent(p) ? undefined : 'nav-wide'}>
      {link(p)}
    </li>
  );
  const menu = (id: 'course' | 'staff', label: string, items: CoursePageRoute[]) =>
    items.length > 0 ? (
      <li className="nav-menu nav-wide">
        <button
          type="button"
          className={items.some(isCurrent) ? 'nav-button current' : 'nav-button'}
          aria-expanded={open === id}
          aria-controls={`course-nav-${id}`}
          onClick={() => setOpen(open === id ? null : id)}
        >
          <span className="icon-label">{label}</span>
          <Icon name="chevron-down" />
        </button>
        {open === id ? (
          <ul id={`course-nav-${id}`} className="nav-dropdown">
            {items.map((p) => (
              <li key={p.path}>{link(p)}</li>
            ))}
          </ul>
        ) : null}
      </li>
    ) : null;
  return (
    <nav className="course-nav" aria-label="Course pages">
      <ul className="nav-row">
        {rowPublic.map(inline)}
        {menu('course', 'Course', folded)}
        {workspace.length > 0 ? <li className="nav-sep nav-wide" aria-hidden="true" /> : null}
        {workspace.map((p) => inline(p, 99))}
        {menu('staff', 'Staff', staff)}
        <li className="nav-more">
          <button
            type="button"
            className="nav-button"
            aria-expanded={open === 'more'}
            aria-controls="course-nav-all"
            onClick={() => setOpen(open === 'more' ? null : 'more')}
          >
            <Icon name="menu" />
            <span className="icon-label">More</span>
          </button>
        </li>
      </ul>
      {open === 'more' ? (
        <div id="course-nav-all" className="nav-panel">
          {(['public', 'workspace', 'staff'] as const)
            .filter((s) => of(s).length > 0)
            .map((s) => (
              <div key={s}>
                <p className="nav-panel-title">{SECTION_NAMES[s]}</p>
                <ul>
                  {of(s).map((p) => (
                    <li key={p.path}>{link(p)}</li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      ) : null}
    </nav>
  );
}
