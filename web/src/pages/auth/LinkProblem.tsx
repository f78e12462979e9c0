// The page shown for an expired, used or broken link: what happened and what to do next.
import { Link } from '../../router.js';
import '../../auth/auth.css';

const TITLES: Record<string, string> = {
  expired: 'This link has expired',
  used: 'This link has already been used',
  revoked: 'This link was withdrawn',
  'link-expired': 'This join link has expired',
  invalid: 'This link does not work',
};

export function LinkProblem({
  state,
  message,
  action,
}: {
  state: string;
  message: string | null;
  action?: { to: string; label: string };
}) {
  return (
    <div className="wrap page link-problem" data-testid="link-problem">
      <h1>{TITLES[state] ?? 'This link does not work'}</h1>
      <p className="lede">{message ?? 'Ask for a new link.'}</p>
      {action ? (
        <p>
          <Link className="button" to={action.to}>
            {action.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
