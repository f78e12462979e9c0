// Staff edit the course in the browser, without Markdown: classes (add, move, cancel), each class's readings, the
// units, the staff with their office hours, and the policies.
import { useCallback, useState, type FormEvent } from 'react';
import { useCourse, useDocumentTitle, useReloadCourse } from '../../course-context.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useLoaded } from '../../components/use-loaded.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { messageOf } from '../../auth/client.js';
import { ClassEditor, fieldsOf, WhenFields } from './ClassEditor.js';
import { PoliciesEditor, StaffEditor, UnitsEditor } from './CourseParts.js';
import { editApi, type CourseEditView, type EditMeeting } from './edit-client.js';
import '../../auth/auth.css';
import './edit.css';

const KIND: Record<string, string> = {
  lecture: 'Lecture',
  presentations: 'Presentations',
  poster: 'Poster session',
  no_class: 'No class',
  buffer: 'Buffer',
};

function hours(m: EditMeeting, view: CourseEditView): string {
  if (m.kind === 'no_class') return 'no class';
  if (m.startTime && m.endTime) return `${m.startTime}–${m.endTime}`;
  return view.pattern ? `${view.pattern.startTime}–${view.pattern.endTime}` : 'usual hours';
}

function AddClass({ view, onSaved }: { view: CourseEditView; onSaved: (v: CourseEditView) => void }) {
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState({ date: '', startTime: '', endTime: '', title: '' });
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Add a class
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    editApi.addClass(view.slug, fieldsOf(when, null)).then(
      (v) => {
        setOpen(false);
        setWhen({ date: '', startTime: '', endTime: '', title: '' });
        onSaved(v);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  return (
    <form className="edit-panel" onSubmit={submit} aria-labelledby="add-class-title">
      <h3 id="add-class-title">New class</h3>
      <FormError message={error} />
      <WhenFields prefix="add-class" zone={view.zoneLabel} value={when} onChange={setWhen} />
      <div className="edit-actions">
        <button type="submit" className="button">
          Add the class
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
    </form>
  );
}

export default function EditCoursePage() {
  const course = useCourse();
  const reloadCourse = useReloadCourse();
  useDocumentTitle('Edit the course', [course.code, course.title].filter(Boolean).join(' '));
  const load = useCallback(() => editApi.view(course.slug), [course.slug]);
  const { data, error, reload, setData } = useLoaded(load);
  const [open, setOpen] = useState<string | null>(null);

  if (!course.abilities.manageCourse)
    return (
      <Empty>
        <h1>Edit the course</h1>
        <p>Only the course staff edit the course. The schedule is on the Schedule page.</p>
      </Empty>
    );
  if (error) return <ErrorState error={error} onRetry={reload} title="The course editor did not load" />;
  if (!data) return <Loading label="Loading the course" />;

  const saved = (v: CourseEditView) => {
    // The header and the other pages (the schedule) show the course as edited.
    reloadCourse();
    setOpen(null);
    setData(v);
  };

  return (
    <>
      <h1>Edit the course</h1>
      <p className="lede">
        Add, move or cancel a class and set its readings; below the classes, the units, the staff with their
        office hours, and the policies. Times are in <strong>{data.zoneLabel}</strong>, the course’s zone.{' '}
        <code>seminar export</code> writes the course as edited here.
      </p>
      <FormNotice message={data.done ? `Saved: ${data.done}.` : null} />
      {data.edits.length > 0 ? (
        <p className="hint">
          {data.edits.length} {data.edits.length === 1 ? 'edit' : 'edits'} since the syllabus was last
          imported. A re-import replaces them and lists each one it replaced.
        </p>
      ) : null}
      <AddClass view={data} onSaved={saved} />
      <h2>Classes</h2>
      {data.meetings.length === 0 ? (
        <Empty>
          <p>No classes yet. Add the first one above, or import the syllabus.</p>
        </Empty>
      ) : (
        <ul className="edit-classes">
          {data.meetings.map((m) => (
            <li key={m.id} className="edit-class" data-meeting={m.id}>
              <div className="edit-class-head">
                <span className="edit-class-when">
                  {m.day} · {hours(m, data)}
                </span>
                <span className="edit-class-title">
                  {m.title ?? KIND[m.kind]}{' '}
                  {m.kind !== 'lecture' ? <span className="badge badge-kind">{KIND[m.kind]}</span> : null}{' '}
                  <span className="muted">
                    {m.readings.length} {m.readings.length === 1 ? 'reading' : 'readings'}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-expanded={open === m.id}
                  aria-label={`${open === m.id ? 'Close' : 'Edit'}: ${m.day}`}
                  onClick={() => setOpen(open === m.id ? null : m.id)}
                >
                  {open === m.id ? 'Close' : 'Edit'}
                </button>
              </div>
              {open === m.id ? (
                <ClassEditor
                  slug={data.slug}
                  meeting={m}
                  zone={data.zoneLabel}
                  units={data.units.map((u) => u.title)}
                  onSaved={saved}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Units, staff and policies</h2>
      <ul className="edit-classes">
        {PARTS.map(({ key, label, summary, Editor }) => (
          <li key={key} className="edit-class" data-part={key}>
            <div className="edit-class-head">
              <span className="edit-class-when">{label}</span>
              <span className="edit-class-title muted">{summary(data)}</span>
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={open === key}
                aria-label={`${open === key ? 'Close' : 'Edit'}: ${label}`}
                onClick={() => setOpen(open === key ? null : key)}
              >
                {open === key ? 'Close' : 'Edit'}
              </button>
            </div>
            {open === key ? <Editor view={data} onSaved={saved} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The course-wide parts, each opened like a class (one thing open at a time). */
const PARTS = [
  {
    key: 'part-units',
    label: 'Units',
    summary: (v: CourseEditView) => v.units.map((u) => u.title).join(', ') || 'none',
    Editor: UnitsEditor,
  },
  {
    key: 'part-staff',
    label: 'Staff and office hours',
    summary: (v: CourseEditView) =>
      `${count(v.staff.length, 'person', 'people')}, ${count(
        v.staff.filter((s) => s.officeHours).length,
        'with office hours',
        'with office hours',
      )}`,
    Editor: StaffEditor,
  },
  {
    key: 'part-policies',
    label: 'Policies',
    summary: (v: CourseEditView) => v.policies.map((p) => p.title).join(', ') || 'none',
    Editor: PoliciesEditor,
  },
];
