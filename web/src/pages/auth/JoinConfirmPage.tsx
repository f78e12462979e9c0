// The link mailed to someone who asked to join a course by e-mail: confirming the address enrolls them (a new
// address chooses its password here and is signed in), then they land on the course's What is due.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import {
  call,
  ensureCsrf,
  messageOf,
  reloadInto,
  signInHref,
  type JoinConfirmResult,
  type JoinConfirmStatus,
} from '../../auth/client.js';
import { FormError, FormNotice, NewPasswordFields, PASSWORDS_DIFFER } from '../../auth/Field.js';
import { LinkProblem } from './LinkProblem.js';
import '../../auth/auth.css';

const duePath = (slug: string) => `/courses/${encodeURIComponent(slug)}/due`;

export default function JoinConfirmPage() {
  useDocumentTitle('Confirm your address');
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [status, setStatus] = useState<JoinConfirmStatus | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<JoinConfirmResult | null>(null);

  useEffect(() => {
    ensureCsrf()
      .then(() => call<JoinConfirmStatus>('POST', '/api/join/confirm/status', { token: token || '-' }))
      .then(setStatus, (e: unknown) =>
        setStatus({ state: 'invalid', course: null, email: null, hasAccount: false, message: messageOf(e) }),
      );
  }, [token]);

  if (!status) return <Loading label="Checking the confirmation link" />;
  if (status.state !== 'valid' || !status.course) {
    const course = status.course;
    const action =
      status.state === 'used' && course
        ? { to: signInHref(duePath(course.slug)), label: 'Sign in' }
        : undefined;
    return <LinkProblem state={status.state} message={status.message} action={action} />;
  }
  const course = status.course;
  const label = [course.code, course.title].filter(Boolean).join(' ');

  if (done) {
    return (
      <div className="wrap page">
        <h1>You joined {label}</h1>
        <FormNotice
          message={
            done.alreadyEnrolled
              ? `${done.email} was already a student of ${label}.`
              : `${done.email} is now a student of ${label}.`
          }
        />
        <p>Sign in with your Seminar password to see what is due.</p>
        <p>
          <Link className="button" to={signInHref(duePath(course.slug))}>
            Sign in
          </Link>
        </p>
      </div>
    );
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!status?.hasAccount && password !== again) {
      setError(PASSWORDS_DIFFER);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await call<JoinConfirmResult>(
        'POST',
        '/api/join/confirm',
        status?.hasAccount ? { token } : { token, password },
      );
      if (result.signedIn) reloadInto(duePath(result.course.slug));
      else {
        setDone(result);
        setBusy(false);
      }
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <div className="wrap page">
      <h1>Join {label}</h1>
      <p className="lede">
        {status.hasAccount
          ? `Confirm that ${status.email ?? 'your address'} joins ${label} as a student. You then sign in with your Seminar password.`
          : `Choose a password for ${status.email ?? 'your address'} to confirm it and join ${label} as a student.`}
      </p>
      <form className="auth-form" onSubmit={confirm} noValidate>
        <FormError message={error} />
        {status.hasAccount ? null : (
          <>
            <input
              type="hidden"
              name="username"
              autoComplete="username"
              value={status.email ?? ''}
              readOnly
            />
            <NewPasswordFields
              password={password}
              again={again}
              onPassword={setPassword}
              onAgain={setAgain}
            />
          </>
        )}
        <p>
          <button className="button" type="submit" disabled={busy}>
            {status.hasAccount ? 'Confirm and join' : 'Set password and join'}
          </button>
        </p>
      </form>
    </div>
  );
}
