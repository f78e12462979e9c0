// A student's effective start date on the roster: work due before it is not theirs (a local date in the course's zone).
import { useState, type FormEvent } from 'react';
import { call } from '../../auth/client.js';

export function StartDate({
  base,
  person,
  zoneLabel,
  editable,
  onSaved,
  onError,
}: {
  base: string;
  person: { userId: string; name: string; startsOn: string | null; startSetByHand: boolean };
  /** "Central Time (CST)" */
  zoneLabel: string;
  editable: boolean;
  onSaved: (message: string) => void;
  onError: (error: unknown) => void;
}) {
  const [value, setValue] = useState(person.startsOn ?? '');
  const [busy, setBusy] = useState(false);
  if (!editable || person.startsOn === null) return <>{person.startsOn ?? ''}</>;
  const id = `start-${person.userId}`;
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await call('PUT', `${base}/roster/${encodeURIComponent(person.userId)}/start`, { date: value });
      onSaved(`${person.name}’s work is now due from ${value} (${zoneLabel}); earlier work is not theirs.`);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="start-date" onSubmit={(e) => void save(e)}>
      <label htmlFor={id} className="visually-hidden">
        Work due from, for {person.name} ({zoneLabel})
      </label>
      <input
        id={id}
        type="date"
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby="start-date-help"
      />
      <button type="submit" className="button button-secondary" disabled={busy || value === person.startsOn}>
        Set<span className="visually-hidden"> start date of {person.name}</span>
      </button>
      {person.startSetByHand ? <span className="muted start-set">set by staff</span> : null}
    </form>
  );
}
