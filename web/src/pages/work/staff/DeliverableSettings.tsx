// Staff edit each deliverable's policy: title, deadline (in the course zone or relative to the class), late rule, grace, misses allowed, limits, open/closed.
import { useEffect, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { Empty, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { Field, FieldBox, fieldAria, FormError, FormNotice } from '../../../auth/Field.js';
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
const NOTES_HINT = 'Shown with the deliverable, e.g. “The presentation is at most 40 minutes.”';

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

/** The fields of the form that hold text. */
type TextKey = { [K in keyof FormState]: FormState[K] extends string ? K : never }[keyof FormState];

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

/** The numbers of the form: the word their error starts with and their bounds (whole numbers unless `decimal`), as the API checks them. */
const NUMBERS = {
  graceMinutes: { name: 'Grace', min: 0, max: 10080, decimal: false },
  allowance: { name: 'Misses allowed', min: 0, max: 50, decimal: false },
  maxMb: { name: 'Size limit', min: 1, max: 1024, decimal: true },
  maxTextChars: { name: 'Longest text', min: 1, max: 200000, decimal: false },
  closeAfterHours: { name: 'Stop after', min: 0, max: MAX_CLOSE_HOURS, decimal: true },
} as const;
type NumberKey = keyof typeof NUMBERS;

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
  /** The value and the change handler of a text field of the form. */
  const bind = (k: TextKey) => ({
    value: s[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  });
  /** A deadline control: its error is the fieldset's, said once below the controls. */
  const dueBind = (k: 'hours' | 'date' | 'time') => ({
    ...bind(k),
    'aria-invalid': errors.dueRule ? true : undefined,
  });
  /** A number of the form, with its bounds from NUMBERS. */
  const numberField = (k: NumberKey, name: string, label: string, hint?: string) => (
    <Field
      id={id(name)}
      label={label}
      error={errors[ERROR_FIELD[k]]}
      hint={hint}
      type="number"
      inputMode={NUMBERS[k].decimal ? 'decimal' : 'numeric'}
      min={NUMBERS[k].min}
      max={NUMBERS[k].max}
      {...bind(k)}
    />
  );
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
    const number = (k: NumberKey): number | undefined => {
      const { name, min, max, decimal } = NUMBERS[k];
      const text = s[k];
      const n = Number(text);
      if (
        text.trim() === '' ||
        !Number.isFinite(n) ||
        n < min ||
        n > max ||
        (!decimal && !Number.isInteger(n))
      ) {
        found[ERROR_FIELD[k]] = `${name}: enter a ${decimal ? '' : 'whole '}number from ${min} to ${max}.`;
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
    patch.graceMinutes = number('graceMinutes');
    patch.allowance = number('allowance');
    if (files) {
      const mb = number('maxMb');
      patch.maxBytes = mb === undefined ? undefined : Math.round(mb * 1048576);
    }
    if (d.textAllowed) patch.maxTextChars = number('maxTextChars');
    patch.closeAfterHours = s.closeAfterHours.trim() === '' ? null : number('closeAfterHours');
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
      <Field id={id('title')} label="Title" error={errors.title} maxLength={120} {...bind('title')} />
      <fieldset
        className="inline-fields"
        aria-describedby={
          [d.perMeeting ? null : `${id('due')}-zone`, errors.dueRule ? `${id('due')}-error` : null]
            .filter(Boolean)
            .join(' ') || undefined
        }
      >
        {d.perMeeting ? (
          <>
            <legend>Deadline, for each class</legend>
            <Field
              id={id('hours')}
              label="Hours"
              type="number"
              inputMode="decimal"
              min={0}
              max={1440}
              step={0.25}
              {...dueBind('hours')}
            />
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
          </>
        ) : (
          <>
            <legend>Deadline</legend>
            <Field id={id('date')} label="Date" type="date" {...dueBind('date')} />
            <Field id={id('time')} label={`Time (${abbreviation})`} type="time" {...dueBind('time')} />
            <p className="hint" id={`${id('due')}-zone`}>
              In the course’s time zone, {zone}.
            </p>
          </>
        )}
        {errors.dueRule ? (
          <p className="field-error" id={`${id('due')}-error`}>
            {errors.dueRule}
          </p>
        ) : null}
      </fieldset>
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
        {numberField(
          'graceMinutes',
          'grace',
          'Grace (minutes)',
          'Still on time this long after the deadline.',
        )}
        {numberField('allowance', 'allowance', 'Misses allowed', 'Missed without penalty.')}
        {files ? numberField('maxMb', 'mb', 'Size limit (MB)', `Files: ${d.fileTypes.join(', ')}.`) : null}
        {d.textAllowed ? numberField('maxTextChars', 'chars', 'Longest text (characters)') : null}
      </div>
      {s.lateRule === 'reject'
        ? null
        : numberField(
            'closeAfterHours',
            'close-after',
            'Stop taking hand-ins this many hours after the deadline',
            'Leave it empty to take late work at any time. Extensions move this point too.',
          )}
      <FieldBox
        id={id('notes')}
        label="Notes for students (one per line)"
        error={errors.notes}
        hint={NOTES_HINT}
      >
        <textarea
          id={id('notes')}
          rows={3}
          {...bind('notes')}
          {...fieldAria(id('notes'), errors.notes, NOTES_HINT)}
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
