// The class's phases: presentation → panel → open questions, shown as steps and moved by staff or the presenters.
import type { RoomPhase, RoomState } from '../../../../src/contracts/room.js';
import { CLASS_PHASES, PHASE_HINTS, PHASE_WORDS } from './room-state.js';

/** The three steps with the current one marked (in words too: "now"), and what the phase means. */
export function PhaseLine({ phase, hint = true }: { phase: RoomPhase; hint?: boolean }) {
  const at = CLASS_PHASES.indexOf(phase as (typeof CLASS_PHASES)[number]);
  return (
    <div className="phase">
      <ol className="phase-steps" aria-label="Phases of the class">
        {CLASS_PHASES.map((p, i) => (
          <li
            key={p}
            className={i === at ? 'is-current' : i < at || phase === 'ended' ? 'is-past' : undefined}
            aria-current={i === at ? 'step' : undefined}
          >
            {PHASE_WORDS[p]}
            {i === at ? <span className="visually-hidden"> (now)</span> : null}
          </li>
        ))}
      </ol>
      {hint ? (
        <p className="phase-hint">
          {at < 0 ? <strong>{PHASE_WORDS[phase]}. </strong> : null}
          {PHASE_HINTS[phase]}
        </p>
      ) : null}
    </div>
  );
}

/** Moves the class to the next phase (or any phase), ends it; staff also show the check-in code on the projector. */
export function PhaseControl({
  room,
  busy,
  onPhase,
  onCheckIn,
}: {
  room: RoomState;
  busy: boolean;
  onPhase: (phase: RoomPhase) => void;
  onCheckIn: (show: boolean) => void;
}) {
  const order: RoomPhase[] = ['before', ...CLASS_PHASES, 'ended'];
  const next = order[order.indexOf(room.phase) + 1];
  return (
    <div className="phase-control">
      {next && !room.closed ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              if (next !== 'ended' || window.confirm('End the class? Classmates can no longer ask or vote.'))
                onPhase(next);
            }}
          >
            {next === 'ended' ? 'End the class' : `Move to: ${PHASE_WORDS[next]}`}
          </button>
        </p>
      ) : null}
      <div className="field field-inline">
        <label htmlFor="phase-pick">Phase</label>
        <select
          id="phase-pick"
          value={room.phase}
          disabled={busy || (room.closed && !room.abilities.manage)}
          onChange={(e) => onPhase(e.target.value as RoomPhase)}
        >
          {order.map((p) => (
            <option key={p} value={p}>
              {PHASE_WORDS[p]}
            </option>
          ))}
        </select>
      </div>
      {room.abilities.manage ? (
        <label className="check-line">
          <input
            type="checkbox"
            checked={room.checkInCode !== null}
            disabled={busy}
            onChange={(e) => onCheckIn(e.target.checked)}
          />{' '}
          Show the check-in code on the projector
          {room.checkInCode ? <strong> ({room.checkInCode})</strong> : null}
        </label>
      ) : null}
    </div>
  );
}
