// The site header's account corner: "Sign in" for visitors, the person's name and a link to their account otherwise.
import { Link, useLocation } from '../router.js';
import { signInHref, useSession } from './client.js';
import './menu.css';

export function AccountMenu() {
  const s = useSession();
  const { pathname, search } = useLocation();
  if (s.state !== 'ready') return null;
  const user = s.session.user;
  if (!user) {
    return (
      <nav className="account-menu" aria-label="Account">
        <Link to={pathname === '/sign-in' ? `/sign-in${search}` : signInHref(pathname + search)}>
          Sign in
        </Link>
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
