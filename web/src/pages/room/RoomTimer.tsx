// The class timer as everyone sees it (server time), its warnings said once each to screen readers, and its controls.
import { useEffect, useRef, useState } from 'react';
import type { RoomState } from '../../../../src/contracts/room.js';
import { remainingMs, timerWarning, type TimerWarning } from '../../../../src/domain/room-timer.js';
import type { TimerBody } from './room-client.js';
import { useServerNow } from '../../components/server-now.js';
import { announcement, clockText, clockWords, warningWords } from './timer-words.js';

export interface TimerReading {
  remaining: number;
  warning: TimerWarning;
  /** The last warning reached while the timer ran, for the polite live region (empty until one is reached). */
  said: string;
}

/** The timer at the server's clock, refreshed four times a second so the seconds step evenly. */
export function useTimerReading(timer: RoomState['timer']): TimerReading {
  const now = useServerNow(250);
  const remaining = remainingMs(timer, now);
  const warning = timerWarning(remaining);
  const before = useRef<TimerWarning | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    const words = announcement(before.current, warning, timer.running);
    before.current = warning;
    if (words) setSaid(words);
    else if (warning === 'none') setSaid('');
  }, [warning, timer.running]);
  return { remaining, warning, said };
}

/** The big clock: minutes and seconds, labelled in words (read on demand, never announced every second). */
export function TimerFace({
  timer,
  reading,
  className,
}: {
  timer: RoomState['timer'];
  reading: TimerReading;
  className?: string;
}) {
  const state = timer.running ? 'running' : reading.remaining === timer.durationMs ? 'ready' : 'paused';
  const stateWords = { running: 'Running', ready: 'Not started', paused: 'Paused' }[state];
  const warning = warningWords(reading.warning);
  return (
    <div className={`timer timer-${reading.warning} ${className ?? ''}`}>
      <p
        className="timer-face"
        role="timer"
        aria-label={`${clockWords(reading.remaining)}, ${stateWords.toLowerCase()}`}
      >
        {clockText(reading.remaining)}
      </p>
      <p className="timer-state">
        <span className={`badge timer-badge timer-badge-${state}`}>{stateWords}</span>
        {warning ? <span className="timer-warning"> · {warning}</span> : null}
        <span className="muted"> · of {Math.round(timer.durationMs / 60_000)} minutes</span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {reading.said}
      </p>
    </div>
  );
}

/** Start / pause / reset, for those who run the timer. */
export function TimerControls({
  timer,
  onTimer,
  busy,
}: {
  timer: RoomState['timer'];
  onTimer: (body: TimerBody) => void;
  busy: boolean;
}) {
  const fresh = !timer.running && timer.elapsedMs === 0;
  return (
    <div className="timer-controls" role="group" aria-label="Timer">
      {timer.running ? (
        <button type="button" className="button" disabled={busy} onClick={() => onTimer({ action: 'pause' })}>
          Pause the timer
        </button>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => onTimer({ action: 'start' })}>
          {fresh ? 'Start the timer' : 'Resume the timer'}
        </button>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={busy || fresh}
        onClick={() => {
          if (window.confirm('Reset the timer to its full length? Everyone’s view goes back to the start.'))
            onTimer({ action: 'reset' });
        }}
      >
        Reset
      </button>
    </div>
  );
}
