// The form that edits one deliverable's rules: title, deadline, late rule, grace, misses allowed, limits, notes, open/closed, with a preview of what they mean.
import { useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { messageOf } from '../../../auth/client.js';
import { Field, FieldBox, fieldAria, FormError } from '../../../auth/Field.js';
import { zoneAbbreviation } from '../../../time.js';
import { DeadlineFieldset } from './DeadlineFieldset.js';
import { LATE_WORDS, ruleSentence } from './rule-words.js';
import {
  dueRuleOf,
  ERROR_FIELD,
  initialState,
  NUMBERS,
  type FormState,
  type NumberKey,
  type TextKey,
} from './settings-form-state.js';
import {
  fieldErrorsOf,
  staffApi,
  type DeliverablePatch,
  type DeliverableSettingsView,
  type LateRule,
} from './staff-client.js';

const NOTES_HINT = 'Shown with the deliverable, e.g. “The presentation is at most 40 minutes.”';

export function SettingsForm({
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
      <DeadlineFieldset
        deliverable={d}
        s={s}
        set={set}
        errors={errors}
        id={id}
        dueBind={dueBind}
        zone={zone}
        abbreviation={abbreviation}
      />
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
