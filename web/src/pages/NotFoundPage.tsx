// Not found: an unknown course or an unknown page, with the ways back.
import { Link, useLocation } from '../router.js';
import { useDocumentTitle } from '../course-context.js';

export function NotFoundPage({ what, slug }: { what: 'course' | 'page'; slug?: string }) {
  const { pathname } = useLocation();
  useDocumentTitle('Not found');
  return (
    <section className="state state-not-found" aria-labelledby="not-found-title">
      <p className="eyebrow">404 · Not found</p>
      <h1 id="not-found-title">{what === 'course' ? 'No such course' : 'No such page'}</h1>
      <p>
        {what === 'course' ? (
          <>
            There is no course at <code>{slug}</code>. It may have moved or never existed here.
          </>
        ) : (
          <>
            Nothing lives at <code>{pathname}</code>. Check the address, or use the links below.
          </>
        )}
      </p>
      <p>
        <Link to="/">See all courses</Link>
      </p>
    </section>
  );
}
