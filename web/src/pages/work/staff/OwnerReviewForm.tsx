// The review form under an owner's versions: a comment, or (when the deliverable needs approval) approve or return with comments.
import { useEffect, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { messageOf } from '../../../auth/client.js';
import { FieldBox, fieldAria } from '../../../auth/Field.js';
import { useServerNow, useServerOffset } from '../../../components/server-now.js';
import { formatInstant, isoAt, zoneAbbreviation, zonedInstant, zonedParts } from '../../../time.js';
import { staffApi, type Decision, type OwnerHandIns, type VersionView } from './staff-client.js';

/** Staff's default resubmission window after a return (the server's default too). */
const DEFAULT_WINDOW_MS = 7 * 86_400_000;

export function ReviewForm({
  data,
  version,
  onChanged,
}: {
  data: OwnerHandIns;
  version: VersionView;
  onChanged: (notice: string) => void;
}) {
  const course = useCourse();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = course.timeZone;
  const id = `review-${version.id}`;
  // A version is approved or returned once; comments stay possible.
  const decided = version.reviews.find((r) => r.decision !== 'comment')?.decision ?? null;
  const decides = data.deliverable.needsApproval && decided === null;
  // The resubmission window a return opens: a week from now (server time) unless staff choose another end.
  const serverNow = useServerNow(60_000);
  const offset = useServerOffset();
  const [untilDate, setUntilDate] = useState('');
  const [untilTime, setUntilTime] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  useEffect(() => {
    const next = zonedParts(isoAt(Date.now() + offset + DEFAULT_WINDOW_MS), zone);
    setUntilDate(next.date);
    setUntilTime(next.time);
  }, [offset, zone]);
  const send = async (decision: Decision) => {
    setError(null);
    setUntilError(null);
    if (decision !== 'approved' && body.trim() === '') {
      setError(
        decision === 'returned' ? 'Say what to change before returning it.' : 'Write the comment first.',
      );
      return;
    }
    let resubmitBy: string | null = null;
    if (decision === 'returned') {
      resubmitBy = zonedInstant(untilDate, untilTime, zone);
      if (!resubmitBy) {
        setUntilError('Enter the date and time a new version is due by.');
        return;
      }
      if (Date.parse(resubmitBy) <= serverNow) {
        setUntilError(
          `That time has already passed (it is now ${formatInstant(isoAt(serverNow), zone)}); choose a later one.`,
        );
        return;
      }
    }
    setBusy(true);
    try {
      const res = await staffApi.review(course.slug, version.id, decision, body, resubmitBy);
      setBody('');
      onChanged(
        decision === 'approved'
          ? `Approved version ${version.version}; ${data.owner.name} sees it.`
          : decision === 'returned'
            ? `Returned version ${version.version} with your comments; ${data.owner.name} can hand in a new version on time until ${formatInstant(res.resubmitBy ?? resubmitBy!, zone)}.`
            : `Comment saved; ${data.owner.name} sees it.`,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="review-form"
      aria-label={`Review version ${version.version}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send('comment');
      }}
    >
      <FieldBox
        id={id}
        label={`${data.deliverable.needsApproval ? 'Comments to the group' : `Comment for ${data.owner.name}`} (on version ${version.version})`}
        error={error}
      >
        <textarea
          id={id}
          rows={3}
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...fieldAria(id, error)}
        />
      </FieldBox>
      {data.deliverable.needsApproval && decided ? (
        <p className="hint">
          Version {version.version} was {decided === 'approved' ? 'approved' : 'returned'}; a decision is made
          once per version, so the next one is on a new version. Comments are still possible.
        </p>
      ) : null}
      {decides ? (
        <fieldset
          className="inline-fields"
          aria-describedby={`${id}-until-hint${untilError ? ` ${id}-until-error` : ''}`}
        >
          <legend>Resubmit by (when returning)</legend>
          <p className="hint" id={`${id}-until-hint`}>
            A new version handed in until then is on time. In {zone} (
            {zoneAbbreviation(isoAt(serverNow), zone)}); a week from now unless you change it.
          </p>
          <FieldBox id={`${id}-until-date`} label="Date">
            <input
              id={`${id}-until-date`}
              type="date"
              value={untilDate}
              onChange={(e) => {
                setUntilDate(e.target.value);
                setUntilError(null);
              }}
              aria-invalid={untilError ? true : undefined}
            />
          </FieldBox>
          <FieldBox id={`${id}-until-time`} label="Time">
            <input
              id={`${id}-until-time`}
              type="time"
              value={untilTime}
              onChange={(e) => {
                setUntilTime(e.target.value);
                setUntilError(null);
              }}
              aria-invalid={untilError ? true : undefined}
            />
          </FieldBox>
          {untilError ? (
            <p className="field-error" id={`${id}-until-error`}>
              {untilError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        {decides ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void send('approved')}>
              Approve
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void send('returned')}
            >
              Return with comments
            </button>
          </>
        ) : null}
        <button type="submit" className={`button${decides ? ' button-secondary' : ''}`} disabled={busy}>
          Add comment
        </button>
      </div>
    </form>
  );
}
