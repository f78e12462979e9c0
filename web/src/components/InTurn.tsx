// Hydration in turns: a long server-rendered page hydrates its top at once and each later part in a task of its own,
// so the browser never runs one long task for the whole page (it can paint and answer input between parts).
import { Suspense, type ReactNode } from 'react';

interface Turn {
  promise: Promise<void>;
  done: boolean;
}

/** Turns by id while the page hydrates; null once every part has had its turn (later renders are immediate). */
let turns: Map<string, Turn> | null = null;
const waiting: Array<() => void> = [];
let channel: MessageChannel | null = null;

/** Lets the parts wrapped in InTurn hydrate one per task (called just before hydrating a server-rendered page). */
export function hydrateInTurns(): void {
  turns = new Map();
}

/** Gives the next waiting part its turn in a task of its own (a message, not a timer: no 4 ms clamp). */
function next(): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      waiting.shift()?.();
      if (waiting.length > 0) channel?.port2.postMessage(null);
      else turns = null;
    };
  }
  channel.port2.postMessage(null);
}

function Wait({ id, children }: { id: string; children: ReactNode }) {
  if (turns) {
    let turn = turns.get(id);
    if (!turn) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      const created: Turn = { promise, done: false };
      turn = created;
      turns.set(id, created);
      waiting.push(() => {
        created.done = true;
        resolve();
      });
      if (waiting.length === 1) next();
    }
    // Suspending while hydrating keeps the server's markup on screen until the part's turn.
    if (!turn.done) throw turn.promise;
  }
  return <>{children}</>;
}

/**
 * `children` (one element: it is the markup kept while waiting) hydrates in a later task than the page around it,
 * in the order the parts were rendered. Outside hydration it renders at once. `id` is unique on the page.
 */
export function InTurn({ id, children }: { id: string; children: ReactNode }) {
  // A boundary per part: each resumes on its own instead of all at once when the last is ready.
  return (
    <Suspense fallback={null}>
      <Wait id={id}>{children}</Wait>
    </Suspense>
  );
}
