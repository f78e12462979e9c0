// The administrator's page: the way to create a course (reviewed, on its own page), name instructors, read the instance audit log.
import { useEffect, useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import { call, messageOf, useSession } from '../../auth/client.js';
import { Field, FormError, FormNotice } from '../../auth/Field.js';
import type { AuditBody } from '../../../../src/contracts/roster.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { AuditTable } from '../../components/AuditTable.js';
import { Link } from '../../router.js';
import '../../auth/auth.css';

export default function AdminPage() {
  useDocumentTitle('Administration');
  const session = useSession();
  const [named, setNamed] = useState({ slug: '', email: '', name: '' });
  const [log, setLog] = useState<AuditBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isAdmin = session.state === 'ready' && session.session.user?.isAdmin === true;

  useEffect(() => {
    if (!isAdmin) return;
    call<AuditBody>('GET', '/api/admin/audit?limit=100').then(setLog, (e: unknown) => setError(messageOf(e)));
  }, [isAdmin, notice]);

  if (session.state === 'loading') return <Loading label="Loading" />;
  if (!isAdmin) {
    return (
      <div className="wrap page">
        <h1>Administration</h1>
        <p className="lede">Only the administrator can create courses and name their instructors.</p>
        <p>
          <SignInLink>Sign in as the administrator</SignInLink>
        </p>
      </div>
    );
  }

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const nameInstructor = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const r = await call<{ invited: boolean }>(
        'POST',
        `/api/admin/courses/${encodeURIComponent(named.slug)}/instructors`,
        { email: named.email, name: named.name },
      );
      return `${named.email} is now an instructor of ${named.slug}.${r.invited ? ' An invitation to set a password was e-mailed.' : ''}`;
    });
  };

  return (
    <div className="wrap page">
      <h1>Administration</h1>
      <FormNotice message={notice} />
      <FormError message={error} />
      <section className="section" aria-labelledby="create-h">
        <h2 id="create-h">Create a course</h2>
        <p>
          From its Markdown syllabus (pasted, uploaded or fetched from its address), reviewed beside its
          source before anything is stored.
        </p>
        <p>
          <Link className="button" to="/admin/new-course">
            Create a course
          </Link>
        </p>
      </section>
      <section className="section" aria-labelledby="name-h">
        <h2 id="name-h">Name an instructor</h2>
        <form className="auth-form" onSubmit={nameInstructor}>
          <Field
            label="Course slug"
            name="courseSlug"
            required
            maxLength={64}
            value={named.slug}
            onChange={(e) => setNamed({ ...named, slug: e.target.value })}
          />
          <Field
            label="E-mail"
            name="email"
            type="email"
            required
            maxLength={254}
            value={named.email}
            onChange={(e) => setNamed({ ...named, email: e.target.value })}
          />
          <Field
            label="Name"
            name="name"
            required
            maxLength={120}
            value={named.name}
            onChange={(e) => setNamed({ ...named, name: e.target.value })}
          />
          <button className="button" type="submit">
            Name instructor
          </button>
        </form>
      </section>
      <section className="section" aria-labelledby="audit-h">
        <h2 id="audit-h">Audit log</h2>
        {!log ? (
          <Loading label="Loading the audit log" />
        ) : (
          <AuditTable log={log} caption="Security and staff actions on this instance, newest first" />
        )}
      </section>
    </div>
  );
}
