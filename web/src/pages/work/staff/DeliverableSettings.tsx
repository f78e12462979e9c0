// Staff edit each deliverable's policy: title, deadline (in the course zone or relative to the class), late rule, grace, misses allowed, limits, open/closed.
import { useEffect, useState, type ReactNode } from 'react';
import { useCourse } from '../../../course-context.js';
import { Empty, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { zoneAbbreviation } from '../../../time.js';
import {
  fieldErrorsOf,
  staffApi,
  type DeliverablePatch,
  type DeliverableSettingsView,
  type DueRule,
  type LateRule,
} from './staff-client.js';
import { LATE_WORDS, ruleSentence } from './rule-words.js';
import { zonedInstant, zonedParts } from './zone.js';

/** The API's bound on closeAfterHours: a year. */
const MAX_CLOSE_HOURS = 24 * 365;

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

interface FormState {
  title: string;
  hours: string;
  direction: 'before' | 'after';
  anchor: 'start' | 'end';
  date: string;
  time: string;
  lateRule: LateRule;
  graceMinutes: string;
  allowance: string;
  maxMb: string;
  maxTextChars: string;
  closeAfterHours: string;
  notes: string;
  closed: boolean;
}

function initialState(d: DeliverableSettingsView, timeZone: string): FormState {
  const local = d.dueRule.kind === 'absolute' ? zonedParts(d.dueRule.at, timeZone) : { date: '', time: '' };
  return {
    title: d.title,
    hours: d.dueRule.kind === 'meeting' ? String(Math.abs(d.dueRule.offsetHours)) : '0',
    direction: d.dueRule.kind === 'meeting' && d.dueRule.offsetHours > 0 ? 'after' : 'before',
    anchor: d.dueRule.kind === 'meeting' ? d.dueRule.anchor : 'start',
    date: local.date,
    time: local.time,
    lateRule: d.lateRule,
    graceMinutes: String(d.graceMinutes),
    allowance: String(d.allowance),
    maxMb: d.maxBytes ? String(Math.round((d.maxBytes / 1048576) * 10) / 10) : '',
    maxTextChars: d.maxTextChars === null ? '' : String(d.maxTextChars),
    closeAfterHours: d.closeAfterHours === null ? '' : String(d.closeAfterHours),
    notes: d.notes.join('\n'),
    closed: d.closed,
  };
}

/** Which error (by request field) editing a form value answers. */
const ERROR_FIELD: Record<keyof FormState, string> = {
  title: 'title',
  hours: 'dueRule',
  direction: 'dueRule',
  anchor: 'dueRule',
  date: 'dueRule',
  time: 'dueRule',
  lateRule: 'lateRule',
  graceMinutes: 'graceMinutes',
  allowance: 'allowance',
  maxMb: 'maxBytes',
  maxTextChars: 'maxTextChars',
  closeAfterHours: 'closeAfterHours',
  notes: 'notes',
  closed: 'closed',
};

/** The due rule the form describes, or a message saying what to fix. */
function dueRuleOf(d: DeliverableSettingsView, s: FormState, timeZone: string): DueRule | string {
  if (d.perMeeting) {
    const hours = Number(s.hours);
    if (s.hours.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > 1440)
      return 'Enter a number of hours from 0 to 1440.';
    return { kind: 'meeting', anchor: s.anchor, offsetHours: s.direction === 'before' ? -hours : hours };
  }
  const at = zonedInstant(s.date, s.time, timeZone);
  return at ? { kind: 'absolute', at } : 'Enter a date and a time.';
}

function SettingsForm({
  deliverable: d,
  onCancel,
  onSaved,
}: {
  deliverable: DeliverableSettingsView;
  onCancel: () => void;
  onSaved: (saved: DeliverableSettingsView) => void;
}) {
  const course = useCourse();
  const zone = course.timeZone;
  const [s, setS] = useState<FormState>(() => initialState(d, zone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setS((old) => ({ ...old, [k]: v }));
    // A field's error goes as soon as it is edited; the rest stay until the next save.
    const field = ERROR_FIELD[k];
    setErrors((old) =>
      field in old ? Object.fromEntries(Object.entries(old).filter(([f]) => f !== field)) : old,
    );
  };
  const id = (name: string) => `d-${d.key}-${name}`;
  const due = dueRuleOf(d, s, zone);
  const files = d.fileTypes.length > 0;
  const preview =
    typeof due === 'string'
      ? null
      : ruleSentence(
          {
            dueRule: due,
            lateRule: s.lateRule,
            graceMinutes: Number(s.graceMinutes) || 0,
            allowance: Number(s.allowance) || 0,
            closed: s.closed,
            perMeeting: d.perMeeting,
            maxBytes: files ? Number(s.maxMb) * 1048576 || null : null,
            maxTextChars: d.textAllowed ? Number(s.maxTextChars) || null : null,
            closeAfterHours:
              s.closeAfterHours.trim() === '' || !Number.isFinite(Number(s.closeAfterHours))
                ? null
                : Number(s.closeAfterHours),
          },
          zone,
        );
  const abbreviation = zoneAbbreviation(
    typeof due !== 'string' && due.kind === 'absolute' ? due.at : new Date().toISOString(),
    zone,
  );

  async function save() {
    setError(null);
    const found: Record<string, string> = {};
    const number = (
      field: string,
      text: string,
      label: string,
      min: number,
      max: number,
      integer = true,
    ): number | undefined => {
      const n = Number(text);
      if (
        text.trim() === '' ||
        !Number.isFinite(n) ||
        n < min ||
        n > max ||
        (integer && !Number.isInteger(n))
      ) {
        found[field] = `${label}: enter a ${integer ? 'whole ' : ''}number from ${min} to ${max}.`;
        return undefined;
      }
      return n;
    };
    const patch: DeliverablePatch = {};
    if (s.title.trim() === '') found.title = 'Give the deliverable a title.';
    else patch.title = s.title.trim();
    if (typeof due === 'string') found.dueRule = due;
    else patch.dueRule = due;
    patch.lateRule = s.lateRule;
    patch.graceMinutes = number('graceMinutes', s.graceMinutes, 'Grace', 0, 10080);
    patch.allowance = number('allowance', s.allowance, 'Misses allowed', 0, 50);
    if (files) {
      const mb = number('maxBytes', s.maxMb, 'Size limit', 1, 1024, false);
      patch.maxBytes = mb === undefined ? undefined : Math.round(mb * 1048576);
    }
    if (d.textAllowed) patch.maxTextChars = number('maxTextChars', s.maxTextChars, 'Longest text', 1, 200000);
    patch.closeAfterHours =
      s.closeAfterHours.trim() === ''
        ? null
        : number('closeAfterHours', s.closeAfterHours, 'Stop after', 0, MAX_CLOSE_HOURS, false);
    const notes = s.notes
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const tooLong = notes.findIndex((n) => n.length > 500);
    if (notes.length > 20) found.notes = `Notes: at most 20 lines (this has ${notes.length}).`;
    else if (tooLong >= 0) found.notes = `Notes: line ${tooLong + 1} is longer than 500 characters.`;
    else patch.notes = notes;
    patch.closed = s.closed;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setError('Some values need fixing; see the fields marked below.');
      return;
    }
    setBusy(true);
    try {
      const res = await staffApi.updateDeliverable(course.slug, d.key, patch);
      onSaved(res.deliverable);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="settings-form"
      aria-label={`Rules of ${d.title}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FormError message={error} />
      <FieldBox id={id('title')} label="Title" error={errors.title}>
        <input
          id={id('title')}
          value={s.title}
          maxLength={120}
          onChange={(e) => set('title', e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id('title')}-error` : undefined}
        />
      </FieldBox>
      {d.perMeeting ? (
        <fieldset
          className="inline-fields"
          aria-describedby={errors.dueRule ? `${id('due')}-error` : undefined}
        >
          <legend>Deadline, for each class</legend>
          <FieldBox id={id('hours')} label="Hours">
            <input
              id={id('hours')}
              type="number"
              inputMode="decimal"
              min={0}
              max={1440}
              step={0.25}
              value={s.hours}
              onChange={(e) => set('hours', e.target.value)}
              aria-invalid={errors.dueRule ? true : undefined}
            />
          </FieldBox>
          <FieldBox id={id('direction')} label="Before or after">
            <select
              id={id('direction')}
              value={s.direction}
              onChange={(e) => set('direction', e.target.value as 'before' | 'after')}
            >
              <option value="before">before</option>
              <option value="after">after</option>
            </select>
          </FieldBox>
          <FieldBox id={id('anchor')} label="The moment">
            <select
              id={id('anchor')}
              value={s.anchor}
              onChange={(e) => set('anchor', e.target.value as 'start' | 'end')}
            >
              <option value="start">the class starts</option>
              <option value="end">the class ends</option>
            </select>
          </FieldBox>
          {errors.dueRule ? (
            <p className="field-error" id={`${id('due')}-error`}>
              {errors.dueRule}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <fieldset
          className="inline-fields"
          aria-describedby={`${id('due')}-zone${errors.dueRule ? ` ${id('due')}-error` : ''}`}
        >
          <legend>Deadline</legend>
          <FieldBox id={id('date')} label="Date">
            <input
              id={id('date')}
              type="date"
              value={s.date}
              onChange={(e) => set('date', e.target.value)}
              aria-invalid={errors.dueRule ? true : undefined}
            />
          </FieldBox>
          <FieldBox id={id('time')} label={`Time (${abbreviation})`}>
            <input
              id={id('time')}
              type="time"
              value={s.time}
              onChange={(e) => set('time', e.target.value)}
              aria-invalid={errors.dueRule ? true : undefined}
            />
          </FieldBox>
          <p className="hint" id={`${id('due')}-zone`}>
            In the course’s time zone, {zone}.
          </p>
          {errors.dueRule ? (
            <p className="field-error" id={`${id('due')}-error`}>
              {errors.dueRule}
            </p>
          ) : null}
        </fieldset>
      )}
      <fieldset>
        <legend>Work handed in after the deadline</legend>
        {(Object.keys(LATE_WORDS) as LateRule[]).map((rule) => (
          <label key={rule} className="radio">
            <input
              type="radio"
              name={id('late')}
              value={rule}
              checked={s.lateRule === rule}
              onChange={() => set('lateRule', rule)}
            />{' '}
            {LATE_WORDS[rule].label}
          </label>
        ))}
      </fieldset>
      <div className="inline-fields">
        <FieldBox
          id={id('grace')}
          label="Grace (minutes)"
          error={errors.graceMinutes}
          hint="Still on time this long after the deadline."
        >
          <input
            id={id('grace')}
            type="number"
            inputMode="numeric"
            min={0}
            max={10080}
            value={s.graceMinutes}
            onChange={(e) => set('graceMinutes', e.target.value)}
            aria-invalid={errors.graceMinutes ? true : undefined}
            aria-describedby={`${id('grace')}-${errors.graceMinutes ? 'error' : 'hint'}`}
          />
        </FieldBox>
        <FieldBox
          id={id('allowance')}
          label="Misses allowed"
          error={errors.allowance}
          hint="Missed without penalty."
        >
          <input
            id={id('allowance')}
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            value={s.allowance}
            onChange={(e) => set('allowance', e.target.value)}
            aria-invalid={errors.allowance ? true : undefined}
            aria-describedby={`${id('allowance')}-${errors.allowance ? 'error' : 'hint'}`}
          />
        </FieldBox>
        {files ? (
          <FieldBox
            id={id('mb')}
            label="Size limit (MB)"
            error={errors.maxBytes}
            hint={`Files: ${d.fileTypes.join(', ')}.`}
          >
            <input
              id={id('mb')}
              type="number"
              inputMode="decimal"
              min={1}
              max={1024}
              value={s.maxMb}
              onChange={(e) => set('maxMb', e.target.value)}
              aria-invalid={errors.maxBytes ? true : undefined}
              aria-describedby={`${id('mb')}-${errors.maxBytes ? 'error' : 'hint'}`}
            />
          </FieldBox>
        ) : null}
        {d.textAllowed ? (
          <FieldBox id={id('chars')} label="Longest text (characters)" error={errors.maxTextChars}>
            <input
              id={id('chars')}
              type="number"
              inputMode="numeric"
              min={1}
              max={200000}
              value={s.maxTextChars}
              onChange={(e) => set('maxTextChars', e.target.value)}
              aria-invalid={errors.maxTextChars ? true : undefined}
              aria-describedby={errors.maxTextChars ? `${id('chars')}-error` : undefined}
            />
          </FieldBox>
        ) : null}
      </div>
      {s.lateRule === 'reject' ? null : (
        <FieldBox
          id={id('close-after')}
          label="Stop taking hand-ins this many hours after the deadline"
          error={errors.closeAfterHours}
          hint="Leave it empty to take late work at any time. Extensions move this point too."
        >
          <input
            id={id('close-after')}
            type="number"
            inputMode="decimal"
            min={0}
            max={MAX_CLOSE_HOURS}
            value={s.closeAfterHours}
            onChange={(e) => set('closeAfterHours', e.target.value)}
            aria-invalid={errors.closeAfterHours ? true : undefined}
            aria-describedby={`${id('close-after')}-${errors.closeAfterHours ? 'error' : 'hint'}`}
          />
        </FieldBox>
      )}
      <FieldBox
        id={id('notes')}
        label="Notes for students (one per line)"
        error={errors.notes}
        hint="Shown with the deliverable, e.g. “The presentation is at most 40 minutes.”"
      >
        <textarea
          id={id('notes')}
          rows={3}
          value={s.notes}
          onChange={(e) => set('notes', e.target.value)}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={`${id('notes')}-${errors.notes ? 'error' : 'hint'}`}
        />
      </FieldBox>
      <label className="checkbox">
        <input type="checkbox" checked={s.closed} onChange={(e) => set('closed', e.target.checked)} /> Closed:
        students cannot hand this in until it is opened again
      </label>
      <p className="rule-preview" aria-live="polite">
        <strong>What this means:</strong> {preview ?? 'complete the deadline to see it.'}
      </p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A label above its control, an optional hint, and the field's own error line. */
export function FieldBox({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
