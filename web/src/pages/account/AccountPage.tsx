// My account: my courses, change name and password, sign out here or everywhere.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import { call, messageOf, reloadInto, signInHref, type AccountBody } from '../../auth/client.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { Field, FormError, FormNotice } from '../../auth/Field.js';
import { ApiError } from '../../api.js';
import { NotificationSettings } from './NotificationSettings.js';
import '../../auth/auth.css';

const ROLE_LABEL = { instructor: 'Instructor', ta: 'TA', student: 'Student' } as const;

export default function AccountPage() {
  useDocumentTitle('Your account');
  const [account, setAccount] = useState<AccountBody | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [name, setName] = useState('');
  const [passwords, setPasswords] = useState({ currentPassword: '', newPassword: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call<AccountBody>('GET', '/api/account').then(
      (a) => {
        setAccount(a);
        setName(a.user.name);
      },
      (e: unknown) => setLoadError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e))),
    );
  }, []);

  if (loadError?.status === 401) {
    return (
      <div className="wrap page">
        <h1>Your account</h1>
        <p className="lede">You are not signed in.</p>
        <p>
          <SignInLink className="button">Sign in</SignInLink>
        </p>
      </div>
    );
  }
  if (loadError)
    return (
      <div className="wrap page">
        <FormError message={loadError.message} />
      </div>
    );
  if (!account) return <Loading label="Loading your account" />;

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const saveName = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await call('PATCH', '/api/account', { name });
      return 'Your name is saved.';
    });
  };
  const savePassword = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const r = await call<{ otherSessionsEnded: number }>('POST', '/api/account/password', passwords);
      setPasswords({ currentPassword: '', newPassword: '' });
      return `Your password is changed.${r.otherSessionsEnded ? ` ${r.otherSessionsEnded} other session(s) were signed out.` : ''}`;
    });
  };

  return (
    <div className="wrap page">
      <h1>Your account</h1>
      <p className="lede">
        Signed in as <strong>{account.user.email}</strong>
        {account.user.isAdmin ? ' (administrator)' : ''}.
        {account.user.isAdmin ? (
          <>
            {' '}
            <Link to="/admin">Administration</Link>
          </>
        ) : null}
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />

      <section className="section" aria-labelledby="courses-h">
        <h2 id="courses-h">Your courses</h2>
        {account.courses.length === 0 ? (
          <p className="muted">
            You are not enrolled in any course yet. Follow the join link your course staff sent you.
          </p>
        ) : (
          <ul>
            {account.courses.map((c) => (
              <li key={c.slug}>
                <Link to={`/courses/${encodeURIComponent(c.slug)}`}>
                  {[c.code, c.title].filter(Boolean).join(' ')}
                </Link>{' '}
                · {ROLE_LABEL[c.role]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="name-h">
        <h2 id="name-h">Name</h2>
        <form className="auth-form" onSubmit={saveName}>
          <Field
            label="Name"
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button className="button" type="submit">
            Save name
          </button>
        </form>
      </section>

      <section className="section" aria-labelledby="password-h">
        <h2 id="password-h">Password</h2>
        <form className="auth-form" onSubmit={savePassword}>
          <input type="hidden" name="username" autoComplete="username" value={account.user.email} readOnly />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            value={passwords.currentPassword}
            onChange={(e) => setPasswords({ ...passwords, currentPassword: e.target.value })}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            hint="At least 10 characters."
            value={passwords.newPassword}
            onChange={(e) => setPasswords({ ...passwords, newPassword: e.target.value })}
          />
          <button className="button" type="submit">
            Change password
          </button>
        </form>
      </section>

      <NotificationSettings />

      <section className="section" aria-labelledby="sessions-h">
        <h2 id="sessions-h">Sessions</h2>
        <p>
          {account.sessions === 1
            ? 'Only this browser is signed in.'
            : `${account.sessions} browsers or devices are signed in to this account.`}
        </p>
        <p>
          <button
            className="button button-secondary"
            type="button"
            onClick={() => void call('POST', '/api/auth/sign-out').then(() => reloadInto('/'))}
          >
            Sign out
          </button>{' '}
          <button
            className="button button-danger"
            type="button"
            onClick={() =>
              void act(async () => {
                await call('POST', '/api/account/sign-out-everywhere');
                reloadInto(signInHref('/account'));
                return 'Signed out everywhere.';
              })
            }
          >
            Sign out everywhere
          </button>
        </p>
      </section>
    </div>
  );
}
