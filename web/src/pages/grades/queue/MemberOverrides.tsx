// Group work is scored once for the group; one member's score can differ, with a reason (audited). Lists each member, their override, and a form to set or remove one.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { pointsProblem } from './draft.js';
import { queueApi, type QueueEntry, type QueueItem } from './queue-client.js';

export function MemberOverrides({
  slug,
  item,
  entry,
  onChanged,
}: {
  slug: string;
  item: QueueItem;
  entry: QueueEntry;
  onChanged: () => void;
}) {
  if (!entry.subject.startsWith('g:')) return null;
  return (
    <details className="overrides">
      <summary>
        One member’s score differs
        {entry.overrides.length > 0 ? ` (${entry.overrides.length} set)` : ''}
      </summary>
      <p className="muted">
        The group’s score goes to every member. Give one member a different score only with a reason; it is
        kept in the audit log.
      </p>
      <ul className="override-list">
        {entry.holders.map((h) => (
          <MemberOverride
            key={h.id}
            slug={slug}
            item={item}
            member={h}
            current={entry.overrides.find((o) => o.userId === h.id) ?? null}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </details>
  );
}

function MemberOverride({
  slug,
  item,
  member,
  current,
  onChanged,
}: {
  slug: string;
  item: QueueItem;
  member: { id: string; name: string };
  current: QueueEntry['overrides'][number] | null;
  onChanged: () => void;
}) {
  const [points, setPoints] = useState(current?.points ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = `ovr-${member.id}`;
  const submit = (clear: boolean) => {
    setError(null);
    setNotice(null);
    if (!clear) {
      const problem =
        pointsProblem(points, item.pointsPossible) ?? (points.trim() ? null : 'Give the points.');
      if (problem) return setError(`${member.name}: ${problem}`);
      if (!reason.trim()) return setError(`Say why ${member.name}’s score differs from the group’s.`);
    }
    queueApi
      .score(slug, item.id, {
        subject: { kind: 'student', userId: member.id },
        points: clear ? null : points.trim(),
        reason: clear ? null : reason.trim(),
        ...(clear ? { clear: true } : {}),
      })
      .then(
        () => {
          setNotice(
            clear ? `${member.name} has the group’s score again.` : `Saved ${member.name}’s own score.`,
          );
          if (clear) {
            setPoints('');
            setReason('');
          }
          onChanged();
        },
        (e: unknown) => setError(messageOf(e)),
      );
  };
  return (
    <li>
      <form
        className="override-form"
        aria-labelledby={`${id}-name`}
        onSubmit={(e: FormEvent) => (e.preventDefault(), submit(false))}
      >
        <h4 id={`${id}-name`}>
          {member.name}
          {current ? <span className="muted"> — own score {current.points ?? '—'}</span> : null}
        </h4>
        <div className="override-fields">
          <div className="field">
            <label htmlFor={`${id}-points`}>Points (out of {item.pointsPossible})</label>
            <input
              id={`${id}-points`}
              type="number"
              inputMode="decimal"
              min="0"
              max={item.pointsPossible}
              step="0.5"
              value={points}
              onChange={(e) => setPoints(e.currentTarget.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </div>
        </div>
        <FormError message={error} />
        <FormNotice message={notice} />
        <button type="submit" className="button button-secondary">
          Save {member.name}’s score
        </button>{' '}
        {current ? (
          <button type="button" className="button button-secondary" onClick={() => submit(true)}>
            Back to the group’s score<span className="visually-hidden"> for {member.name}</span>
          </button>
        ) : null}
      </form>
    </li>
  );
}
