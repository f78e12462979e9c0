// A small client-side router (History API): location state, links, params. Replaces react-router to keep the JS budget.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

type Navigate = (to: string, options?: { replace?: boolean }) => void;

interface RouterState {
  location: Location;
  navigate: Navigate;
}

const RouterContext = createContext<RouterState | null>(null);
const ParamsContext = createContext<Record<string, string>>({});

function currentLocation(): Location {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

/**
 * Holds the browser location and re-renders on link clicks, back/forward and #fragment jumps;
 * `at` is the location when there is no browser (the server rendering a page).
 */
export function Router({ children, at }: { children: ReactNode; at?: Location }) {
  const [location, setLocation] = useState(() => at ?? currentLocation());
  useEffect(() => {
    const sync = () => setLocation(currentLocation());
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
  }, []);
  const navigate = useCallback<Navigate>((to, options) => {
    const url = new URL(to, window.location.href);
    if (options?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setLocation(currentLocation());
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('Router hooks need a <Router> above them');
  return router;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): Navigate {
  return useRouter().navigate;
}

/** Parameters (":slug") of the route that rendered this part of the page. */
export function useParams(): Record<string, string> {
  return useContext(ParamsContext);
}

export function Params({ value, children }: { value: Record<string, string>; children: ReactNode }) {
  return <ParamsContext.Provider value={value}>{children}</ParamsContext.Provider>;
}

/**
 * Matches "/courses/:slug/schedule" against a path; a trailing "/*" matches any rest, given as params["*"].
 * Returns the decoded params, or null.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const wildcard = pattern.endsWith('/*');
  const want = (wildcard ? pattern.slice(0, -2) : pattern).split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (wildcard ? have.length < want.length : have.length !== want.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    let value: string;
    try {
      value = decodeURIComponent(have[i]!);
    } catch {
      return null;
    }
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return null;
  }
  if (wildcard) params['*'] = have.slice(want.length).join('/');
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary <a href> that navigates in-app on a plain left click (new tab, modifiers etc. stay native). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (rest.target && rest.target !== '_self')
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** A Link that says aria-current="page" when it points at the current page (`end`: exact match only). */
export function NavLink({ to, end, ...rest }: LinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const here = pathname.replace(/\/+$/, '') || '/';
  const target = to.replace(/\/+$/, '') || '/';
  const active = end ? here === target : here === target || here.startsWith(target + '/');
  return <Link to={to} aria-current={active ? 'page' : undefined} {...rest} />;
}

/** The query string of the current location ("?next=/account" → get('next')). */
export function useSearchParams(): URLSearchParams {
  const { search } = useLocation();
  return useMemo(() => new URLSearchParams(search), [search]);
}
