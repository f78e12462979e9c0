// Staff inputs of the solver besides rankings and locks: per-role counts, and dates a group cannot take a role.
import { useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay } from '../../time.js';
import type { StaffAssignmentBody } from '../../../../src/contracts/assignment.js';

export function AssignmentSettings({
  base,
  data,
  onSaved,
}: {
  base: string;
  data: StaffAssignmentBody;
  onSaved: (message: string) => void;
}) {
  const roles = data.settings.roles;
  const [presenters, setPresenters] = useState(roles.presentersPerMeeting);
  const [summarizers, setSummarizers] = useState(roles.summarizersPerMeeting);
  const [reviewers, setReviewers] = useState(
    roles.reviewersPerMeeting === 'each-group-once' ? '' : String(roles.reviewersPerMeeting),
  );
  const [groupId, setGroupId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]));
  const meeting = new Map(data.meetings.map((m) => [m.id, m]));

  function send(method: string, path: string, body: unknown, done: string) {
    setError(null);
    call(method, `${base}${path}`, body).then(
      () => onSaved(done),
      (e: unknown) => setError(messageOf(e)),
    );
  }

  return (
    <section className="section" aria-labelledby="solver-inputs">
      <h2 id="solver-inputs">Role counts and unavailable dates</h2>
      <FormError message={error} />
      <form
        className="toolbar"
        aria-label="Role counts per lecture"
        onSubmit={(e) => {
          e.preventDefault();
          send(
            'PATCH',
            '/assignment/settings',
            {
              presentersPerMeeting: presenters,
              summarizersPerMeeting: summarizers,
              reviewersPerMeeting: reviewers === '' ? null : Number(reviewers),
            },
            'Role counts saved: plan again to use them.',
          );
        }}
      >
        <label>
          Presenter groups per lecture
          <input
            type="number"
            min={0}
            max={20}
            value={presenters}
            onChange={(e) => setPresenters(Number(e.target.value))}
          />
        </label>
        <label>
          Summary groups per lecture
          <input
            type="number"
            min={0}
            max={20}
            value={summarizers}
            onChange={(e) => setSummarizers(Number(e.target.value))}
          />
        </label>
        <label>
          Reviewer groups per lecture (blank: each group once)
          <input
            type="number"
            min={0}
            max={20}
            value={reviewers}
            onChange={(e) => setReviewers(e.target.value)}
          />
        </label>
        <button className="button button-secondary" type="submit">
          Save counts
        </button>
      </form>
      <form
        className="toolbar"
        aria-label="Mark a group unavailable"
        onSubmit={(e) => {
          e.preventDefault();
          if (!groupId || !meetingId) return setError('Choose a group and a lecture.');
          send(
            'POST',
            '/assignment/exclusions',
            { groupId, meetingId, excluded: true },
            `${groupName.get(groupId)} is unavailable on ${formatDay(meeting.get(meetingId)!.date)}: plan again.`,
          );
        }}
      >
        <label>
          Group
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">Choose…</option>
            {data.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Unavailable on
          <select value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
            <option value="">Choose…</option>
            {data.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDay(m.date)}
              </option>
            ))}
          </select>
        </label>
        <button className="button button-secondary" type="submit">
          Mark unavailable
        </button>
      </form>
      {data.exclusions.length === 0 ? (
        <p className="muted">No group is marked unavailable.</p>
      ) : (
        <ul className="panel-list">
          {data.exclusions.map((x) => (
            <li key={`${x.groupId}-${x.meetingId}`}>
              {groupName.get(x.groupId) ?? x.groupId} unavailable on{' '}
              {meeting.get(x.meetingId) ? formatDay(meeting.get(x.meetingId)!.date) : 'a removed lecture'}{' '}
              <button
                type="button"
                className="button button-secondary small"
                onClick={() =>
                  send(
                    'POST',
                    '/assignment/exclusions',
                    { groupId: x.groupId, meetingId: x.meetingId, excluded: false },
                    'Available again: plan again.',
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
