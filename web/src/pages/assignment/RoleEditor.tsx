// Hand edits of one role (saved locked): checked on the server; a change that breaks a rule needs a confirmation.
import { useState } from 'react';
import { call, detailsOf, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay } from '../../time.js';
import type { StaffAssignmentBody } from '../../../../src/contracts/assignment.js';

export function RoleEditor({
  base,
  data,
  onSaved,
}: {
  base: string;
  data: StaffAssignmentBody;
  onSaved: (message: string) => void;
}) {
  const [meetingId, setMeetingId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [role, setRole] = useState('presenter');
  const [error, setError] = useState<string | null>(null);
  const [violations, setViolations] = useState<string[] | null>(null);

  function save(confirm: boolean) {
    setError(null);
    if (!meetingId || !groupId) return setError('Choose a lecture and a group.');
    call('PUT', `${base}/assignment/roles`, {
      meetingId,
      groupId,
      role: role === 'none' ? null : role,
      confirm,
    }).then(
      () => {
        setViolations(null);
        onSaved(role === 'none' ? 'Role removed.' : 'Role saved and locked.');
      },
      (e: unknown) => {
        const d = detailsOf(e);
        if (d?.reason === 'violations' && Array.isArray(d.violations))
          setViolations((d.violations as Array<{ message: string }>).map((v) => v.message));
        else setError(messageOf(e));
      },
    );
  }

  return (
    <form
      className="toolbar"
      aria-label="Edit a role by hand"
      onSubmit={(e) => {
        e.preventDefault();
        save(false);
      }}
    >
      <label>
        Lecture
        <select value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
          <option value="">Choose…</option>
          {data.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {formatDay(m.date)}
            </option>
          ))}
        </select>
      </label>
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
        Role
        <select value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="presenter">Presenter</option>
          <option value="summarizer">Summary</option>
          <option value="reviewer">Reviewer</option>
          <option value="none">No role</option>
        </select>
      </label>
      <button className="button button-secondary" type="submit">
        Save role
      </button>
      <FormError message={error} />
      {violations ? (
        <div className="form-error" role="alert">
          <p>This change breaks these rules:</p>
          <ul>
            {violations.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => save(true)}>
            Save anyway
          </button>
        </div>
      ) : null}
    </form>
  );
}
