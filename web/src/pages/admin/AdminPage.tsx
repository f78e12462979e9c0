// The administrator's page: create a course from its Markdown syllabus, name instructors, read the instance audit log.
import { useEffect, useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import { call, messageOf, useSession } from '../../auth/client.js';
import { Field, FormError, FormNotice } from '../../auth/Field.js';
import type { AuditBody } from '../../../../src/contracts/roster.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { AuditTable } from '../../components/AuditTable.js';
import '../../auth/auth.css';

export default function AdminPage() {
  useDocumentTitle('Administration');
  const session = useSession();
  const [course, setCourse] = useState({ slug: '', instructorEmail: '', instructorName: '' });
  const [syllabus, setSyllabus] = useState<string | null>(null);
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

  const createCourse = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      if (!syllabus) throw new Error('Choose the syllabus file (Markdown) first.');
      const instructor = course.instructorEmail
        ? { email: course.instructorEmail, name: course.instructorName || course.instructorEmail }
        : undefined;
      const r = await call<{ slug: string; title: string }>('POST', '/api/admin/courses', {
        slug: course.slug,
        syllabus,
        ...(instructor ? { instructor } : {}),
      });
      return `Created ${r.title} at /courses/${r.slug}.${instructor ? ` ${instructor.email} is its instructor.` : ''}`;
    });
  };
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
        <form className="auth-form" onSubmit={createCourse}>
          <Field
            label="Course address (slug)"
            name="slug"
            required
            maxLength={64}
            hint='Lower-case letters, digits and hyphens, e.g. "cs598-genai-f24".'
            value={course.slug}
            onChange={(e) => setCourse({ ...course, slug: e.target.value })}
          />
          <p className="field">
            <label htmlFor="syllabus">Syllabus (Markdown file)</label>
            <input
              id="syllabus"
              type="file"
              accept=".md,.markdown,text/markdown,text/plain"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then(setSyllabus);
              }}
            />
          </p>
          <Field
            label="Instructor e-mail (optional)"
            name="instructorEmail"
            type="email"
            maxLength={254}
            value={course.instructorEmail}
            onChange={(e) => setCourse({ ...course, instructorEmail: e.target.value })}
          />
          <Field
            label="Instructor name"
            name="instructorName"
            maxLength={120}
            value={course.instructorName}
            onChange={(e) => setCourse({ ...course, instructorName: e.target.value })}
          />
          <button className="button" type="submit">
            Create course
          </button>
        </form>
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
