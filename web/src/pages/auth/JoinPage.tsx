// Following a course join link: which course it opens; signed in, join as a student at once; otherwise sign in
// first, or ask for a link mailed to your address that enrolls you once opened (JoinConfirmPage).
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import {
  signInHref,
  call,
  ensureCsrf,
  messageOf,
  reloadInto,
  useSession,
  type JoinResult,
  type JoinStatus,
} from '../../auth/client.js';
import { EmailField, NameField, FormError, FormNotice } from '../../auth/Field.js';
import { LinkProblem } from './LinkProblem.js';
import '../../auth/auth.css';

export default function JoinPage() {
  useDocumentTitle('Join a course');
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const session = useSession();
  const [status, setStatus] = useState<JoinStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', email: '' });
  const [sent, setSent] = useState<string | null>(null);

  useEffect(() => {
    ensureCsrf()
      .then(() => call<JoinStatus>('POST', '/api/join/status', { token: token || '-' }))
      .then(setStatus, (e: unknown) => setStatus({ state: 'invalid', course: null, message: messageOf(e) }));
  }, [token]);

  if (!status || session.state === 'loading') return <Loading label="Checking the join link" />;
  if (status.state !== 'valid' || !status.course)
    return <LinkProblem state={status.state} message={status.message} />;
  const course = status.course;
  const label = [course.code, course.title].filter(Boolean).join(' ');
  const signedIn = session.state === 'ready' && session.session.user;
  const here = `/join?token=${encodeURIComponent(token)}`;

  async function requestByEmail(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const r = await call<{ message: string }>('POST', '/api/join/request', { token, ...form });
      setSent(r.message);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function join() {
    setError(null);
    try {
      const result = await call<JoinResult>('POST', '/api/join', { token });
      reloadInto(`/courses/${encodeURIComponent(result.course.slug)}/due`);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="wrap page">
      <h1>Join {label}</h1>
      <FormError message={error} />
      {signedIn ? (
        <>
          <p className="lede">
            You will be enrolled as a student of {label}, signed in as{' '}
            {session.state === 'ready' ? session.session.user?.email : ''}.
          </p>
          <p>
            <button className="button" type="button" onClick={join}>
              Join the course
            </button>
          </p>
        </>
      ) : (
        <>
          <p className="lede">Have a Seminar account? Sign in first; you will come back here to join.</p>
          <p>
            <Link className="button" to={signInHref(here)}>
              Sign in to join
            </Link>
          </p>
          <h2>New to Seminar?</h2>
          {sent ? (
            <div data-testid="join-request-sent">
              <h3>Check your inbox</h3>
              <FormNotice message={sent} />
            </div>
          ) : (
            <form className="auth-form" onSubmit={requestByEmail} noValidate>
              <p>
                Give your name and e-mail: we send you a link to confirm your address. You are enrolled as a
                student (and choose your password) once you open it.
              </p>
              <NameField value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
              <EmailField value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
              <button className="button button-secondary" type="submit">
                E-mail me a link
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
