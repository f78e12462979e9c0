// The deadline fieldset of the deliverable settings form: hours before or after each class, or a date and a time in the course zone.
import { Field, FieldBox } from '../../../auth/Field.js';
import type { FormState } from './settings-form-state.js';
import type { DeliverableSettingsView } from './staff-client.js';

export function DeadlineFieldset({
  deliverable: d,
  s,
  set,
  errors,
  id,
  dueBind,
  zone,
  abbreviation,
}: {
  deliverable: DeliverableSettingsView;
  s: FormState;
  set: <K extends keyof FormState>(k: K, v: FormState[K]) => void;
  errors: Record<string, string>;
  id: (name: string) => string;
  dueBind: (k: 'hours' | 'date' | 'time') => {
    value: string;
    onChange: (e: { target: { value: string } }) => void;
    'aria-invalid': boolean | undefined;
  };
  zone: string;
  abbreviation: string;
}) {
  return (
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
  );
}
