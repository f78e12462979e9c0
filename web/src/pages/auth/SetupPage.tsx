// First run: the one-time set-up link printed by `seminar serve` creates the first administrator.
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from '../../router.js';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import { call, ensureCsrf, messageOf, reloadInto, type LinkStatus } from '../../auth/client.js';
import { EmailField, Field, NameField, FormError } from '../../auth/Field.js';
import { LinkProblem } from './LinkProblem.js';
import '../../auth/auth.css';

export default function SetupPage() {
  useDocumentTitle('Set up Seminar');
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [status, setStatus] = useState<LinkStatus | null>(null);
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ensureCsrf()
      .then(() =>
        call<LinkStatus>('POST', '/api/auth/link-status', { purpose: 'setup', token: token || '-' }),
      )
      .then(setStatus, (e: unknown) =>
        setStatus({ state: 'invalid', email: null, name: null, message: messageOf(e) }),
      );
  }, [token]);

  if (!status) return <Loading label="Checking the link" />;
  if (status.state !== 'valid')
    return (
      <LinkProblem
        state={status.state}
        message={status.message}
        action={{ to: '/sign-in', label: 'Go to sign in' }}
      />
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await call('POST', '/api/auth/setup', { token, ...form });
      reloadInto('/account');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="wrap page">
      <h1>Set up Seminar</h1>
      <p className="lede">
        Create the administrator account. The administrator creates courses and names their instructors.
      </p>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <NameField value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <EmailField
          autoComplete="username"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={200}
          hint="At least 10 characters."
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <p>
          <button className="button" type="submit">
            Create administrator
          </button>
        </p>
      </form>
    </div>
  );
}
