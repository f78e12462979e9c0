// The site header's account corner: "Sign in" for visitors, the person's name and a link to their account otherwise.
import { Link, useLocation } from '../router.js';
import { useSession } from './client.js';
import './menu.css';

export function AccountMenu() {
  const s = useSession();
  const { pathname, search } = useLocation();
  if (s.state !== 'ready') return null;
  const user = s.session.user;
  if (!user) {
    const next = pathname === '/sign-in' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return (
      <nav className="account-menu" aria-label="Account">
        <Link to={`/sign-in${next}`}>Sign in</Link>
      </nav>
    );
  }
  return (
    <nav className="account-menu" aria-label="Account">
      <Link to="/account" data-testid="account-link">
        {user.name}
      </Link>
    </nav>
  );
}
