// The frame of every page: skip link, site header, the main landmark, footer; focus and scroll on navigation.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../router.js';
import { AccountMenu } from '../auth/AccountMenu.js';

/**
 * After an in-app navigation, moves focus to the new page's h1 (so screen readers announce it)
 * and scrolls to the top, or to the #anchor when the URL has one. The first load keeps the
 * browser's own focus so Tab still reaches the skip link first.
 */
function useFocusOnNavigate(): void {
  const { pathname, hash } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    let frame = 0;
    const settle = () => {
      const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (target) {
        target.scrollIntoView();
        target.focus({ preventScroll: true });
      } else if (heading) {
        window.scrollTo(0, 0);
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      } else if (tries++ < 60) {
        // The page may still be loading its code or data: look again on the next frame (≤ ~1 s).
        frame = requestAnimationFrame(settle);
      }
    };
    frame = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(frame);
  }, [pathname, hash]);
}

export function SiteLayout({ children }: { children: ReactNode }) {
  useFocusOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="wrap">
          <Link to="/" className="site-name">
            Seminar
          </Link>
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            Seminar · course site. Times are shown in each course’s own time zone. Data as JSON:{' '}
            <a href="/api/courses">/api/courses</a>.
          </p>
        </div>
      </footer>
    </>
  );
}
