// Sign in with e-mail and password; one answer for every wrong combination, and the way to reset.
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { call, detailsOf, ensureCsrf, landing, messageOf, reloadInto, safeNext } from '../../auth/client.js';
import { EmailField, Field, FormError } from '../../auth/Field.js';
import '../../auth/auth.css';

export default function SignInPage() {
  useDocumentTitle('Sign in');
  const params = new URLSearchParams(useLocation().search);
  // No (usable) page to return to: staff land on Today, students on the list of their courses.
  const next = safeNext(params.get('next'), '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ensureCsrf();
      await call('POST', '/api/auth/sign-in', { email, password });
      reloadInto(next !== '' && next !== '/' ? next : await landing().catch(() => '/'));
    } catch (e) {
      const retry = detailsOf(e)?.retryAfterSeconds;
      setError(typeof retry === 'number' ? `${messageOf(e)}` : messageOf(e));
      setBusy(false);
    }
  }

  return (
    <div className="wrap page">
      <h1>Sign in</h1>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <EmailField autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          maxLength={200}
        />
        <p>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="muted">No account? Your course staff add you to the roster or send you a join link.</p>
      </form>
    </div>
  );
}
