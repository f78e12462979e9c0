// Reset-password and invitation pages: check the e-mailed link first, then let the person choose a password.
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import { call, ensureCsrf, messageOf, reloadInto, type LinkStatus } from '../../auth/client.js';
import { FormError, NewPasswordFields, PASSWORDS_DIFFER } from '../../auth/Field.js';
import { LinkProblem } from './LinkProblem.js';
import '../../auth/auth.css';

export function SetPasswordPage({ purpose }: { purpose: 'reset' | 'invite' }) {
  const title = purpose === 'reset' ? 'Choose a new password' : 'Welcome to Seminar';
  useDocumentTitle(title);
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [status, setStatus] = useState<LinkStatus | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ensureCsrf()
      .then(() => call<LinkStatus>('POST', '/api/auth/link-status', { purpose, token: token || '-' }))
      .then(setStatus, (e: unknown) =>
        setStatus({ state: 'invalid', email: null, name: null, message: messageOf(e) }),
      );
  }, [purpose, token]);

  if (!status) return <Loading label="Checking the link" />;
  if (status.state !== 'valid') {
    return (
      <LinkProblem
        state={status.state}
        message={status.message}
        action={{ to: '/forgot-password', label: 'Get a new link' }}
      />
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== again) {
      setError(PASSWORDS_DIFFER);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const path = purpose === 'reset' ? '/api/auth/password-reset/complete' : '/api/auth/invitation/accept';
      await call('POST', path, { token, password });
      reloadInto('/account');
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <div className="wrap page">
      <h1>{title}</h1>
      {purpose === 'invite' ? (
        <p className="lede">Set a password for {status.email} to sign in to your courses.</p>
      ) : (
        <p className="lede">For {status.email}.</p>
      )}
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <input type="hidden" name="username" autoComplete="username" value={status.email ?? ''} readOnly />
        <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
        <p>
          <button className="button" type="submit" disabled={busy}>
            Set password and sign in
          </button>
        </p>
      </form>
    </div>
  );
}

export default function ResetPasswordPage() {
  return <SetPasswordPage purpose="reset" />;
}
