// Staff edit each deliverable's policy: title, deadline (in the course zone or relative to the class), late rule, grace, misses allowed, limits, open/closed.
import { useEffect, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { Empty, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { staffApi, type DeliverableSettingsView } from './staff-client.js';
import { ruleSentence } from './rule-words.js';
import { SettingsForm } from './SettingsForm.js';

export function DeliverableSettings() {
  const course = useCourse();
  const [list, setList] = useState<DeliverableSettingsView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    staffApi.deliverables(course.slug).then(
      (d) => setList(d.deliverables),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [course.slug]);

  if (!list) return error ? <FormError message={error} /> : <Loading label="Loading the deliverables" />;
  if (list.length === 0) {
    return (
      <Empty>
        <p>
          This course has no deliverables yet. They are created from the syllabus: import it again with its
          milestones and policies.
        </p>
      </Empty>
    );
  }
  const canEdit = course.abilities.manageCourse === true;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Deliverable settings</h2>
      <p className="lede">
        What each hand-in requires and what happens when it is late. Times are in {course.timeZone}. Changes
        apply to hand-ins from now on; receipts already given keep their outcome.
      </p>
      <FormNotice message={notice} />
      <ul className="settings-list">
        {list.map((d) => (
          <li key={d.key}>
            <article className="settings-card" aria-labelledby={`d-${d.key}-title`}>
              <h3 id={`d-${d.key}-title`}>
                {d.title} {d.closed ? <span className="badge badge-closed">Closed</span> : null}
              </h3>
              <p className="muted">
                {d.audience === 'group' ? 'Group work' : 'Each student'}
                {d.perMeeting
                  ? `, for ${d.meetingDates.length} class${d.meetingDates.length === 1 ? '' : 'es'}`
                  : ', once for the course'}
                {d.perReading ? ', one per presented paper' : ''}
                {d.needsApproval ? ', approved or returned by staff' : ''}
              </p>
              <p className="rule-sentence">
                {ruleSentence(
                  { ...d, maxBytes: d.fileTypes.length > 0 ? d.maxBytes : null },
                  course.timeZone,
                )}
              </p>
              {d.notes.length > 0 ? (
                <ul className="settings-notes" aria-label={`Notes on ${d.title}`}>
                  {d.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              ) : null}
              {editing === d.key ? (
                <SettingsForm
                  deliverable={d}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setList(list.map((x) => (x.key === saved.key ? saved : x)));
                    setEditing(null);
                    setNotice(`Saved the rules of “${saved.title}”.`);
                  }}
                />
              ) : canEdit ? (
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={`Edit the rules of ${d.title}`}
                  onClick={() => {
                    setNotice(null);
                    setEditing(d.key);
                  }}
                >
                  Edit
                </button>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
