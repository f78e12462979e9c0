// The administrator creates a course through the import review: its address and instructor, then the syllabus read
// beside its source and fixed where it was misread; the fixes stay with the course for its instructors' next import.
import { useState } from 'react';
import { useDocumentTitle } from '../../course-context.js';
import { Loading } from '../../components/states.js';
import { call, detailsOf, useSession } from '../../auth/client.js';
import { Field } from '../../auth/Field.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { ApiError } from '../../api.js';
import { Link } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import type { Fix } from '../syllabus/fix-list.js';
import { SyllabusReview, type Reviewed, type ReviewWording } from '../syllabus/SyllabusReview.js';
import '../../auth/auth.css';

const SLUG = /^[a-z0-9-]{1,64}$/;

interface Created {
  slug: string;
  title: string;
  meetings: number;
  instructor: { email: string; name: string } | null;
  invited: boolean;
}

const wording: ReviewWording = {
  save: 'Create the course',
  savePartial: 'Create it without classes',
  saveHint: 'Your fixes are kept with the course: its instructors see them at their next import.',
  partial:
    'You can still create the course from what was read (title, staff, policies): it will have no classes until its instructors import a syllabus with a schedule. Or fix the syllabus and read it again.',
  saving: 'Creating the course…',
};
const NO_FIXES: Fix[] = [];

export default function NewCoursePage() {
  useDocumentTitle('Create a course');
  const session = useSession();
  const [form, setForm] = useState({ slug: '', email: '', name: '' });
  const [slugError, setSlugError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const isAdmin = session.state === 'ready' && session.session.user?.isAdmin === true;

  if (session.state === 'loading') return <Loading label="Loading" />;
  if (!isAdmin) {
    return (
      <div className="wrap page">
        <h1>Create a course</h1>
        <p className="lede">Only the administrator can create courses.</p>
        <p>
          <SignInLink>Sign in as the administrator</SignInLink>
        </p>
      </div>
    );
  }

  const refuseSlug = (message: string) => {
    setSlugError(message);
    const input = document.getElementById('slug');
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
    return false;
  };

  async function create(reviewed: Reviewed, fixes: Fix[], acceptPartial: boolean): Promise<boolean> {
    const slug = form.slug.trim();
    if (!slug) return refuseSlug('Give the course its address first.');
    if (!SLUG.test(slug))
      return refuseSlug(
        'Use lower-case letters, digits and hyphens only (up to 64), e.g. "cs598-genai-f24".',
      );
    const email = form.email.trim();
    try {
      const r = await call<Created>('POST', '/api/admin/courses', {
        slug,
        syllabus: reviewed.source,
        ...(reviewed.baseUrl ? { baseUrl: reviewed.baseUrl } : {}),
        fixes,
        acceptPartial,
        ...(email ? { instructor: { email, name: form.name.trim() || email } } : {}),
      });
      setCreated(r);
      return true;
    } catch (e) {
      const field = detailsOf(e)?.field;
      if (e instanceof ApiError && field === 'slug')
        return refuseSlug(`${e.message} Choose another address.`);
      if (e instanceof ApiError && e.code === 'invalid_slug') return refuseSlug(e.message);
      throw e;
    }
  }

  function another() {
    setCreated(null);
    setForm({ slug: '', email: '', name: '' });
  }

  return (
    <div className="wrap page">
      <p className="muted">
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Create a course</h1>
      {created ? (
        <div className="form-notice created-course" role="status">
          <p>
            Created <strong>{created.title}</strong> at{' '}
            <a href={coursePageUrl(created.slug, '')}>{coursePageUrl(created.slug, '')}</a>
            {created.meetings === 0
              ? ', without classes: its instructors add them with a syllabus that has a schedule.'
              : ` with ${created.meetings} ${created.meetings === 1 ? 'class' : 'classes'}.`}
          </p>
          {created.instructor ? (
            <p>
              {created.instructor.name} ({created.instructor.email}) is its instructor.{' '}
              {created.invited
                ? 'They are new here: an invitation to choose a password was e-mailed to them.'
                : 'They already had an account here: no invitation was needed.'}
            </p>
          ) : (
            <p>It has no instructor yet: name one from the administration page.</p>
          )}
          <ul className="created-links">
            <li>
              <a href={coursePageUrl(created.slug, 'schedule')}>See its schedule</a>
            </li>
            <li>
              <a href={coursePageUrl(created.slug, 'roster')}>
                {created.instructor ? 'See its instructor in the roster' : 'Its roster'}
              </a>
            </li>
            <li>
              <a href={coursePageUrl(created.slug, 'audit')}>Its audit log (invitations sent)</a>
            </li>
          </ul>
          <p>
            <button type="button" className="button button-secondary" onClick={another}>
              Create another course
            </button>
          </p>
        </div>
      ) : (
        <>
          <p className="lede">
            Give the course its address, then its syllabus: check what Seminar understood beside the source,
            fix what was misread, and create it. Nothing is stored until you create it.
          </p>
          <section className="card new-course-fields" aria-labelledby="course-h">
            <h2 id="course-h">The course</h2>
            <div className="auth-form">
              <Field
                label="Course address (slug)"
                name="slug"
                required
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                hint='Lower-case letters, digits and hyphens, e.g. "cs598-genai-f24".'
                error={slugError}
                value={form.slug}
                onChange={(e) => {
                  setForm({ ...form, slug: e.target.value });
                  setSlugError(null);
                }}
              />
              <Field
                label="Instructor e-mail (optional)"
                name="instructorEmail"
                type="email"
                maxLength={254}
                autoComplete="off"
                hint="Someone new here is e-mailed an invitation to choose a password."
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
              <Field
                label="Instructor name (optional)"
                name="instructorName"
                maxLength={120}
                autoComplete="off"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
            </div>
          </section>
          <SyllabusReview
            readPath="/api/admin/syllabus/read"
            keptFixes={NO_FIXES}
            wording={wording}
            onSave={create}
          />
        </>
      )}
    </div>
  );
}
