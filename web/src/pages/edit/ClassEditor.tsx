// One class opened in the course editor: move it (day, hours, title), set its readings, or cancel it after seeing what it holds.
import { useState, type FormEvent } from 'react';
import { FieldBox, FormError } from '../../auth/Field.js';
import { messageOf } from '../../auth/client.js';
import {
  editApi,
  type ClassAttachments,
  type CourseEditView,
  type EditMeeting,
  type EditReading,
} from './edit-client.js';
import { useSave } from './CourseParts.js';

interface Props {
  slug: string;
  meeting: EditMeeting;
  zone: string;
  /** Titles of the course's units, for the class's unit. */
  units: string[];
  onSaved: (view: CourseEditView) => void;
}

/** Date, start, end and title of a class, as typed (times in the course's zone). */
export function WhenFields({
  prefix,
  zone,
  value,
  onChange,
}: {
  prefix: string;
  zone: string;
  value: { date: string; startTime: string; endTime: string; title: string };
  onChange: (next: typeof value) => void;
}) {
  const set = (key: keyof typeof value) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <div className="edit-row">
      <FieldBox id={`${prefix}-date`} label="Day">
        <input id={`${prefix}-date`} type="date" required value={value.date} onChange={set('date')} />
      </FieldBox>
      <FieldBox id={`${prefix}-start`} label={`Starts (${zone})`} hint="Empty: the usual hours">
        <input
          id={`${prefix}-start`}
          type="time"
          value={value.startTime}
          onChange={set('startTime')}
          aria-describedby={`${prefix}-start-hint`}
        />
      </FieldBox>
      <FieldBox id={`${prefix}-end`} label={`Ends (${zone})`}>
        <input id={`${prefix}-end`} type="time" value={value.endTime} onChange={set('endTime')} />
      </FieldBox>
      <FieldBox id={`${prefix}-title`} label="Title">
        <input id={`${prefix}-title`} value={value.title} maxLength={300} onChange={set('title')} />
      </FieldBox>
    </div>
  );
}

export const fieldsOf = (
  v: { date: string; startTime: string; endTime: string; title: string },
  unit: string | null,
) => ({
  date: v.date,
  startTime: v.startTime || null,
  endTime: v.endTime || null,
  title: v.title.trim() || null,
  unit,
});

export function ClassEditor({ slug, meeting, zone, units, onSaved }: Props) {
  const [when, setWhen] = useState({
    date: meeting.date,
    startTime: meeting.startTime ?? '',
    endTime: meeting.endTime ?? '',
    title: meeting.title ?? '',
  });
  const [unit, setUnit] = useState(meeting.unit ?? '');
  const [readings, setReadings] = useState<EditReading[]>(meeting.readings.map((r) => ({ ...r })));
  const [attached, setAttached] = useState<ClassAttachments | null>(null);
  const { error, setError, busy, run } = useSave(onSaved);
  const id = `class-${meeting.id}`;

  const move = (e: FormEvent) => {
    e.preventDefault();
    void run(() => editApi.changeClass(slug, meeting.id, fieldsOf(when, unit || null)));
  };
  const saveReadings = (e: FormEvent) => {
    e.preventDefault();
    void run(() => editApi.readings(slug, meeting.id, readings));
  };
  const setReading = (i: number, patch: Partial<EditReading>) =>
    setReadings(readings.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const swap = (i: number, j: number) => {
    const next = [...readings];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setReadings(next);
  };

  return (
    <div className="edit-panel">
      <FormError message={error} />
      <form onSubmit={move} aria-labelledby={`${id}-when`}>
        <h3 id={`${id}-when`}>Day, time and unit</h3>
        <WhenFields prefix={id} zone={zone} value={when} onChange={setWhen} />
        <FieldBox id={`${id}-unit`} label="Unit">
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">No unit</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </FieldBox>
        <p className="hint">Its roles, hand-ins and discussion move with it.</p>
        <button type="submit" className="button" disabled={busy}>
          Save day, time and unit
        </button>
      </form>

      <form onSubmit={saveReadings} aria-labelledby={`${id}-readings`}>
        <h3 id={`${id}-readings`}>Readings</h3>
        {readings.length === 0 ? <p className="muted">No readings yet. Add the first one below.</p> : null}
        {readings.map((r, i) => (
          <fieldset key={r.id ?? `new-${i}`} className="edit-reading">
            <legend className="visually-hidden">Reading {i + 1}</legend>
            <div className="edit-row">
              <FieldBox id={`${id}-r${i}-title`} label={`Reading ${i + 1} title`}>
                <input
                  id={`${id}-r${i}-title`}
                  required
                  maxLength={500}
                  value={r.title}
                  onChange={(e) => setReading(i, { title: e.target.value })}
                />
              </FieldBox>
              <FieldBox id={`${id}-r${i}-url`} label="Link (https://…)">
                <input
                  id={`${id}-r${i}-url`}
                  type="url"
                  maxLength={2000}
                  value={r.url ?? ''}
                  onChange={(e) => setReading(i, { url: e.target.value || null })}
                />
              </FieldBox>
            </div>
            <label className="edit-check">
              <input
                type="checkbox"
                checked={r.required}
                onChange={(e) => setReading(i, { required: e.target.checked })}
              />
              Required reading
            </label>
            <div className="edit-actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={i === 0}
                onClick={() => swap(i, i - 1)}
              >
                Move up<span className="visually-hidden">: reading {i + 1}</span>
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={i === readings.length - 1}
                onClick={() => swap(i, i + 1)}
              >
                Move down<span className="visually-hidden">: reading {i + 1}</span>
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setReadings(readings.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden">: reading {i + 1}</span>
              </button>
            </div>
          </fieldset>
        ))}
        <div className="edit-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setReadings([...readings, { title: '', url: null, required: true, note: null }])}
          >
            Add a reading
          </button>
          <button type="submit" className="button" disabled={busy}>
            Save readings
          </button>
        </div>
      </form>

      {meeting.kind === 'no_class' ? null : (
        <section aria-labelledby={`${id}-cancel`}>
          <h3 id={`${id}-cancel`}>Cancel this class</h3>
          {!attached ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() =>
                editApi.attached(slug, meeting.id).then(setAttached, (e: unknown) => setError(messageOf(e)))
              }
            >
              Cancel class…
            </button>
          ) : (
            <div role="region" aria-label="What cancelling changes" className="edit-attached">
              <p>Before you cancel {attached.day}, this is what the class holds:</p>
              <ul>
                {attached.roles.map((r) => (
                  <li key={`${r.role}-${r.group}`}>
                    {r.group}: {r.role}
                    {r.published ? ' (published)' : ''}
                  </li>
                ))}
                {attached.handIns.map((h) => (
                  <li key={h.deliverable}>
                    {h.count} {h.count === 1 ? 'hand-in' : 'hand-ins'} of {h.deliverable} received
                  </li>
                ))}
                {attached.deadlines.map((d) => (
                  <li key={d.deliverable}>
                    {d.deliverable} due {d.due}
                  </li>
                ))}
                {attached.roles.length + attached.handIns.length + attached.deadlines.length === 0 ? (
                  <li>Nothing: no roles, hand-ins or deadlines.</li>
                ) : null}
              </ul>
              <p>If you cancel:</p>
              <ul>
                {attached.consequences.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <div className="edit-actions">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => void run(() => editApi.cancel(slug, meeting.id))}
                >
                  Cancel the class
                </button>
                <button type="button" className="button button-secondary" onClick={() => setAttached(null)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
