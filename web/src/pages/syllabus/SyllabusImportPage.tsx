// Import review: give a new version of the syllabus, see the course as read beside its source, fix what was misread, apply.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle, useReloadCourse } from '../../course-context.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { Empty, Loading } from '../../components/states.js';
import { coursePageUrl } from '../../routes.js';
import type { ApplyView } from '../../../../src/contracts/syllabus-review.js';
import type { Fix } from './fix-list.js';
import { SyllabusReview, type ReviewWording } from './SyllabusReview.js';

const wording: ReviewWording = {
  save: 'Save course',
  savePartial: 'Save what was read',
  saveHint: 'Classes that move keep their hand-ins; the import says what changed.',
  partial:
    'You can still save what was read (title, staff, policies): the course keeps the classes it has, with their roles and hand-ins. Or fix the syllabus and read it again.',
  saving: 'Saving the course…',
};

export default function SyllabusImportPage() {
  const course = useCourse();
  const reload = useReloadCourse();
  useDocumentTitle('Syllabus import', [course.code, course.title].filter(Boolean).join(' '));
  const base = `/api/courses/${encodeURIComponent(course.slug)}/syllabus`;
  const [kept, setKept] = useState<Fix[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<ApplyView | null>(null);
  const [saves, setSaves] = useState(0);
  const allowed = course.abilities.importSyllabus === true;

  useEffect(() => {
    if (!allowed) return;
    call<{ fixes: Fix[] }>('GET', `${base}/fixes`).then(
      (r) => setKept(r.fixes),
      (e: unknown) => {
        setError(messageOf(e));
        setKept([]);
      },
    );
  }, [base, allowed]);

  if (!allowed) {
    return (
      <Empty>
        <h1>Syllabus import</h1>
        <p>Only the course's instructors can import a new version of the syllabus.</p>
      </Empty>
    );
  }

  async function save(given: { source: string; baseUrl?: string }, fixes: Fix[], acceptPartial: boolean) {
    setApplied(null);
    const r = await call<ApplyView>('POST', `${base}/apply`, { ...given, fixes, acceptPartial });
    setApplied(r);
    // The next review starts from the fixes this save kept, in a fresh form.
    setKept(r.fixes.filter((f) => f.applied).map((f) => f.fix));
    setSaves((n) => n + 1);
    // The header and every page show the course as saved.
    reload();
    return true;
  }

  // Warnings of no source line are what saving did (classes removed or kept, edits replaced), not what was read.
  const changes = applied ? applied.warnings.filter((w) => w.line === 0) : [];
  return (
    <>
      <h1>Syllabus import</h1>
      <p className="lede">
        Read a new version of the syllabus, check what Seminar understood beside the source, fix what was
        misread, then save. Nothing changes until you save.
      </p>
      <FormError message={error} />
      {applied ? (
        <div className="form-notice" role="status">
          <p>
            Saved {applied.title}: {applied.meetings} {applied.meetings === 1 ? 'class' : 'classes'},{' '}
            {applied.readings} {applied.readings === 1 ? 'reading' : 'readings'};{' '}
            {applied.fixes.filter((f) => f.applied).length} fixes kept for the next import.
          </p>
          {changes.length > 0 ? (
            <details className="import-changes">
              <summary>
                What saving changed in the course as it was ({changes.length}{' '}
                {changes.length === 1 ? 'note' : 'notes'})
              </summary>
              <ul>
                {changes.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <p>
            <a
              href={coursePageUrl(course.slug, 'schedule')}
              onClick={(e) => (
                e.preventDefault(),
                window.location.assign(coursePageUrl(course.slug, 'schedule'))
              )}
            >
              See the schedule
            </a>
          </p>
        </div>
      ) : null}
      {kept ? (
        <SyllabusReview
          key={saves}
          readPath={`${base}/read`}
          keptFixes={kept}
          wording={wording}
          onSave={save}
        />
      ) : (
        <Loading label="Loading the fixes kept from the last import" />
      )}
    </>
  );
}
