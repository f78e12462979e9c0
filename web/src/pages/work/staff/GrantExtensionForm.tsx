// The form that grants an extension to a student or a group (or every member of a group) with a new deadline in the course zone.
import { useEffect, useMemo, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { messageOf } from '../../../auth/client.js';
import { FieldBox, FormError } from '../../../auth/Field.js';
import { useServerNow, useServerOffset } from '../../../components/server-now.js';
import {
  formatDay,
  formatInstant,
  instantOf,
  isoAt,
  laterBy,
  zoneAbbreviation,
  zonedInstant,
  zonedParts,
} from '../../../time.js';
import {
  fieldErrorsOf,
  staffApi,
  type DeliverableSettingsView,
  type ExtensionList,
  type ExtensionTarget,
} from './staff-client.js';

/** The regular deadline of a deliverable at a class (from the class's own start/end) or for the course, or null. */
export function regularDueOf(
  d: DeliverableSettingsView,
  meetings: Array<{ date: string; startsAt: string | null; endsAt: string | null }>,
  date: string | null,
): string | null {
  if (d.dueRule.kind === 'absolute') return d.dueRule.at;
  const m = meetings.find((x) => x.date === date);
  const anchor = d.dueRule.anchor === 'start' ? m?.startsAt : m?.endsAt;
  return anchor ? laterBy(anchor, d.dueRule.offsetHours * 3_600_000) : null;
}

const SUGGESTED_EXTRA_MS = 2 * 86_400_000;

/** Two days after the later of the regular deadline and now (the server's rule for its suggestion too). */
export function suggestedDue(regular: string, nowMs: number): string {
  return isoAt(Math.max(instantOf(regular), nowMs) + SUGGESTED_EXTRA_MS);
}

/**
 * Grants an extension. With `fixed`, the deliverable, the class and who are given (from a
 * student's or group's hand-ins) and only the new deadline and reason are asked.
 */
export function GrantExtensionForm({
  deliverables,
  people,
  fixed,
  labelledBy,
  onGranted,
}: {
  deliverables: DeliverableSettingsView[];
  people: Pick<ExtensionList, 'students' | 'groups'>;
  fixed?: { key: string; meetingDate: string | null; target: ExtensionTarget; name: string };
  labelledBy: string;
  onGranted: (notice: string) => void;
}) {
  const course = useCourse();
  const zone = course.timeZone;
  const [key, setKey] = useState(fixed?.key ?? deliverables[0]?.key ?? '');
  const d = deliverables.find((x) => x.key === key);
  const [meetingDate, setMeetingDate] = useState<string>(fixed?.meetingDate ?? '');
  const [who, setWho] = useState('');
  /** Individual work extended for every member of a group at once (the domain honours a group's extension on it). */
  const [forGroup, setForGroup] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = (field: string) =>
    setErrors((old) =>
      field in old ? Object.fromEntries(Object.entries(old).filter(([f]) => f !== field)) : old,
    );
  const prefix = fixed ? `gx-${fixed.key}-${fixed.meetingDate ?? 'c'}` : 'gx';
  const dates = useMemo(
    () => (d?.perMeeting ? d.meetingDates.filter((x) => course.meetings.some((m) => m.date === x)) : []),
    [d, course.meetings],
  );
  const date0 = d?.perMeeting ? meetingDate || null : null;
  const regular = d ? regularDueOf(d, course.meetings, date0) : null;
  const group = d?.audience === 'group' || forGroup;

  // Now by the server's clock (deadlines are judged by it); its offset in whole minutes changes only when learned anew.
  const serverNow = useServerNow(60_000);
  const offset = useServerOffset();
  const suggested = regular ? suggestedDue(regular, Date.now() + offset) : null;
  // Start the new deadline at the suggestion (in the future even when the regular one has passed), in the course zone.
  useEffect(() => {
    if (!regular) return;
    const next = zonedParts(suggestedDue(regular, Date.now() + offset), zone);
    setDate(next.date);
    setTime(next.time);
  }, [regular, zone, offset]);

  async function grant() {
    setError(null);
    const found: Record<string, string> = {};
    if (!d) found.deliverable = 'Choose a deliverable.';
    if (d?.perMeeting && !date0) found.meetingDate = 'Choose the class.';
    let target: ExtensionTarget | null = fixed?.target ?? null;
    if (!target) {
      if (!who) found.target = group ? 'Choose the group.' : 'Choose the student.';
      else target = group ? { kind: 'group', groupId: who } : { kind: 'student', userId: who };
    }
    const dueAt = zonedInstant(date, time, zone);
    if (!dueAt) found.dueAt = 'Enter the new date and time.';
    else if (regular && Date.parse(dueAt) <= Date.parse(regular))
      found.dueAt = `The new deadline must be after the regular one (${formatInstant(regular, zone)}).`;
    else if (Date.parse(dueAt) <= serverNow)
      found.dueAt = `That time has already passed (it is now ${formatInstant(isoAt(serverNow), zone)}), so it would extend nothing; choose a later one${suggested ? `, such as ${formatInstant(suggested, zone)}` : ''}.`;
    setErrors(found);
    if (Object.keys(found).length > 0 || !d || !target || !dueAt) {
      setError('Some values need fixing; see the fields marked below.');
      return;
    }
    setBusy(true);
    try {
      const res = await staffApi.grantExtension(course.slug, d.key, {
        meetingDate: date0,
        target,
        dueAt,
        reason: reason.trim() || null,
      });
      const name =
        fixed?.name ??
        (group
          ? people.groups.find((g) => g.id === who)?.name
          : people.students.find((s) => s.id === who)?.name) ??
        'them';
      setReason('');
      const members = forGroup ? (people.groups.find((g) => g.id === who)?.members ?? []) : [];
      onGranted(
        `Extended “${d.title}”${date0 ? ` (${formatDay(date0)})` : ''} for ${name}${members.length > 0 ? ` (${members.join(', ')})` : ''} to ${formatInstant(res.dueAt, zone)}.`,
      );
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(fields);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const described = (name: string) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${prefix}-${name}-error` } : {};
  return (
    <form
      className="grant-form"
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void grant();
      }}
    >
      <FormError message={error} />
      {fixed ? null : (
        <div className="inline-fields">
          <FieldBox id={`${prefix}-deliverable`} label="Deliverable" error={errors.deliverable}>
            <select
              id={`${prefix}-deliverable`}
              value={key}
              onChange={(e) => {
                setKey(e.target.value);
                setMeetingDate('');
                setWho('');
                setForGroup(false);
                clear('deliverable');
              }}
              {...described('deliverable')}
            >
              {deliverables.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.title}
                </option>
              ))}
            </select>
          </FieldBox>
          {d?.perMeeting ? (
            <FieldBox id={`${prefix}-meetingDate`} label="Class" error={errors.meetingDate}>
              <select
                id={`${prefix}-meetingDate`}
                value={meetingDate}
                onChange={(e) => {
                  setMeetingDate(e.target.value);
                  clear('meetingDate');
                }}
                {...described('meetingDate')}
              >
                <option value="">Choose a class…</option>
                {dates.map((x) => (
                  <option key={x} value={x}>
                    {formatDay(x)}
                  </option>
                ))}
              </select>
            </FieldBox>
          ) : null}
          {d && d.audience === 'individual' ? (
            <fieldset className="target-kind">
              <legend>Extend it for</legend>
              <label className="radio">
                <input
                  type="radio"
                  name={`${prefix}-kind`}
                  checked={!forGroup}
                  onChange={() => {
                    setForGroup(false);
                    setWho('');
                    clear('target');
                  }}
                />{' '}
                One student
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name={`${prefix}-kind`}
                  checked={forGroup}
                  onChange={() => {
                    setForGroup(true);
                    setWho('');
                    clear('target');
                  }}
                />{' '}
                Every member of a group
              </label>
            </fieldset>
          ) : null}
          <FieldBox id={`${prefix}-target`} label={group ? 'Group' : 'Student'} error={errors.target}>
            <select
              id={`${prefix}-target`}
              value={who}
              onChange={(e) => {
                setWho(e.target.value);
                clear('target');
              }}
              {...described('target')}
            >
              <option value="">{group ? 'Choose a group…' : 'Choose a student…'}</option>
              {group
                ? people.groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {forGroup && g.members.length > 0 ? `${g.name} (${g.members.join(', ')})` : g.name}
                    </option>
                  ))
                : people.students.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
            </select>
          </FieldBox>
        </div>
      )}
      <p className="hint" id={`${prefix}-regular`}>
        {regular
          ? `Regular deadline: ${formatInstant(regular, zone)}${Date.parse(regular) < serverNow ? ' (passed)' : ''}. Suggested: ${formatInstant(suggested!, zone)}.`
          : d?.perMeeting
            ? 'Choose the class to see its regular deadline.'
            : ''}{' '}
        The new one is in {zone} ({zoneAbbreviation(regular ?? new Date().toISOString(), zone)}).
      </p>
      <fieldset
        className="inline-fields"
        aria-describedby={`${prefix}-regular${errors.dueAt ? ` ${prefix}-dueAt-error` : ''}`}
      >
        <legend>New deadline</legend>
        <FieldBox id={`${prefix}-date`} label="Date">
          <input
            id={`${prefix}-date`}
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              clear('dueAt');
            }}
            aria-invalid={errors.dueAt ? true : undefined}
          />
        </FieldBox>
        <FieldBox id={`${prefix}-time`} label="Time">
          <input
            id={`${prefix}-time`}
            type="time"
            value={time}
            onChange={(e) => {
              setTime(e.target.value);
              clear('dueAt');
            }}
            aria-invalid={errors.dueAt ? true : undefined}
          />
        </FieldBox>
        {errors.dueAt ? (
          <p className="field-error" id={`${prefix}-dueAt-error`}>
            {errors.dueAt}
          </p>
        ) : null}
      </fieldset>
      <FieldBox id={`${prefix}-reason`} label="Reason (kept in the audit log)" error={errors.reason}>
        <input
          id={`${prefix}-reason`}
          value={reason}
          maxLength={500}
          onChange={(e) => {
            setReason(e.target.value);
            clear('reason');
          }}
          {...described('reason')}
        />
      </FieldBox>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Granting…' : 'Grant extension'}
      </button>
    </form>
  );
}
