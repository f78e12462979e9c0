// A "sign in" link that brings the person back to the page they were on (a safe ?next= of the current path).
import type { ReactNode } from 'react';
import { Link, useLocation } from '../router.js';
import { signInHref } from './client.js';

export function SignInLink({ children, className }: { children: ReactNode; className?: string }) {
  const { pathname, search } = useLocation();
  return (
    <Link to={signInHref(pathname + search)} {...(className ? { className } : {})}>
      {children}
    </Link>
  );
}
