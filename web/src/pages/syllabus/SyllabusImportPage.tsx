// Import review: give a new version of the syllabus, see the course as read beside its source, fix what was misread, apply.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { Empty } from '../../components/states.js';
import { coursePath, forget } from '../../api.js';
import { coursePageUrl } from '../../routes.js';
import type { ApplyView, ReviewView } from '../../../../src/contracts/syllabus-review.js';
import { withFix, type Fix } from './fix-list.js';
import { ReviewMeetings, LineLink } from './ReviewMeetings.js';
import { FixList, ReviewSettings } from './ReviewSettings.js';
import { SourcePanel } from './SourcePanel.js';
import { SyllabusSource, type Given } from './SyllabusSource.js';
import '../../auth/auth.css';
import './syllabus.css';

export default function SyllabusImportPage() {
  const course = useCourse();
  useDocumentTitle('Syllabus import', [course.code, course.title].filter(Boolean).join(' '));
  const base = `/api/courses/${encodeURIComponent(course.slug)}/syllabus`;
  const [given, setGiven] = useState<Given | null>(null);
  const [fixes, setFixes] = useState<Fix[]>([]);
  const [kept, setKept] = useState(0);
  const [view, setView] = useState<ReviewView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<ApplyView | null>(null);
  const allowed = course.abilities.importSyllabus === true;

  useEffect(() => {
    if (!allowed) return;
    call<{ fixes: Fix[] }>('GET', `${base}/fixes`).then(
      (r) => {
        setFixes(r.fixes);
        setKept(r.fixes.length);
      },
      (e: unknown) => setError(messageOf(e)),
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

  async function read(next: Given, nextFixes: Fix[]) {
    setBusy(true);
    setError(null);
    setApplied(null);
    try {
      const r = await call<ReviewView>('POST', `${base}/read`, { ...next, fixes: nextFixes });
      setView(r);
      // A fetched file is kept as text: later reads and the apply use what was reviewed.
      setGiven(
        r.fetchedFrom ? { source: r.source.join('\n'), baseUrl: new URL('.', r.fetchedFrom).href } : next,
      );
      setFixes(nextFixes);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const fix = (f: Fix) => given && void read(given, withFix(fixes, f));
  const undo = (i: number) =>
    given &&
    void read(
      given,
      fixes.filter((_, k) => k !== i),
    );

  async function apply() {
    if (!given || !view) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call<ApplyView>('POST', `${base}/apply`, { ...given, fixes, acceptPartial: !view.ok });
      forget(coursePath(course.slug));
      setApplied(r);
      setView(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const c = view?.course;
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
      <SyllabusSource busy={busy} onRead={(g) => void read(g, fixes)} />
      {kept > 0 && !view ? (
        <FormNotice
          message={`${kept} ${kept === 1 ? 'fix' : 'fixes'} from the last import will be applied again where they still fit.`}
        />
      ) : null}
      {view && c ? (
        <div className="review" aria-busy={busy}>
          {view.ok ? null : (
            <div className="review-refusal" role="alert">
              <h2>No schedule was found</h2>
              <p>{view.refusal}</p>
              <p>
                You can still save what was read (title, staff, policies) and add classes later, or fix the
                syllabus and read it again.
              </p>
            </div>
          )}
          <section className="review-summary card" aria-labelledby="summary-h">
            <h2 id="summary-h">{[c.code, c.title].filter(Boolean).join(' ')}</h2>
            <p className="muted">
              {c.term ? `${c.term.season} ${c.term.year} · ` : ''}
              {c.meetings.length} classes · {c.meetings.reduce((n, m) => n + m.readings.length, 0)} readings ·{' '}
              {c.milestones.length} milestones · {view.warnings.length} warnings
            </p>
            {c.staff.length > 0 ? (
              <p>
                Staff:{' '}
                {c.staff.map((s, i) => (
                  <span key={i}>
                    {i > 0 ? ', ' : ''}
                    {s.name} ({s.role}) <LineLink line={s.line} />
                  </span>
                ))}
              </p>
            ) : null}
            <h3>Your fixes</h3>
            <FixList view={view} fixes={fixes} onRemove={undo} />
            <p className="review-apply">
              <button type="button" className="button" disabled={busy} onClick={() => void apply()}>
                {view.ok ? 'Save course' : 'Save what was read'}
              </button>{' '}
              <span className="muted">
                Classes that move keep their hand-ins; the import says what changed.
              </span>
            </p>
          </section>
          <div className="review-columns">
            <section className="review-course" aria-labelledby="classes-h">
              <h2 id="classes-h">Classes as read</h2>
              <ReviewMeetings view={view} onFix={fix} />
              {c.milestones.length > 0 ? (
                <>
                  <h3>Milestones</h3>
                  <ul className="review-plain-list">
                    {c.milestones.map((m) => (
                      <li key={m.key}>
                        {m.title} <LineLink line={m.line} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {c.units.length > 0 ? (
                <>
                  <h3>Units</h3>
                  <ul className="review-plain-list">
                    {c.units.map((u, i) => (
                      <li key={i}>
                        {u.title} <LineLink line={u.line} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <ReviewSettings
                key={view.course.timeZone + (view.course.pattern?.startTime ?? '')}
                view={view}
                onFix={fix}
              />
            </section>
            <SourcePanel view={view} />
          </div>
        </div>
      ) : null}
    </>
  );
}
