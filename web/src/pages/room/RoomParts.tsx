// The smaller parts of the room: asking a live question, the panel by role, and the reviewer group's critique points.
import { useState, type FormEvent } from 'react';
import {
  CRITIQUE_POINT_MAX,
  ROOM_QUESTION_MAX,
  type RoomGroup,
  type RoomState,
} from '../../../../src/contracts/room.js';
import { plural } from '../../../../src/contracts/words.js';
import type { LiveRoom } from './room-client.js';

/** Ask a live question about one paper (or the class), saying first who will read the name. */
export function AskForm({
  room,
  onAsk,
}: {
  room: RoomState;
  onAsk: (paperIndex: number | null, text: string) => Promise<string | null>;
}) {
  const [text, setText] = useState('');
  const [paper, setPaper] = useState(room.meeting.papers[0] ? String(room.meeting.papers[0].index) : '');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    if (!text.trim()) {
      setError('Write the question first.');
      return;
    }
    setBusy(true);
    const failed = await onAsk(paper === '' ? null : Number(paper), text.trim());
    setBusy(false);
    setError(failed);
    if (!failed) {
      setText('');
      setSent(true);
    }
  };
  return (
    <form className="room-ask card" onSubmit={submit} aria-labelledby="ask-title" noValidate>
      <h2 id="ask-title">Ask a question</h2>
      <div className="field">
        <label htmlFor="ask-paper">About</label>
        <select id="ask-paper" value={paper} onChange={(e) => setPaper(e.target.value)}>
          {room.meeting.papers.map((p) => (
            <option key={p.index} value={String(p.index)}>
              {p.title}
            </option>
          ))}
          <option value="">The class as a whole</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="ask-text">Your question</label>
        <textarea
          id="ask-text"
          rows={3}
          maxLength={ROOM_QUESTION_MAX}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ask-error' : 'ask-hint'}
          onChange={(e) => setText(e.target.value)}
        />
        {error ? (
          <span className="field-error" id="ask-error">
            {error}
          </span>
        ) : (
          <span className="hint" id="ask-hint">
            {room.anonymousQuestions
              ? 'Classmates see the question without your name; the staff see your name.'
              : 'Everyone in the room sees the question under your name.'}
          </span>
        )}
      </div>
      <p className="room-ask-actions">
        <button type="submit" className="button" disabled={busy}>
          Ask
        </button>
        <span role="status" className="muted">
          {sent ? 'Your question is on the board.' : ''}
        </span>
      </p>
    </form>
  );
}

function GroupLine({ g, compact }: { g: RoomGroup; compact: boolean }) {
  return (
    <li>
      <span className="panel-group">{g.name}</span>
      {g.members.length > 0 && !compact ? (
        <span className="panel-members"> {g.members.map((m) => m.name).join(', ')}</span>
      ) : null}
    </li>
  );
}

/** The panel by role: authors (presenting and summary groups), reviewers, and the rest of the class. */
export function PanelRoles({ panel, compact = false }: { panel: RoomState['panel']; compact?: boolean }) {
  const authors = [...panel.presenting, ...panel.summary];
  return (
    <section className="room-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">The panel</h2>
      <div className="panel-roles">
        <div className="panel-role">
          <p className="panel-role-name">Authors</p>
          {authors.length === 0 ? (
            <p className="muted">No group holds the role.</p>
          ) : (
            <ul>
              {panel.presenting.map((g) => (
                <GroupLine key={g.groupId} compact={compact} g={{ ...g, name: `${g.name} (presenting)` }} />
              ))}
              {panel.summary.map((g) => (
                <GroupLine key={g.groupId} compact={compact} g={{ ...g, name: `${g.name} (summary)` }} />
              ))}
            </ul>
          )}
        </div>
        <div className="panel-role">
          <p className="panel-role-name">Reviewers</p>
          {panel.reviewers.length === 0 ? (
            <p className="muted">No group holds the role.</p>
          ) : (
            <ul>
              {panel.reviewers.map((g) => (
                <GroupLine key={g.groupId} compact={compact} g={g} />
              ))}
            </ul>
          )}
        </div>
        <div className="panel-role">
          <p className="panel-role-name">The rest of the class</p>
          <p>Everyone else ({plural(panel.audienceCount, 'student')}) asks questions</p>
        </div>
      </div>
    </section>
  );
}

/** The reviewer group's critique points: written ahead, ticked off live; read by everyone on the panel. */
export function CritiquePoints({
  room,
  onAdd,
  onTick,
  onRemove,
}: {
  room: RoomState;
  onAdd: (text: string) => Promise<string | null>;
  onTick: (id: string, ticked: boolean) => void;
  onRemove: (id: string) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const can = room.abilities.editCritique && !room.closed;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError('Write the point first.');
      return;
    }
    const failed = await onAdd(text.trim());
    setError(failed);
    if (!failed) setText('');
  };
  const done = room.critique.filter((p) => p.ticked).length;
  return (
    <section className="room-critique card" aria-labelledby="critique-title">
      <h2 id="critique-title">
        Critique points{' '}
        <span className="muted">
          ({done} of {room.critique.length} raised)
        </span>
      </h2>
      {room.critique.length === 0 ? (
        <p className="muted">
          {can
            ? 'Write your points before class; tick each one off as you raise it.'
            : 'No points written yet.'}
        </p>
      ) : (
        <ul className="critique-list">
          {room.critique.map((p) => (
            <li key={p.id} className={p.ticked ? 'is-ticked' : undefined}>
              {can ? (
                <>
                  <label>
                    <input
                      type="checkbox"
                      checked={p.ticked}
                      onChange={(e) => onTick(p.id, e.target.checked)}
                    />{' '}
                    {p.text}
                  </label>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove the point: ${p.text.slice(0, 60)}`}
                    onClick={() => onRemove(p.id)}
                  >
                    Remove
                  </button>
                </>
              ) : (
                <span>
                  {p.ticked ? 'Raised: ' : ''}
                  {p.text}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {can ? (
        <form onSubmit={submit} className="critique-add" noValidate>
          <label htmlFor="critique-text">New point</label>
          <div className="critique-add-row">
            <input
              id="critique-text"
              value={text}
              maxLength={CRITIQUE_POINT_MAX}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'critique-error' : undefined}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              Add
            </button>
          </div>
          {error ? (
            <span className="field-error" id="critique-error">
              {error}
            </span>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

/** Reconnecting, in words, while the stream is down (a later error counts too); an empty live region otherwise. */
export function ConnectionLine({ live }: { live: Pick<LiveRoom, 'status' | 'error'> }) {
  const down = live.status === 'reconnecting' || live.error !== null;
  return (
    <p className={down ? 'room-connection' : 'visually-hidden'} role="status">
      {down ? 'Reconnecting… updates resume automatically.' : ''}
    </p>
  );
}
