// Ask for a password-reset link; the answer is the same whether or not the address has an account.
import { useState, type FormEvent } from 'react';
import { Link } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { call, ensureCsrf, messageOf } from '../../auth/client.js';
import { EmailField, FormError, FormNotice } from '../../auth/Field.js';
import '../../auth/auth.css';

export default function ForgotPasswordPage() {
  useDocumentTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ensureCsrf();
      const result = await call<{ message: string }>('POST', '/api/auth/password-reset', { email });
      setSent(result.message);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wrap page">
      <h1>Reset your password</h1>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormNotice message={sent} />
        <FormError message={error} />
        <EmailField autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        <p>
          <button className="button" type="submit" disabled={busy}>
            Send the reset link
          </button>
        </p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </form>
    </div>
  );
}
